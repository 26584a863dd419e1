"""The Counter-Terrorism Act 2008 Part 4 notification rules for terrorism offences
(`offences.terrorism`), ready for category 4 to use.

Source: the revised Act "last updated 2025-01-01" (GitHub legalize-dev/legalize-uk,
uk/ukpga-2008-28.md, commit f977010), ss.41 to 45, 53 and 61; Part 4 in force 1 October 2009
(S.I. 2009/1493 art. 2(a)); CTA 2008 s.41(1)(f), (g) from 29 June 2021 (Counter-Terrorism and
Sentencing Act 2021 s.50(2)(s)). A hospital order's result rests on the offence's maximum term,
which the catalogue does not hold, so it alone is marked unverified.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mappa.offences import catalogue, rules
from mappa.offences.terrorism import S41_OFFENCES, TerrorismFacts, terrorism_notification
from mappa.people.eligibility import ConvictionRow, terrorism_facts

DEALT_WITH = date(2022, 3, 1)
CTA = "Counter-Terrorism Act 2008"


def facts(**overrides) -> TerrorismFacts:
    fields = dict(
        code="TA2006/s5",
        title="Preparation of terrorist acts",
        outcome="conviction",
        dealt_with_on=DEALT_WITH,
        age_when_dealt_with=30,
        disposal_type="imprisonment",
        term_months=48.0,
        detention_and_training_order=False,
    )
    return TerrorismFacts(**{**fields, **overrides})


# s.45(1)(a) sentences and s.53 periods (30 / 15 / 10 years)
@pytest.mark.parametrize(
    "changes, years, words",
    [
        ({"disposal_type": "life_imprisonment", "term_months": None}, 30, "s.45(1)(a)(i)"),
        ({"disposal_type": "ipp", "term_months": None}, 30, "s.45(1)(a)(iii)"),
        ({"term_months": 120.0}, 30, "120 months (s.45(1)(a)(ii), (iv))"),
        ({"term_months": 119.0}, 15, "s.45(1)(a)(ii)"),
        ({"term_months": 60.0}, 15, "s.45(1)(a)(ii)"),
        ({"term_months": 59.0}, 10, "s.45(1)(a)(ii)"),
        ({"term_months": 12.0}, 10, "s.45(1)(a)(ii)"),
        ({"disposal_type": "suspended_imprisonment", "term_months": 12.0}, 10, "12 months"),
        ({"age_when_dealt_with": 17, "term_months": 144.0}, 10, "s.45(1)(a)(ii)"),
        (
            {"age_when_dealt_with": 16, "term_months": 24.0, "detention_and_training_order": True},
            10,
            "a detention and training order for 24 months (s.45(1)(a)(v))",
        ),
        ({"disposal_type": "hospital_order", "term_months": None}, 10, "s.45(1)(b)"),
        (
            {"outcome": "not_guilty_insanity", "disposal_type": "hospital_order"},
            10,
            "s.45(1)(b)",
        ),
    ],
)
def test_a_triggering_sentence_brings_notification_for_its_period(changes, years, words):
    result = terrorism_notification(facts(**changes))
    assert result.applies
    assert result.period_years == years
    assert result.start_date == DEALT_WITH  # s.53(4): the day dealt with
    assert words in result.basis
    assert f"{years} years from {DEALT_WITH} (s.53(1), (4))" in result.basis
    hospital = changes.get("disposal_type") == "hospital_order"
    # s.45(1)(b) also needs a maximum term of 12 months or more, which is not recorded
    assert result.verified is not hospital
    assert ("UNVERIFIED" in result.basis) is hospital


# s.45(2) Scotland and s.45(3) Northern Ireland: the same sentences, under their own subsection
@pytest.mark.parametrize(
    "country, changes, words",
    [
        ("scotland", {}, "imprisonment or detention for 48 months (s.45(2)(a)(ii), (v))"),
        ("scotland", {"disposal_type": "life_imprisonment"}, "for life (s.45(2)(a)(i))"),
        ("scotland", {"disposal_type": "ipp"}, "lifelong restriction (s.45(2)(a)(iii))"),
        ("scotland", {"disposal_type": "hospital_order"}, "a hospital order (s.45(2)(b))"),
        ("northern_ireland", {}, "for 48 months (s.45(3)(a)(ii), (vii))"),
        ("northern_ireland", {"disposal_type": "life_imprisonment"}, "(s.45(3)(a)(i))"),
        ("northern_ireland", {"disposal_type": "ipp"}, "custodial sentence (s.45(3)(a)(iii))"),
        (
            "northern_ireland",
            {"age_when_dealt_with": 16, "detention_and_training_order": True},
            "a juvenile justice centre order for 48 months (s.45(3)(a)(v))",
        ),
    ],
)
def test_a_court_in_scotland_or_northern_ireland_uses_its_own_subsection(country, changes, words):
    result = terrorism_notification(facts(court_jurisdiction=country, **changes))
    assert result.applies
    assert words in result.basis


# s.44, s.45: what does not trigger the requirements
@pytest.mark.parametrize(
    "changes, words",
    [
        ({"term_months": 11.0}, f"no sentence or order within {CTA} s.45"),
        ({"disposal_type": "community_order", "term_months": 24.0}, "no sentence or order"),
        ({"disposal_type": "fine", "term_months": None}, "no sentence or order"),
        ({"outcome": "caution", "disposal_type": "none", "term_months": None}, "no sentence"),
        (
            {"outcome": "unfit_to_plead_did_act", "disposal_type": "absolute_discharge"},
            "no sentence",
        ),
        ({"age_when_dealt_with": 15}, "s.44(a) needs 16 or over when dealt with: aged 15"),
        ({"age_when_dealt_with": None}, "age when dealt with is not recorded"),
        # s.57, Schedule 4: dealt with abroad, only a court's notification order brings Part 4
        ({"court_jurisdiction": "outside_uk"}, f"notification order ({CTA} s.57, Schedule 4)"),
        # s.43(1): dealt with before Part 4 came into force on 1 October 2009
        ({"dealt_with_on": date(2009, 9, 30)}, f"on licence for it ({CTA} s.43(1))"),
    ],
)
def test_it_does_not_apply_without_the_age_and_sentence(changes, words):
    result = terrorism_notification(facts(**changes))
    assert not result.applies
    assert result.period_years is None
    assert words in result.basis
    assert result.verified


def test_part_4_applies_to_an_offence_dealt_with_on_the_day_it_came_into_force():
    assert terrorism_notification(facts(dealt_with_on=date(2009, 10, 1))).applies


# s.41(1)(f), (g): TPIM and temporary exclusion order breaches, dealt with from 29 June 2021
@pytest.mark.parametrize("code", ["TPIMA2011/s23", "CSA2015/s10"])
@pytest.mark.parametrize(
    "dealt_with, applies", [(date(2021, 6, 28), False), (date(2021, 6, 29), True)]
)
def test_a_breach_brings_part_4_only_when_dealt_with_from_29_june_2021(code, dealt_with, applies):
    result = terrorism_notification(facts(code=code, title="Breach", dealt_with_on=dealt_with))
    assert result.applies is applies
    assert result.verified
    if not applies:
        assert "only when dealt with on or after 2021-06-29" in result.basis


def test_an_offence_outside_part_4_brings_no_terrorism_notification():
    result = terrorism_notification(facts(code="TA1968/s1", title="Theft"))
    assert not result.applies
    assert result.basis == f"Theft (TA1968/s1) is not an offence to which {CTA} Part 4 applies"
    assert result.verified


# s.41(1): every listed code is in the catalogue, and every Schedule 15 Part 3 offence is listed
def test_the_s41_list_and_the_catalogue_agree():
    known = {o.code for o in catalogue.all_offences()}
    assert set(S41_OFFENCES) <= known
    part_3 = {
        o.code for o in catalogue.all_offences() if o.schedule_15 and 3 in o.schedule_15.parts
    }
    assert part_3 and part_3 <= set(S41_OFFENCES)


@pytest.mark.parametrize(
    "code, paragraph",
    [
        ("TA2000/s11", "s.41(1)(a)"),
        ("TA2000/s15", "s.41(1)(a)"),
        ("TA2000/s38B", "s.41(1)(a)"),
        ("TA2000/s58B", "s.41(1)(a)"),
        ("ACSA2001/s113", "s.41(1)(c)"),
        ("TA2006/s11", "s.41(1)(d)"),
    ],
)
def test_each_listed_offence_names_its_paragraph(code, paragraph):
    result = terrorism_notification(facts(code=code, title="Listed"))
    assert result.applies and result.verified
    assert f"Listed ({code}) is an offence to which {CTA} Part 4 applies ({paragraph})" in (
        result.basis
    )


# s.42(1): an offence the court determined has a terrorist connection
def test_a_determined_terrorist_connection_brings_part_4():
    connected = facts(
        code="OAPA1861/s18",
        title="Wounding with intent to cause grievous bodily harm",
        terrorist_connection_determined=True,
    )
    result = terrorism_notification(connected)
    assert result.applies and result.verified
    assert "s.42(1): the court determined that Wounding with intent" in result.basis


def test_the_rules_module_offers_the_terrorism_rule():
    assert rules.terrorism_notification is terrorism_notification


# The adapter reads a conviction against the catalogue: the age on the relevant date, a DTO's
# whole term, the court's country
@pytest.mark.parametrize(
    "code, court, applies",
    [
        ("TA2000/s58", "england_and_wales", True),
        ("TA2000/s58", "outside_uk", False),
        ("TA2000/s16", "scotland", True),
        ("OAPA1861/s18", "england_and_wales", False),
        ("CAA1984/s1", "england_and_wales", False),
    ],
)
def test_a_conviction_becomes_terrorism_facts(code, court, applies):
    row = ConvictionRow(
        code,
        "conviction",
        DEALT_WITH,
        None,
        None,
        "imprisonment",
        Decimal(36),
        None,
        "",
        False,
        court,
    )
    made = terrorism_facts(row, date(1990, 3, 2))
    assert made.court_jurisdiction == court
    assert made.age_when_dealt_with == 31
    assert made.term_months == 36.0
    assert terrorism_notification(made).applies is applies

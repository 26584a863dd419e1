"""The Counter-Terrorism Act 2008 Part 4 notification rules for terrorism offences
(`offences.terrorism`), ready for category 4 to use.

Sources (legislation.gov.uk): CTA 2008 s.44 (in force 1 October 2009, S.I. 2009/1493 art. 2(a));
s.45(1) current text and as at 1 October 2009; s.53 as described in the Explanatory Notes para
139. s.41's list was not read, so a Part 3 offence's notification is never marked verified.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mappa.offences import rules
from mappa.offences.terrorism import TerrorismFacts, terrorism_notification
from mappa.people.eligibility import ConvictionRow, terrorism_facts

DEALT_WITH = date(2022, 3, 1)


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
        in_schedule_15_part_3=True,
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
    assert f"{years} years from {DEALT_WITH}" in result.basis
    assert "UNVERIFIED" in result.basis and not result.verified


# s.44, s.45: what does not trigger the requirements
@pytest.mark.parametrize(
    "changes, words",
    [
        ({"term_months": 11.0}, "no sentence or order within Counter-Terrorism Act 2008 s.45(1)"),
        ({"disposal_type": "community_order", "term_months": 24.0}, "no sentence or order"),
        ({"disposal_type": "fine", "term_months": None}, "no sentence or order"),
        ({"outcome": "caution", "disposal_type": "none", "term_months": None}, "no sentence"),
        (
            {"outcome": "unfit_to_plead_did_act", "disposal_type": "absolute_discharge"},
            "no sentence",
        ),
        ({"age_when_dealt_with": 15}, "s.44(a) needs 16 or over when dealt with: aged 15"),
        ({"age_when_dealt_with": None}, "age when dealt with is not recorded"),
    ],
)
def test_it_does_not_apply_without_the_age_and_sentence(changes, words):
    result = terrorism_notification(facts(**changes))
    assert not result.applies
    assert result.period_years is None
    assert words in result.basis


def test_an_offence_outside_part_4_brings_no_terrorism_notification():
    result = terrorism_notification(
        facts(code="TA1968/s1", title="Theft", in_schedule_15_part_3=False)
    )
    assert not result.applies
    assert result.basis == (
        "Theft (TA1968/s1) is not an offence to which Counter-Terrorism Act 2008 Part 4 applies"
    )
    assert result.verified


# s.42: an offence the court determined has a terrorist connection
def test_a_determined_terrorist_connection_brings_part_4():
    connected = facts(
        code="OAPA1861/s18",
        title="Wounding with intent to cause grievous bodily harm",
        in_schedule_15_part_3=False,
        terrorist_connection_determined=True,
    )
    result = terrorism_notification(connected)
    assert result.applies
    assert "s.42: the court determined that the offence has a terrorist connection" in result.basis


def test_the_rules_module_offers_the_terrorism_rule():
    assert rules.terrorism_notification is terrorism_notification


# The adapter reads a conviction against the catalogue: Part 3 from the listing, the age on the
# relevant date, a DTO's whole term
@pytest.mark.parametrize(
    "code, part_3, applies",
    [("TA2000/s58", True, True), ("OAPA1861/s18", False, False), ("CAA1984/s1", False, False)],
)
def test_a_conviction_becomes_terrorism_facts(code, part_3, applies):
    row = ConvictionRow(
        code, "conviction", DEALT_WITH, None, None, "imprisonment", Decimal(36), None, "", False
    )
    made = terrorism_facts(row, date(1990, 3, 2))
    assert made.in_schedule_15_part_3 is part_3
    assert made.age_when_dealt_with == 31
    assert made.term_months == 36.0
    assert terrorism_notification(made).applies is applies

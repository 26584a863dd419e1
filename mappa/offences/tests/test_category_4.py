"""Category 4, terrorist and terrorism-risk offenders: what the record says (`offences.category_4`).

Sources: MAPPA Guidance ch.24 ("Managing Terrorism and Extremism"), para 24.25 (updated 13
September 2023): "Most TACT/TACT connected individuals will be managed under CT MAPPA but they may
be managed under local MAPPA where the primary risk does not relate to terrorism. The Lead Agency
will determine ..."; Ministry of Justice written answer, 20 May 2024: "Category 4 are terrorist or
terrorism-risk offenders". The guidance's definition of category 4 was not read, so an indication
rests on the Counter-Terrorism Act 2008 Part 4 notification requirements (ss.41-45, 53) and is
never marked verified. The statutory category (CJA 2003 s.327) is left as it is: the contract keeps
category 4 a decision (shared/contracts/nominal-import.md; decision 0013).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.offences import catalogue, rules
from mappa.offences.category_4 import category_4
from mappa.offences.tests.test_terrorism import DEALT_WITH, facts
from mappa.people.eligibility import ConvictionRow, for_record

AS_OF = date(2024, 1, 1)
BORN = date(1980, 1, 1)
PART_3 = sorted(
    o.code for o in catalogue.all_offences() if o.schedule_15 and o.schedule_15.parts == {3}
)


# MAPPA Guidance ch.24 with CTA 2008 s.44 (16 or over), s.45(1) (the sentence): indicated,
# left to judgement, or nothing to say
@pytest.mark.parametrize(
    "changes, indicated, needs_judgement",
    [
        ({}, True, False),  # 48 months' imprisonment, aged 30: s.45(1)(a)(ii)
        ({"disposal_type": "life_imprisonment", "term_months": None}, True, False),
        ({"term_months": 12.0}, True, False),
        ({"term_months": 11.0}, False, True),  # below s.45(1)(a)'s 12 months
        ({"disposal_type": "fine", "term_months": None}, False, True),
        ({"age_when_dealt_with": 15}, False, True),  # s.44(a): under 16
        ({"code": "TA1968/s1"}, None, None),  # no terrorism offence
        ({"code": "OAPA1861/s18", "terrorist_connection_determined": True}, True, False),
        ({"court_jurisdiction": "outside_uk"}, False, True),  # CTA 2008 s.57: an order decides
        ({"dealt_with_on": date(2009, 1, 5)}, False, True),  # CTA 2008 s.43(1): before Part 4
    ],
)
def test_what_the_record_says_for_category_4(changes, indicated, needs_judgement):
    finding = category_4([facts(**changes)], AS_OF)
    if indicated is None:
        assert finding is None
        return
    assert (finding.indicated, finding.needs_judgement) == (indicated, needs_judgement)


def test_an_indication_cites_its_sources_and_is_marked_unverified():
    finding = category_4([facts()], AS_OF)
    assert finding.verified is False
    for words in ("MAPPA Guidance ch.24", "20 May 2024", "Part 4 notification", "UNVERIFIED"):
        assert words in finding.basis
    assert "CT MAPPA" in finding.basis and "para 24.25" in finding.basis


def test_a_terrorism_offence_without_part_4_leaves_the_judgement_to_people():
    finding = category_4([facts(term_months=6.0)], AS_OF)
    assert "terrorism-risk offender" in finding.basis
    assert "a judgement, recorded on the case with its rationale" in finding.basis


def test_an_offence_dealt_with_after_the_date_says_nothing_yet():
    assert category_4([facts(dealt_with_on=date(2025, 1, 1))], AS_OF) is None
    assert category_4([], AS_OF) is None


def test_an_indication_wins_over_a_later_offence_that_brings_none():
    later = facts(dealt_with_on=date(2023, 1, 1), term_months=3.0)
    assert category_4([facts(), later], AS_OF).indicated is True


def row(code, term=48, disposal="imprisonment"):
    return ConvictionRow(
        code, "conviction", DEALT_WITH, None, None, disposal, Decimal(term), None, "", False
    )


PERSON = type("P", (), {"date_of_birth": BORN, "release_date": None, "licence_end_date": None})


@pytest.mark.parametrize("code", PART_3)
def test_each_part_3_offence_with_4_years_indicates_category_4_on_the_record(code):
    result = for_record(PERSON, convictions=[row(code)], events=[], as_of=AS_OF)
    assert result.category_4 is not None and result.category_4.indicated
    assert result.category is None  # s.327(3)(a): Part 3 alone is no statutory category
    assert result.basis.endswith(result.category_4.basis)


def test_the_statutory_category_and_its_reason_stand_beside_the_finding():
    convictions = [row("TA2006/s5"), row("OAPA1861/s18")]
    result = for_record(PERSON, convictions=convictions, events=[], as_of=AS_OF)
    assert result.category == 2
    assert result.basis.startswith("Category 2: convicted of")
    assert "Category 4 indicated" in result.basis


def test_a_record_without_a_terrorism_offence_has_no_finding_and_the_same_reason():
    result = for_record(PERSON, convictions=[row("OAPA1861/s18")], events=[], as_of=AS_OF)
    assert result.category_4 is None
    assert "Category 4" not in result.basis


# The finding never changes the statutory result: category, notification and end dates
@given(
    term=st.one_of(st.none(), st.floats(min_value=0, max_value=400)),
    age=st.one_of(st.none(), st.integers(min_value=10, max_value=80)),
    disposal=st.sampled_from(["imprisonment", "life_imprisonment", "hospital_order", "fine"]),
    part_3=st.booleans(),
)
def test_the_finding_never_changes_the_statutory_result(term, age, disposal, part_3):
    terror = facts(
        code="TA2006/s5" if part_3 else "TA1968/s1",
        term_months=term,
        age_when_dealt_with=age,
        disposal_type=disposal,
    )
    offence = rules.OffenceFacts(
        code=terror.code,
        title=terror.title,
        outcome="conviction",
        relevant_date=DEALT_WITH,
        disposal_type=disposal,
        term_months=term if disposal == "imprisonment" and term else 12.0,
        age_on_relevant_date=age,
        triggers_notification=False,
        notification_basis="",
        in_schedule_15=False,
        schedule_15_reference="",
        is_murder=False,
        in_schedule_15_part_3=part_3,
    )
    person = rules.PersonFacts(BORN, None, None, None)
    alone = rules.evaluate(offences=[offence], person=person, as_of=AS_OF)
    both = rules.evaluate(offences=[offence], person=person, as_of=AS_OF, terrorism=[terror])
    assert replace(both, basis=alone.basis, category_4=None) == alone
    assert both.category is None

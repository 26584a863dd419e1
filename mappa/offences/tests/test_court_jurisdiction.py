"""Category 2 needs a court in England and Wales (CJA 2003 s.327(3)(a), (4)(a)).

s.327(3)(a) as in force (legislation.gov.uk, text up to date to 18 November 2024): "convicted by a
court in England or Wales of murder or an offence specified in Part 1 or 2 of Schedule 15 or in
subsection (4A)"; s.327(4)(a): found "by a court in England and Wales" not guilty by reason of
insanity, or under a disability and to have done the act. A conviction recorded without a court
is taken as England and Wales (the import format's default, decision 0013).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mappa.offences import rules
from mappa.offences.constants import CourtJurisdiction
from mappa.people.eligibility import ConvictionRow, for_record, offence_facts

BORN = date(1980, 1, 1)
CONVICTED = date(2021, 6, 1)
AS_OF = date(2022, 1, 1)
IN_CUSTODY = rules.PersonFacts(BORN, None, None, None)


def row(code="OAPA1861/s18", outcome="conviction", disposal="imprisonment", term=48, court=None):
    fields = [code, outcome, CONVICTED, None, None, disposal, Decimal(term), None, "", False]
    return ConvictionRow(*fields) if court is None else ConvictionRow(*fields, court)


def evaluate(*rows):
    facts = [offence_facts(r, BORN) for r in rows]
    return rules.evaluate(offences=facts, person=IN_CUSTODY, as_of=AS_OF)


# s.327(3)(a) (conviction) and s.327(4)(a) (findings): only a court in England and Wales counts
@pytest.mark.parametrize(
    "outcome, disposal, court, category",
    [
        ("conviction", "imprisonment", None, 2),  # not recorded: England and Wales
        ("conviction", "imprisonment", "england_and_wales", 2),
        ("conviction", "imprisonment", "scotland", None),
        ("conviction", "imprisonment", "northern_ireland", None),
        ("conviction", "imprisonment", "outside_uk", None),
        ("not_guilty_insanity", "hospital_order", "england_and_wales", 2),
        ("not_guilty_insanity", "hospital_order", "scotland", None),
        ("unfit_to_plead_did_act", "guardianship_order", "england_and_wales", 2),
        ("unfit_to_plead_did_act", "guardianship_order", "outside_uk", None),
    ],
)
def test_category_2_counts_only_a_court_in_england_and_wales(outcome, disposal, court, category):
    result = evaluate(row(outcome=outcome, disposal=disposal, court=court))
    assert result.category == category


@pytest.mark.parametrize(
    "court, words",
    [
        ("scotland", "a court in Scotland"),
        ("northern_ireland", "a court in Northern Ireland"),
        ("outside_uk", "a court outside the United Kingdom"),
    ],
)
def test_the_reason_names_the_court_and_s327(court, words):
    result = evaluate(row(court=court))
    assert f"(OAPA1861/s18) was dealt with by {words}" in result.basis
    assert "s.327(3)(a) and (4)(a) count only a conviction or finding by a court in England" in (
        result.basis
    )


def test_the_court_is_not_mentioned_when_the_sentence_would_not_qualify_anyway():
    result = evaluate(row(term=6, court="scotland"))
    assert result.category is None
    assert "Scotland" not in result.basis


def test_a_conviction_in_england_and_wales_still_counts_beside_one_elsewhere():
    result = evaluate(row(court="scotland"), row(code="CL/manslaughter", term=24))
    assert result.category == 2
    assert "CL/manslaughter" in result.basis


# s.327(2): category 1 is being subject to the SOA 2003 Part 2 notification requirements, which
# s.327 does not tie to a court in England and Wales; this rule leaves category 1 as it was
def test_category_1_does_not_read_the_court():
    result = evaluate(row(code="SOA2003/s1", term=24, court="scotland"))
    assert result.category == 1


def test_the_adapter_reads_the_court_from_the_record():
    facts = offence_facts(row(court=CourtJurisdiction.NORTHERN_IRELAND.value), BORN)
    assert facts.court_jurisdiction == "northern_ireland"
    assert offence_facts(row(), BORN).court_jurisdiction == "england_and_wales"


def test_the_person_record_route_applies_it():
    person = type("P", (), {"date_of_birth": BORN, "release_date": None, "licence_end_date": None})
    here = for_record(person, convictions=[row()], events=[], as_of=AS_OF)
    abroad = for_record(person, convictions=[row(court="outside_uk")], events=[], as_of=AS_OF)
    assert (here.category, abroad.category) == (2, None)

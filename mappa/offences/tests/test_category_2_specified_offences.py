"""Category 2 counts only the offences s.327(3)(a) specifies: murder, Schedule 15 Parts 1 and 2,
and s.327(4A); never a Schedule 15 Part 3 (terrorism) offence alone.

CJA 2003 s.327(3)(a) as in force (legislation.gov.uk, text up to date to 18 November 2024):
"convicted by a court in England or Wales of murder or an offence specified in Part 1 or 2 of
Schedule 15 or in subsection (4A) below". Facts go through the same adapter as a person record
(`people.eligibility.offence_facts`), so the catalogue's listings are what is tested.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.offences import catalogue, rules, unverified
from mappa.offences.constants import DisposalType, Outcome
from mappa.people.eligibility import ConvictionRow, offence_facts

BORN = date(1980, 1, 1)
CONVICTED = date(2021, 6, 1)
AS_OF = date(2022, 1, 1)
IN_CUSTODY = rules.PersonFacts(BORN, None, None, None)
PART_3 = [o.code for o in catalogue.all_offences() if o.schedule_15 and o.schedule_15.parts == {3}]


def row(code, disposal="imprisonment", term=Decimal(48), outcome="conviction", dto=False):
    return ConvictionRow(code, outcome, CONVICTED, None, None, disposal, term, None, "", dto)


def category(*rows):
    facts = [offence_facts(r, BORN) for r in rows]
    return rules.evaluate(offences=facts, person=IN_CUSTODY, as_of=AS_OF)


def test_the_catalogue_holds_the_eighteen_part_3_offences():
    assert len(PART_3) == 18


# s.327(3)(a): a Part 3 offence with a sentence that would qualify under s.327(3)(b) does not
@pytest.mark.parametrize("code", ["TA2000/s11", "TA2000/s56", "TA2006/s5", "ACSA2001/s113"])
@pytest.mark.parametrize(
    "disposal, term",
    [("imprisonment", Decimal(48)), ("life_imprisonment", None), ("hospital_order", None)],
)
def test_a_part_3_offence_alone_gives_no_category(code, disposal, term):
    result = category(row(code, disposal, term))
    assert result.category is None
    assert "Part 3 (terrorism) offence does not count for category 2" in result.basis
    assert '"Part 1 or 2 of Schedule 15"' in result.basis


@given(
    code=st.sampled_from(PART_3),
    outcome=st.sampled_from(list(Outcome.values)),
    disposal=st.sampled_from(list(DisposalType.values)),
    term=st.none() | st.decimals(min_value=0, max_value=600, places=1),
    dto=st.booleans(),
)
def test_a_part_3_offence_alone_never_yields_category_2_whatever_the_sentence(
    code, outcome, disposal, term, dto
):
    assert category(row(code, disposal, term, outcome, dto)).category != 2


# s.327(3)(a): beside a Part 1 offence with 12 months, the Part 1 offence makes category 2
def test_a_part_3_offence_does_not_stop_a_part_1_offence_counting():
    result = category(row("TA2006/s5"), row("OAPA1861/s18", term=Decimal(12)))
    assert result.category == 2
    assert "OAPA1861/s18; CJA 2003 Sch.15 Part 1 para 6" in result.basis


# s.327(3)(a), (4A)(a): Child Abduction Act 1984 s.1, the first offence specified in (4A)
@pytest.mark.parametrize(
    "disposal, term, expected",
    [
        ("imprisonment", Decimal(12), 2),  # s.327(3)(b)(i): 12 months or more
        ("imprisonment", Decimal(11), None),  # less than 12 months
        ("hospital_order", None, 2),  # s.327(3)(b)(viii)
        ("community_order", Decimal(24), None),  # not a sentence s.327(3)(b) names
    ],
)
def test_child_abduction_by_a_parent_counts_for_category_2_under_s327_4a(disposal, term, expected):
    result = category(row("CAA1984/s1", disposal, term))
    assert result.category == expected
    if expected == 2:
        assert "(CAA1984/s1; CJA 2003 s.327(4A)(a))" in result.basis


def test_an_offence_in_no_list_does_not_count():
    # CAA 1984 s.2 (abduction by other persons) is not in s.327(4A), which names only s.1
    assert not catalogue.exists("CAA1984/s2")
    assert category(row("TA1968/s1")).category is None


# s.327(4A)(c) names MDA 1971 s.4(3) only where a Class A drug is supplied or offered to a child:
# a supply conviction with none of those facts recorded makes no category 2, and says why
def test_drug_supply_without_the_facts_of_s327_4a_c_does_not_make_category_2():
    result = category(row("MDA1971/s4", "imprisonment", Decimal(36)))
    assert result.category is None
    assert "MDA1971/s4 does not say whether the offence was the one recorded as MDA1971/s4(3)" in (
        result.basis
    )


# s.327(4A), read in full: (a) to (c) are in s327_4a.json, (b) and (c) with their facts;
# (d) to (f), the inchoate forms, are recorded under the substantive offence's code
@pytest.mark.parametrize(
    "paragraph, code",
    [
        ("(a)", "CAA1984/s1"),  # Child Abduction Act 1984 s.1
        ("(b)", "AITCEA2004/s4"),  # trafficking people for exploitation, against a child
        ("(c)", "MDA1971/s4(3)"),  # Class A supply to a child (s.4(3))
    ],
)
def test_each_s327_4a_paragraph_is_encoded(paragraph, code):
    data = Path(catalogue.__file__).parent / "data" / "s327_4a.json"
    listed = {e["code"]: e["paragraph"] for e in json.loads(data.read_text())}
    assert listed.get(code) == paragraph
    assert unverified.S327_4A_NOT_ENCODED == {}
    assert unverified.S327_4A_COMPLETE


# s.327(3)(a): the reason names every paragraph listing the section
@pytest.mark.parametrize(
    "code, reference",
    [
        ("TA1968/s9", "CJA 2003 Sch.15 Part 1 para 32 and Part 2 para 97"),
        ("MSA2015/s2", "CJA 2003 Sch.15 Part 1 para 63H and Part 2 para 152A"),
        ("FGMA2003/s1", "CJA 2003 Sch.15 Part 1 para 61"),
        ("SCA2015/s75A", "CJA 2003 Sch.15 Part 1 para 63FA"),
        ("RTA1988/s3ZC", "CJA 2003 Sch.15 Part 1 para 48A"),
        ("SOA2003/s59A", "CJA 2003 Sch.15 Part 2 para 143A"),
    ],
)
def test_the_reason_cites_the_paragraphs(code, reference):
    result = category(row(code))
    assert result.category == 2
    assert f"({code}; {reference})" in result.basis

"""CJA 2003 s.327(4A)(b) and (c): the offences that count for category 2 only on their facts.

s.327(4A) (legalize-dev/legalize-uk, uk/ukpga-2003-44.md, commit 6f670f8, text of 2024-10-22):
"(b) an offence under section 4 of the Asylum and Immigration (Treatment of Claimants, etc) Act
2004 (trafficking people for exploitation), where the offence is committed against a child;
(c) an offence under section 4(3) of the Misuse of Drugs Act 1971 where the offence is committed
by (i) supplying or offering to supply a Class A drug to a child, (ii) being concerned in the
supplying of such a drug to a child, or (iii) being concerned in the making to a child of an offer
to supply such a drug". s.327(6): "child" means a person under 18. The victim's age holds the age
of the child the offence was against, or the drug was supplied or offered to
(docs/decisions/0015). Facts go through `people.eligibility.offence_facts`, as a record's do.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.offences import rules
from mappa.people.eligibility import ConvictionRow, offence_facts

BORN = date(1980, 1, 1)
CONVICTED = date(2014, 6, 1)
AS_OF = date(2015, 1, 1)
IN_CUSTODY = rules.PersonFacts(BORN, None, None, None)


def row(code, victim_age=None, drug_class="", term=Decimal(36), disposal="imprisonment"):
    return ConvictionRow(
        code, "conviction", CONVICTED, None, victim_age, disposal, term, None, "", False,
        "england_and_wales", drug_class,
    )  # fmt: skip


def category(*rows):
    facts = [offence_facts(r, BORN) for r in rows]
    return rules.evaluate(offences=facts, person=IN_CUSTODY, as_of=AS_OF)


# s.327(4A)(b) and (6): trafficking "committed against a child", a person under 18
@pytest.mark.parametrize(
    "victim_age, counts, words",
    [
        (16, True, "the victim was a child, under 18 (aged 16)"),
        (17, True, "the victim was a child, under 18 (aged 17)"),
        (18, False, "the victim was not a child, under 18 (aged 18)"),
        (30, False, "the victim was not a child, under 18 (aged 30)"),
        (None, False, "the victim's age is not recorded"),
    ],
)
def test_trafficking_counts_only_against_a_child(victim_age, counts, words):
    result = category(row("AITCEA2004/s4", victim_age))
    assert (result.category == 2) is counts
    assert words in result.basis
    if counts:
        assert "(AITCEA2004/s4; CJA 2003 s.327(4A)(b);" in result.basis
    else:
        assert "counts for category 2 under CJA 2003 s.327(4A)(b) only" in result.basis


# s.327(4A)(c) and (6): MDA 1971 s.4(3), a Class A drug, supplied or offered to a child
@pytest.mark.parametrize(
    "code, victim_age, drug_class, counts, words",
    [
        ("MDA1971/s4(3)", 16, "A", True, "the drug was a Class A drug"),
        ("MDA1971/s4(3)", 17, "A", True, "was supplied or offered to was a child, under 18"),
        ("MDA1971/s4(3)", 18, "A", False, "offered to was not a child, under 18 (aged 18)"),
        ("MDA1971/s4(3)", 15, "B", False, "the drug was a Class B drug, not Class A"),
        ("MDA1971/s4(3)", 15, "C", False, "the drug was a Class C drug, not Class A"),
        ("MDA1971/s4(3)", 15, "", False, "the class of the controlled drug is not recorded"),
        ("MDA1971/s4(3)", None, "A", False, "the drug was supplied or offered to is not recorded"),
        # production (s.4(2)) is not in s.327(4A), whatever the drug and the age
        ("MDA1971/s4(2)", 15, "A", False, "no conviction for murder or an offence in Part 1"),
        # s.4 without its subsection: never shown to be s.4(3)
        ("MDA1971/s4", 15, "A", False, "record it as MDA1971/s4(3) if it was"),
    ],
)
def test_drug_supply_counts_only_for_a_class_a_drug_to_a_child(
    code, victim_age, drug_class, counts, words
):
    result = category(row(code, victim_age, drug_class))
    assert (result.category == 2) is counts
    assert words in result.basis


def test_production_says_nothing_about_s327_4a():
    basis = category(row("MDA1971/s4(2)", 15, "A")).basis
    assert "s.327(4A)(c)" not in basis and "drug" not in basis


# s.327(3)(b): the facts alone do not make category 2 without a qualifying sentence, and the
# reason then does not ask for facts that would change nothing
def test_a_short_sentence_asks_for_no_facts():
    result = category(row("MDA1971/s4(3)", 15, "", term=Decimal(6)))
    assert result.category is None
    assert "not recorded" not in result.basis


# s.327(4A)(c): for any age and class, only a Class A drug to someone under 18 counts
@given(
    age=st.one_of(st.none(), st.integers(min_value=0, max_value=120)),
    drug=st.sampled_from(["", "A", "B", "C"]),
)
def test_only_class_a_to_under_18_counts(age, drug):
    counts = category(row("MDA1971/s4(3)", age, drug)).category == 2
    assert counts is (age is not None and age < 18 and drug == "A")

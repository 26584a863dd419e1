"""The rules for potentially dangerous persons, from the College of Policing APP, "Potentially
dangerous persons": a PDP is "a person who is not currently managed under one of the three MAPPA
categories, but whose behaviour gives reasonable grounds for believing that there is a present
likelihood of them committing an offence or offences that will cause serious harm"; the police
manage them. The minimum rank for the decision is the area's setting (the APP read names none)."""

from __future__ import annotations

from datetime import date

import pytest

from mappa.cases import rules


@pytest.mark.parametrize(
    "category, category_4_indicated, refused",
    [
        # APP: not MAPPA-eligible under the categories (CJA 2003 s.327 computes 1 and 2)
        (None, False, None),
        (1, False, "eligible for MAPPA (category 1)"),
        (2, False, "eligible for MAPPA (category 2)"),
        # MAPPA Guidance ch.24: category 4 where the record indicates it (offences.category_4)
        (None, True, "eligible for MAPPA (category 4)"),
    ],
)
def test_only_a_person_not_eligible_for_mappa_may_be_managed_as_a_pdp(
    category, category_4_indicated, refused
):
    problem = rules.pdp_eligibility_problem(
        category=category, category_4_indicated=category_4_indicated
    )
    if refused is None:
        assert problem is None
    else:
        assert refused in problem and "refer them to MAPPA" in problem


@pytest.mark.parametrize(
    "agency, grounds, problem",
    [
        ("police", "Threats to kill a former partner, repeated this month", None),
        ("probation", "Threats to kill", ("grounds", "Only a police officer")),  # APP: police-led
        (None, "Threats to kill", ("grounds", "Only a police officer")),
        ("police", "   ", ("grounds", "reasonable grounds")),  # the definition's grounds
    ],
)
def test_a_pdp_is_proposed_by_the_police_with_the_grounds(agency, grounds, problem):
    found = rules.pdp_proposal_problem(proposer_agency=agency, grounds=grounds)
    if problem is None:
        assert found is None
    else:
        assert found[0] == problem[0] and problem[1] in found[1]


@pytest.mark.parametrize(
    "agency, rank, minimum, rationale, problem",
    [
        ("police", "inspector", "inspector", "Present likelihood of serious harm", None),
        ("police", "superintendent", "inspector", "Reason", None),
        ("police", "sergeant", "inspector", "Reason", ("rank", "inspector or above")),
        ("police", "inspector", "superintendent", "Reason", ("rank", "superintendent or above")),
        ("police", "", "inspector", "Reason", ("rank", "Select your rank")),
        ("police", "general", "inspector", "Reason", ("rank", "from the list")),
        ("police", "chief_inspector", "inspector", " ", ("rationale", "rationale")),
        ("probation", "inspector", "inspector", "Reason", ("rank", "Only a police officer")),
    ],
)
def test_the_decision_is_a_police_officers_of_the_minimum_rank_with_a_rationale(
    agency, rank, minimum, rationale, problem
):
    found = rules.pdp_decision_problem(
        decider_agency=agency, rank=rank, minimum_rank=minimum, rationale=rationale
    )
    if problem is None:
        assert found is None
    else:
        assert found[0] == problem[0] and problem[1] in found[1]


@pytest.mark.parametrize(
    "rank, minimum, expected",
    [
        ("inspector", "inspector", True),
        ("chief_constable", "inspector", True),
        ("constable", "sergeant", False),
        ("chief_inspector", "superintendent", False),
        ("unknown", "constable", False),
    ],
)
def test_ranks_are_ordered_from_constable_to_chief_constable(rank, minimum, expected):
    assert rules.rank_at_least(rank, minimum) is expected


@pytest.mark.parametrize(
    "category, indicated, expected",
    [(1, False, 1), (2, True, 2), (None, True, 4), (None, False, None)],
)
def test_the_category_a_pdp_moves_into_mappa_under(category, indicated, expected):
    assert rules.mappa_category_of(category=category, category_4_indicated=indicated) == expected


def test_the_next_pdp_review_is_the_configured_weeks_after_the_decision():
    assert rules.pdp_review_due(decided_on=date(2026, 1, 5), weeks=12) == date(2026, 3, 30)

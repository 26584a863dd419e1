"""Schedule 3 conditions: whether a conviction, caution or finding triggers notification."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mappa.offences import catalogue
from mappa.offences.catalogue import Offence, Schedule3Listing, validate_condition
from mappa.offences.schedule_3 import (
    OUTCOMES,
    RELEVANT_DATE_NOTE,
    ConditionFacts,
    notification_triggered,
)

ADULT_CONVICTED = ConditionFacts(
    outcome="conviction",
    relevant_date=date(2021, 9, 14),
    offender_age=30,
    offender_age_from_relevant_date=False,
    victim_age=15,
    disposal_type="imprisonment",
    term_months=18,
)


def facts(**changes) -> ConditionFacts:
    return replace(ADULT_CONVICTED, **changes)


def listed(condition, paragraph="99") -> Offence:
    """A made-up Schedule 3 offence with the given condition."""
    validate_condition("TEST2000/s1", condition)
    return Offence(
        code="TEST2000/s1",
        title="Test offence",
        statute="Test Act 2000 s.1",
        source="https://www.legislation.gov.uk/",
        schedule_3=Schedule3Listing(paragraph=paragraph, condition=condition, source=""),
        schedule_15=None,
    )


def triggered(code: str, **changes) -> bool:
    return notification_triggered(catalogue.get(code), facts(**changes))[0]


# Every leaf, met and not met --------------------------------------------------------------------

LEAF_CASES = [
    # (leaf, facts that meet it, facts that do not)
    ({"offender_age_under": 18}, {"offender_age": 17}, {"offender_age": 18}),
    ({"offender_age_at_least": 18}, {"offender_age": 18}, {"offender_age": 17}),
    ({"victim_age_under": 18}, {"victim_age": 17}, {"victim_age": 18}),
    ({"images_of_under": 16}, {"victim_age": 15}, {"victim_age": 16}),
    ({"imprisonment": True}, {"disposal_type": "imprisonment"}, {"disposal_type": "fine"}),
    (
        {"imprisonment_months_at_least": 12},
        {"term_months": 12},
        {"term_months": 11.5},
    ),
    (
        {"detained_in_hospital": True},
        {"disposal_type": "hospital_order", "term_months": None},
        {"disposal_type": "guardianship_order", "term_months": None},
    ),
    (
        {"hospital_restriction_order": True},
        {"disposal_type": "hospital_order_with_restriction", "term_months": None},
        {"disposal_type": "hospital_order", "term_months": None},
    ),
    (
        {"community_sentence_months_at_least": 12},
        {"disposal_type": "community_order", "term_months": 12},
        {"disposal_type": "youth_rehabilitation_order", "term_months": 6},
    ),
    (
        {"relevant_date_before": "2004-05-01"},
        {"relevant_date": date(2004, 4, 30)},
        {"relevant_date": date(2004, 5, 1)},
    ),
    (
        {"purpose_sexual_gratification": True},
        {"sexual_gratification_purpose": True},
        {"sexual_gratification_purpose": False},
    ),
]


@pytest.mark.parametrize(("leaf", "meets", "fails"), LEAF_CASES, ids=lambda v: str(v))
def test_each_leaf_is_met_by_facts_that_meet_it_and_not_otherwise(leaf, meets, fails):
    offence = listed(leaf)
    assert notification_triggered(offence, facts(**meets))[0] is True
    shown, basis = notification_triggered(offence, facts(**fails))
    assert shown is False
    assert basis.startswith("Sexual Offences Act 2003 s.80 and Sch.3 para 99: condition not met: ")


@pytest.mark.parametrize(
    ("leaf", "unknown", "missing"),
    [
        ({"offender_age_under": 18}, {"offender_age": None}, "the offender's age"),
        ({"offender_age_at_least": 18}, {"offender_age": None}, "the offender's age"),
        ({"victim_age_under": 18}, {"victim_age": None}, "the victim's age is not recorded"),
        ({"images_of_under": 16}, {"victim_age": None}, "the youngest person shown"),
        ({"imprisonment": True}, {"disposal_type": None}, "the sentence or order"),
        ({"imprisonment_months_at_least": 12}, {"term_months": None}, "custodial term"),
        ({"detained_in_hospital": True}, {"disposal_type": None}, "the sentence or order"),
        ({"hospital_restriction_order": True}, {"disposal_type": None}, "the sentence or order"),
        (
            {"community_sentence_months_at_least": 12},
            {"disposal_type": "community_order", "term_months": None},
            "the length of the community sentence",
        ),
        ({"purpose_sexual_gratification": True}, {}, "sexual gratification is not recorded"),
    ],
)
def test_an_unknown_fact_leaves_the_condition_not_shown_and_the_basis_names_it(
    leaf, unknown, missing
):
    triggers, basis = notification_triggered(listed(leaf), facts(**unknown))
    assert triggers is False
    assert "condition not shown to be met" in basis
    assert missing in basis


# all / any are three-valued: met, not met, not shown
@pytest.mark.parametrize(
    ("condition", "expected", "phrase"),
    [
        ({"all": [{"victim_age_under": 18}, {"offender_age_at_least": 18}]}, True, ""),
        ({"all": [{"victim_age_under": 18}, {"offender_age_under": 18}]}, False, "not met"),
        ({"all": [{"victim_age_under": 18}, {"images_of_under": 16}]}, True, ""),
        ({"any": [{"victim_age_under": 10}, {"offender_age_at_least": 18}]}, True, ""),
        ({"any": [{"victim_age_under": 10}, {"offender_age_under": 18}]}, False, "not met"),
    ],
)
def test_all_and_any_combine_their_clauses(condition, expected, phrase):
    triggers, basis = notification_triggered(listed(condition), facts())
    assert triggers is expected
    assert phrase in basis


def test_a_failed_clause_decides_all_even_when_another_is_unknown():
    condition = {"all": [{"victim_age_under": 18}, {"offender_age_under": 18}]}
    _, basis = notification_triggered(listed(condition), facts(victim_age=None))
    assert "condition not met: the offender was not under 18 (aged 30)" in basis


def test_a_met_clause_decides_any_even_when_another_is_unknown():
    condition = {"any": [{"victim_age_under": 18}, {"offender_age_at_least": 18}]}
    assert notification_triggered(listed(condition), facts(victim_age=None))[0] is True


def test_an_unknown_clause_leaves_any_not_shown_when_nothing_else_is_met():
    condition = {"any": [{"victim_age_under": 18}, {"offender_age_under": 18}]}
    triggers, basis = notification_triggered(listed(condition), facts(victim_age=None))
    assert triggers is False
    assert "not shown to be met: the victim's age is not recorded" in basis


# Spot checks against the Schedule -------------------------------------------------------------


# SOA 2003 Sch.3 para 17: rape is listed without a condition
@pytest.mark.parametrize("outcome", sorted(OUTCOMES))
def test_rape_triggers_notification_unconditionally(outcome):
    offence = catalogue.get("SOA2003/s1")
    assert offence.schedule_3.condition is None
    triggers, basis = notification_triggered(
        offence, facts(outcome=outcome, offender_age=None, victim_age=None, disposal_type=None)
    )
    assert triggers is True
    assert basis.startswith("Sexual Offences Act 2003 s.80 and Sch.3 para 17: Rape is listed")


# SOA 2003 Sch.3 para 18: sexual assault, if (a) where the offender was under 18, 12 months'
# imprisonment; (b) in any other case, the victim was under 18, or imprisonment, hospital, or a
# community sentence of at least 12 months
@pytest.mark.parametrize(
    ("offender_age", "victim_age", "disposal_type", "term_months", "expected"),
    [
        (30, 15, "fine", None, True),  # (b)(i) the victim was under 18
        (30, 25, "imprisonment", 1, True),  # (b)(ii)(a) any term of imprisonment
        (30, 25, "suspended_imprisonment", 4, True),  # a suspended sentence is imprisonment
        (30, 25, "hospital_order", None, True),  # (b)(ii)(b)
        (30, 25, "community_order", 12, True),  # (b)(ii)(c)
        (30, 25, "community_order", 11, False),
        (30, 25, "fine", None, False),
        (30, 25, "conditional_discharge", 24, False),
        (16, 15, "youth_rehabilitation_order", 24, False),  # (a) a youth needs 12 months' custody
        (16, 15, "imprisonment", 11, False),
        (16, 15, "imprisonment", 12, True),
        (17, 25, "extended_sentence", 48, True),
    ],
)
def test_sexual_assault_follows_paragraph_18(
    offender_age, victim_age, disposal_type, term_months, expected
):
    assert (
        triggered(
            "SOA2003/s3",
            offender_age=offender_age,
            victim_age=victim_age,
            disposal_type=disposal_type,
            term_months=term_months,
        )
        is expected
    )


def test_the_basis_for_sexual_assault_cites_paragraph_18_and_the_young_victim():
    _, basis = notification_triggered(
        catalogue.get("SOA2003/s3"), facts(disposal_type="fine", term_months=None)
    )
    assert basis == (
        "Sexual Offences Act 2003 s.80 and Sch.3 para 18: the offender was 18 or over (aged 30); "
        "the victim was under 18 (aged 15)"
    )


# SOA 2003 Sch.3 para 13: indecent photographs showing persons under 16, and before 1 May 2004,
# or the offender was 18 or over, or 12 months' imprisonment
@pytest.mark.parametrize(
    ("image_age", "offender_age", "relevant_date", "disposal_type", "term_months", "expected"),
    [
        (14, 30, date(2021, 1, 1), "community_order", 12, True),  # adult offender
        (14, 17, date(2021, 1, 1), "imprisonment", 12, True),  # youth, 12 months
        (14, 17, date(2021, 1, 1), "imprisonment", 6, False),  # youth, less than 12 months
        (14, 17, date(2004, 4, 30), "fine", None, True),  # before Part 2 commenced
        (16, 30, date(2021, 1, 1), "imprisonment", 36, False),  # images of 16- and 17-year-olds
        (None, 30, date(2021, 1, 1), "imprisonment", 36, False),  # age of those shown unknown
    ],
)
def test_indecent_photographs_follow_paragraph_13(
    image_age, offender_age, relevant_date, disposal_type, term_months, expected
):
    assert (
        triggered(
            "PCA1978/s1",
            victim_age=image_age,
            offender_age=offender_age,
            relevant_date=relevant_date,
            disposal_type=disposal_type,
            term_months=term_months,
        )
        is expected
    )


# SOA 2003 Sch.3 paras 14 and 15 share paragraph 13's condition
@pytest.mark.parametrize("code", ["CEMA1979/s170", "CJA1988/s160"])
def test_the_other_indecent_image_offences_share_the_condition(code):
    assert catalogue.get(code).schedule_3.condition == (
        catalogue.get("PCA1978/s1").schedule_3.condition
    )


# A caution is not a sentence (SOA 2003 s.132): it meets age conditions only
@pytest.mark.parametrize(
    ("code", "offender_age", "victim_age", "expected"),
    [
        ("SOA1956/s6", 20, 15, True),  # para 3: offender 20 or over, ages only
        ("SOA1956/s6", 19, 15, False),
        ("SOA2003/s3", 30, 15, True),  # para 18: adult and victim under 18
        ("SOA2003/s3", 30, 25, False),  # para 18: the sentencing limbs cannot be met
        ("SOA2003/s13", 16, 13, False),  # para 22: only 12 months' imprisonment counts
        ("SOA2003/s16", 30, 16, False),  # para 25: only a sentence counts
        ("CJIA2008/s63", 30, None, False),  # para 35A: 2 years' imprisonment
        ("SOA2003/s7", 18, 12, True),  # para 20: offender 18 or over
        ("PCA1978/s1", 30, 14, True),  # para 13
    ],
)
def test_a_caution_meets_only_conditions_that_are_not_about_the_sentence(
    code, offender_age, victim_age, expected
):
    cautioned = facts(
        outcome="caution",
        offender_age=offender_age,
        victim_age=victim_age,
        disposal_type="none",
        term_months=None,
    )
    assert notification_triggered(catalogue.get(code), cautioned)[0] is expected


def test_a_caution_says_it_is_not_a_sentence():
    cautioned = facts(outcome="caution", disposal_type="none", term_months=None)
    _, basis = notification_triggered(catalogue.get("SOA2003/s13"), cautioned)
    assert basis.endswith(
        "condition not met: a caution is not a sentence, so no condition about the sentence is met"
    )


# SOA 2003 Sch.3 paras 7 and 8: 30 months' imprisonment or a hospital restriction order
@pytest.mark.parametrize(
    ("disposal_type", "term_months", "expected"),
    [
        ("imprisonment", 30, True),
        ("imprisonment", 29, False),
        ("life_imprisonment", None, True),
        ("hospital_order_with_restriction", None, True),
        ("hospital_order", None, False),
    ],
)
def test_indecent_assault_on_an_adult_needs_30_months_or_a_restriction_order(
    disposal_type, term_months, expected
):
    assert (
        triggered(
            "SOA1956/s14", victim_age=20, disposal_type=disposal_type, term_months=term_months
        )
        is expected
    )


# SOA 2003 Sch.3 para 35A: extreme pornography, offender 18 or over and 2 years' imprisonment
@pytest.mark.parametrize(
    ("offender_age", "term_months", "expected"),
    [(18, 24, True), (17, 24, False), (30, 23, False), (30, None, False)],
)
def test_extreme_pornography_needs_an_adult_and_two_years(offender_age, term_months, expected):
    assert triggered("CJIA2008/s63", offender_age=offender_age, term_months=term_months) is expected


# SOA 2003 Sch.3 para 34A: voyeurism under s.67A, only for sexual gratification
def test_upskirting_counts_only_when_done_for_sexual_gratification():
    assert triggered("SOA2003/s67A", sexual_gratification_purpose=True) is True
    assert triggered("SOA2003/s67A", sexual_gratification_purpose=False) is False
    triggers, basis = notification_triggered(catalogue.get("SOA2003/s67A"), facts())
    assert triggers is False
    assert "sexual gratification is not recorded" in basis


def test_the_basis_says_when_the_age_was_taken_on_the_relevant_date():
    _, basis = notification_triggered(
        catalogue.get("SOA2003/s7"),
        facts(offender_age=19, offender_age_from_relevant_date=True, term_months=6),
    )
    assert basis == (
        "Sexual Offences Act 2003 s.80 and Sch.3 para 20: the offender was 18 or over (aged 19) "
        f"({RELEVANT_DATE_NOTE})"
    )


def test_an_unknown_offender_age_is_named_in_the_basis():
    triggers, basis = notification_triggered(
        catalogue.get("SOA2003/s7"), facts(offender_age=None, term_months=6)
    )
    assert triggers is False
    assert basis == (
        "Sexual Offences Act 2003 s.80 and Sch.3 para 20: condition not shown to be met: "
        "the offender's age at the time of the offence is not known; the offender was sentenced "
        "to imprisonment for 6 months, less than 12 months"
    )


def test_an_offence_outside_schedule_3_never_triggers_notification():
    assert notification_triggered(catalogue.get("TA1968/s1"), facts()) == (
        False,
        "Theft (TA1968/s1) is not a Schedule 3 offence (Sexual Offences Act 2003 s.80)",
    )


def test_an_unknown_outcome_is_refused():
    with pytest.raises(ValueError, match="unknown outcome 'acquittal'"):
        notification_triggered(catalogue.get("SOA2003/s1"), facts(outcome="acquittal"))


SCHEDULE_3_OFFENCES = [o for o in catalogue.all_offences() if o.schedule_3 is not None]
DISPOSALS = [
    None,
    "life_imprisonment",
    "ipp",
    "imprisonment",
    "extended_sentence",
    "suspended_imprisonment",
    "hospital_order",
    "hospital_order_with_restriction",
    "guardianship_order",
    "community_order",
    "youth_rehabilitation_order",
    "conditional_discharge",
    "absolute_discharge",
    "fine",
    "none",
    "other",
]


@given(
    offence=st.sampled_from(SCHEDULE_3_OFFENCES),
    outcome=st.sampled_from(sorted(OUTCOMES)),
    relevant_date=st.dates(min_value=date(1997, 9, 1), max_value=date(2030, 12, 31)),
    offender_age=st.none() | st.integers(min_value=10, max_value=99),
    from_relevant_date=st.booleans(),
    victim_age=st.none() | st.integers(min_value=0, max_value=99),
    disposal_type=st.sampled_from(DISPOSALS),
    term_months=st.none() | st.floats(min_value=0, max_value=600, allow_nan=False),
    purpose=st.none() | st.booleans(),
)
def test_every_schedule_3_offence_gives_an_answer_citing_its_paragraph(
    offence,
    outcome,
    relevant_date,
    offender_age,
    from_relevant_date,
    victim_age,
    disposal_type,
    term_months,
    purpose,
):
    result, basis = notification_triggered(
        offence,
        ConditionFacts(
            outcome=outcome,
            relevant_date=relevant_date,
            offender_age=offender_age,
            offender_age_from_relevant_date=from_relevant_date,
            victim_age=victim_age,
            disposal_type=disposal_type,
            term_months=term_months,
            sexual_gratification_purpose=purpose,
        ),
    )
    assert isinstance(result, bool)
    assert basis.startswith(
        f"Sexual Offences Act 2003 s.80 and Sch.3 para {offence.schedule_3.paragraph}: "
    )


@pytest.mark.parametrize("code", ["SOA2003/s48", "SOA2003/s49", "SOA2003/s50"])
@pytest.mark.parametrize(
    ("offender_age", "outcome", "term_months", "expected"),
    [
        (18, "caution", None, True),
        (17, "caution", None, False),
        (17, "conviction", 12, True),
        (17, "conviction", 11, False),
    ],
)
def test_child_sexual_exploitation_needs_an_adult_or_twelve_months(
    code, offender_age, outcome, term_months, expected
):
    # SOA 2003 Sch.3 paras 29A to 29C (inserted by S.I. 2007/296 art. 2(2)): listed "if the
    # offender (a) was 18 or over, or (b) is or has been sentenced in respect of the offence to
    # imprisonment for a term of at least 12 months".
    disposal = {"disposal_type": "none"} if outcome == "caution" else {}
    assert (
        triggered(
            code,
            offender_age=offender_age,
            outcome=outcome,
            term_months=term_months,
            **disposal,
        )
        is expected
    )

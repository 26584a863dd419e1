"""The SOA 2003 s.82 notification periods: table rows, halving, formatting, end dates."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from mappa.offences import rules
from mappa.offences.rules import (
    INDEFINITE,
    OffenceFacts,
    PersonFacts,
    format_period,
    notification_end_date,
    notification_for,
    notification_period,
    parse_period,
)

CONVICTED = date(2021, 9, 14)


def offence(**changes) -> OffenceFacts:
    """A sexual assault conviction with 18 months' imprisonment, as in the import contract."""
    facts = OffenceFacts(
        code="SOA2003/s3",
        title="Sexual assault",
        outcome="conviction",
        relevant_date=CONVICTED,
        disposal_type="imprisonment",
        term_months=18,
        age_on_relevant_date=37,
        triggers_notification=True,
        notification_basis="Sexual Offences Act 2003 s.80 and Sch.3 para 18",
        in_schedule_15=True,
        schedule_15_reference="CJA 2003 Sch.15 Part 2 para 95",
        is_murder=False,
    )
    return replace(facts, **changes)


def person(**changes) -> PersonFacts:
    facts = PersonFacts(
        date_of_birth=date(1984, 3, 2),
        release_date=None,
        licence_end_date=None,
        lifetime_notification_revoked_on=None,
    )
    return replace(facts, **changes)


def period_of(**changes) -> str | None:
    period = notification_period(offence(**changes))
    return None if period is None else period.iso


# SOA 2003 s.82(1), table (every row that applies in England and Wales), adult offender
@pytest.mark.parametrize(
    ("outcome", "disposal", "term", "expected"),
    [
        ("conviction", "life_imprisonment", None, "indefinite"),
        ("conviction", "ipp", None, "indefinite"),
        ("conviction", "imprisonment", 30, "indefinite"),
        ("conviction", "imprisonment", 120, "indefinite"),
        ("conviction", "imprisonment", 29.9, "P10Y"),
        ("conviction", "imprisonment", 18, "P10Y"),
        ("conviction", "imprisonment", 6.5, "P10Y"),
        ("conviction", "imprisonment", 6.01, "P10Y"),
        ("conviction", "imprisonment", 6, "P7Y"),
        ("conviction", "imprisonment", 1, "P7Y"),
        ("conviction", "hospital_order_with_restriction", None, "indefinite"),
        ("conviction", "hospital_order", None, "P7Y"),
        ("caution", "none", None, "P2Y"),
        ("conviction", "conditional_discharge", 18, "P1Y6M"),
        ("conviction", "conditional_discharge", 12, "P1Y"),
        ("conviction", "conditional_discharge", 6, "P6M"),
        ("conviction", "community_order", 12, "P5Y"),
        ("conviction", "youth_rehabilitation_order", 12, "P5Y"),
        ("conviction", "fine", None, "P5Y"),
        ("conviction", "other", None, "P5Y"),
        ("conviction", None, None, "P5Y"),
    ],
)
def test_it_applies_the_section_82_table(outcome, disposal, term, expected):
    assert period_of(outcome=outcome, disposal_type=disposal, term_months=term) == expected


# Decisions documented in rules.py: s.131, CJA 2003 s.189(6), R v Wiles, s.80(1)(b)-(c)
@pytest.mark.parametrize(
    ("outcome", "disposal", "term", "relevant_date", "expected"),
    [
        # a suspended sentence is a sentence of imprisonment (CJA 2003 s.189(6))
        ("conviction", "suspended_imprisonment", 12, CONVICTED, "P10Y"),
        ("conviction", "suspended_imprisonment", 6, CONVICTED, "P7Y"),
        # extended sentence: custodial term + at least 1 year's extension (Sentencing Code s.281)
        ("conviction", "extended_sentence", 6, CONVICTED, "P10Y"),
        ("conviction", "extended_sentence", 17.9, CONVICTED, "P10Y"),
        ("conviction", "extended_sentence", 18, CONVICTED, "indefinite"),
        ("conviction", "extended_sentence", 48, CONVICTED, "indefinite"),
        # before 3 December 2012 no minimum extension period: the custodial term alone
        ("conviction", "extended_sentence", 6, date(2010, 5, 1), "P7Y"),
        ("conviction", "extended_sentence", 18, date(2010, 5, 1), "P10Y"),
        # findings (s.80(1)(b), (c)): hospital rows, else "any other description"
        ("not_guilty_insanity", "hospital_order", None, CONVICTED, "P7Y"),
        ("not_guilty_insanity", "hospital_order_with_restriction", None, CONVICTED, "indefinite"),
        ("unfit_to_plead_did_act", "hospital_order", None, CONVICTED, "P7Y"),
        ("unfit_to_plead_did_act", "community_order", 24, CONVICTED, "P5Y"),
        ("not_guilty_insanity", "absolute_discharge", None, CONVICTED, "P5Y"),
        # guardianship order: no row names it, so "any other description"
        ("conviction", "guardianship_order", None, CONVICTED, "P5Y"),
        ("unfit_to_plead_did_act", "guardianship_order", None, CONVICTED, "P5Y"),
    ],
)
def test_it_maps_the_other_disposals_onto_the_table(
    outcome, disposal, term, relevant_date, expected
):
    changes = dict(outcome=outcome, disposal_type=disposal, term_months=term)
    assert period_of(relevant_date=relevant_date, **changes) == expected


def test_it_explains_a_period_with_section_82():
    period = notification_period(offence())
    assert period.basis == (
        "Sexual Offences Act 2003 s.82(1): imprisonment or detention for 18 months "
        "(more than 6 and less than 30 months): 10 years"
    )


def test_it_gives_no_period_after_an_absolute_discharge_on_conviction():
    # Sentencing Code s.82(2): deemed not a conviction; SOA 2003 s.134 saves only
    # conditional discharges
    facts = offence(disposal_type="absolute_discharge", term_months=None)
    assert notification_period(facts) is None
    assert "s.134" in rules.no_requirement_reason(facts)


def test_it_gives_no_period_when_the_offence_does_not_trigger_notification():
    facts = offence(triggers_notification=False, notification_basis="not a Schedule 3 offence")
    assert notification_period(facts) is None
    assert rules.no_requirement_reason(facts) == "not a Schedule 3 offence"


def test_it_takes_an_unrecorded_conditional_discharge_as_the_three_year_maximum():
    period = notification_period(offence(disposal_type="conditional_discharge", term_months=None))
    assert period.iso == "P3Y"
    assert "unrecorded" in period.basis


@pytest.mark.parametrize(
    "disposal", ["imprisonment", "suspended_imprisonment", "extended_sentence"]
)
def test_it_refuses_a_custodial_sentence_without_a_term(disposal):
    with pytest.raises(ValueError, match="term_months"):
        notification_period(offence(disposal_type=disposal, term_months=None))


# SOA 2003 s.82(2): 10, 7, 5 and 2 years halved when under 18 on the relevant date
@pytest.mark.parametrize(
    ("outcome", "disposal", "term", "expected"),
    [
        ("conviction", "imprisonment", 18, "P5Y"),
        ("conviction", "imprisonment", 29.9, "P5Y"),
        ("conviction", "imprisonment", 6, "P3Y6M"),
        ("conviction", "suspended_imprisonment", 4, "P3Y6M"),
        ("conviction", "hospital_order", None, "P3Y6M"),
        ("conviction", "youth_rehabilitation_order", 12, "P2Y6M"),
        ("conviction", "fine", None, "P2Y6M"),
        ("conviction", "guardianship_order", None, "P2Y6M"),
        ("caution", "none", None, "P1Y"),
    ],
)
def test_it_halves_finite_periods_for_an_under_18(outcome, disposal, term, expected):
    changes = dict(outcome=outcome, disposal_type=disposal, term_months=term)
    assert period_of(age_on_relevant_date=15, **changes) == expected


# SOA 2003 s.82(2) halves only the 10, 7, 5 and 2-year periods
@pytest.mark.parametrize(
    ("disposal", "term", "expected"),
    [
        ("life_imprisonment", None, "indefinite"),
        ("ipp", None, "indefinite"),
        ("imprisonment", 30, "indefinite"),
        ("hospital_order_with_restriction", None, "indefinite"),
        ("conditional_discharge", 18, "P1Y6M"),
        ("conditional_discharge", 12, "P1Y"),
    ],
)
def test_it_never_halves_indefinite_or_conditional_discharge_periods(disposal, term, expected):
    assert period_of(age_on_relevant_date=15, disposal_type=disposal, term_months=term) == expected


# SOA 2003 s.82(2): "under 18 on the relevant date"
@pytest.mark.parametrize(
    ("age", "expected"), [(10, "P5Y"), (17, "P5Y"), (18, "P10Y"), (60, "P10Y")]
)
def test_it_halves_only_below_18(age, expected):
    assert period_of(age_on_relevant_date=age) == expected


@pytest.mark.parametrize(
    ("born", "expected"),
    [(date(2003, 9, 15), "P5Y"), (date(2003, 9, 14), "P10Y"), (date(1984, 3, 2), "P10Y")],
)
def test_it_works_out_the_age_from_the_date_of_birth_when_not_given(born, expected):
    facts = offence(age_on_relevant_date=None)
    assert notification_period(facts, person(date_of_birth=born)).iso == expected


def test_it_does_not_halve_when_the_age_is_unknown_and_says_so():
    period = notification_period(offence(age_on_relevant_date=None), person(date_of_birth=None))
    assert period.iso == "P10Y"
    assert "age on the relevant date unknown" in period.basis


def test_it_cites_section_82_2_when_it_halves():
    period = notification_period(offence(age_on_relevant_date=16, term_months=6))
    assert period.basis.endswith(
        "s.82(2): under 18 on the relevant date, so halved to 3 years and 6 months"
    )


# ISO 8601 durations, normalised (shared/contracts/README.md)
@pytest.mark.parametrize(
    ("months", "days", "iso"),
    [
        (120, 0, "P10Y"),
        (60, 0, "P5Y"),
        (42, 0, "P3Y6M"),
        (30, 0, "P2Y6M"),
        (18, 0, "P1Y6M"),
        (12, 0, "P1Y"),
        (6, 0, "P6M"),
        (0, 10, "P10D"),
        (18, 16, "P1Y6M16D"),
        (0, 0, "P0D"),
    ],
)
def test_it_formats_periods_as_normalised_iso_8601(months, days, iso):
    assert format_period(months, days) == iso


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("P10Y", "P10Y"),
        ("P18M", "P1Y6M"),
        ("P3Y6M", "P3Y6M"),
        ("P0Y6M", "P6M"),
        ("indefinite", "indefinite"),
    ],
)
def test_it_reads_and_normalises_periods(text, normalised):
    assert parse_period(text).iso == normalised


@pytest.mark.parametrize("text", ["", "P", "10Y", "P1.5Y", "PT1H", "forever"])
def test_it_rejects_what_is_not_a_period(text):
    with pytest.raises(ValueError):
        parse_period(text)


def test_it_gives_fractional_conditional_discharges_whole_days_rounded_up():
    period = notification_period(offence(disposal_type="conditional_discharge", term_months=6.5))
    assert period.iso == "P6M16D"


# contract: end_date = start_date + period - 1 day (the period begins with the relevant date)
@pytest.mark.parametrize(
    ("start", "period", "end"),
    [
        (date(2021, 9, 14), "P10Y", date(2031, 9, 13)),
        (date(2020, 1, 1), "P2Y", date(2021, 12, 31)),
        (date(2021, 1, 15), "P3Y6M", date(2024, 7, 14)),
        (date(2022, 3, 1), "P1Y", date(2023, 2, 28)),
        (date(2019, 3, 1), "P1Y", date(2020, 2, 29)),
        (date(2021, 8, 31), "P6M", date(2022, 2, 27)),
        (date(2021, 9, 14), "indefinite", None),
    ],
)
def test_it_ends_the_period_the_day_before_its_anniversary(start, period, end):
    assert notification_end_date(start, period) == end


def test_it_works_out_the_contract_example():
    # shared/contracts/nominal-import.md: convicted 2021-09-14, 18 months' imprisonment
    note = notification_for(offence())
    assert (note.period, note.start_date, note.end_date) == ("P10Y", CONVICTED, date(2031, 9, 13))
    assert note.offence_code == "SOA2003/s3"


PURE_MODULES = (
    "rules",
    "periods",
    "sentences",
    "category_2",
    "category_4",
    "terrorism",
    "catalogue",
    "unverified",
)


@pytest.mark.parametrize("name", PURE_MODULES)
def test_rules_stay_pure_python(name):
    # The house rule: rules import no Django; the rules may use only each other.
    source = Path(rules.__file__).with_name(f"{name}.py").read_text()
    tree = ast.parse(source)
    imported = {
        alias.name if isinstance(node, ast.Import) else node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {n for n in imported if n.split(".")[0] == "django"}
    siblings = {f"mappa.offences.{other}" for other in PURE_MODULES}
    assert {n for n in imported if n.split(".")[0] == "mappa"} <= siblings


# SOA 2003 s.80 and Sch.3: when no offence brings a requirement, the basis says why for each
# Schedule 3 offence (so an officer can see a missing fact, such as the purpose under para 34A)
def test_no_category_names_each_schedule_3_offence_whose_condition_is_not_met():
    unmet = offence(
        triggers_notification=False,
        in_schedule_3=True,
        in_schedule_15=False,
        notification_basis="Sch.3 para 34A: the purpose of the offence is not recorded",
    )
    theft = offence(
        code="TA1968/s1",
        triggers_notification=False,
        in_schedule_15=False,
        notification_basis="Theft (TA1968/s1) is not a Schedule 3 offence",
    )
    result = rules.evaluate(offences=[unmet, theft], person=person(), as_of=date(2026, 11, 21))
    assert result.category is None
    assert "Sch.3 para 34A: the purpose of the offence is not recorded" in result.basis
    assert "Theft" not in result.basis


def _aggregated(*terms: tuple[str, float, str, bool]) -> list[str]:
    """Notification periods of offences (code, months, group, triggers) after aggregation."""
    offences = [
        offence(code=code, term_months=months, triggers_notification=triggers)
        for code, months, _group, triggers in terms
    ]
    groups = [group for _code, _months, group, _triggers in terms]
    return [
        None if (p := notification_period(o)) is None else p.iso
        for o in rules.aggregate_consecutive_terms(offences, groups)
    ]


# SOA 2003 s.82(3), (4)(a): consecutive terms of imprisonment for two or more Schedule 3
# offences are treated, for the s.82(1) table, as a term equal to their aggregate
@pytest.mark.parametrize(
    "terms, periods",
    [
        # 18 + 18 months consecutive: 36 months, so indefinite (each alone would be 10 years)
        (
            [("SOA2003/s3", 18, "A", True), ("SOA2003/s7", 18, "A", True)],
            [INDEFINITE, INDEFINITE],
        ),
        # 4 + 3 months: 7 months, "more than 6 months": 10 years (each alone 7 years)
        ([("SOA2003/s3", 4, "A", True), ("SOA2003/s3", 3, "A", True)], ["P10Y", "P10Y"]),
        # concurrent terms (no group): each on its own term
        ([("SOA2003/s3", 4, "", True), ("SOA2003/s3", 3, "", True)], ["P7Y", "P7Y"]),
        # a term for an offence that brings no requirement does not add (s.82(3): offences
        # "listed in Schedule 3"), so the Schedule 3 term stands alone
        ([("SOA2003/s3", 4, "A", True), ("TA1968/s1", 26, "A", False)], ["P7Y", None]),
        # two groups are aggregated separately
        (
            [
                ("SOA2003/s3", 12, "A", True),
                ("SOA2003/s3", 12, "A", True),
                ("SOA2003/s3", 2, "B", True),
                ("SOA2003/s3", 3, "B", True),
            ],
            ["P10Y", "P10Y", "P7Y", "P7Y"],
        ),
    ],
)
def test_consecutive_terms_count_as_their_aggregate(terms, periods):
    assert _aggregated(*terms) == periods


def test_an_aggregate_is_still_halved_for_an_offender_under_18():
    # s.82(2) applies to the row the aggregate falls in: 4 + 3 months, 10 years halved
    offences = [offence(term_months=n, age_on_relevant_date=16) for n in (4, 3)]
    aggregated = rules.aggregate_consecutive_terms(offences, ["A", "A"])
    period = notification_period(aggregated[0])
    assert period.iso == "P5Y"
    assert "counted as one term of 7 months (s.82(3), (4)(a))" in period.basis
    assert "halved" in period.basis


def test_the_aggregate_does_not_make_category_2():
    # s.82(4) has effect for s.82(1) only; CJA 2003 s.327(3)(b)(i) asks for "a sentence of
    # imprisonment for a term of 12 months or more", each sentence as passed: two consecutive
    # 6-month terms are not one
    aggregated = rules.aggregate_consecutive_terms([offence(term_months=6)] * 2, ["A", "A"])
    assert [o.aggregate_term_months for o in aggregated] == [12, 12]
    assert [rules.qualifying_sentence(o) for o in aggregated] == [None, None]
    assert rules.qualifying_sentence(offence(term_months=12)) is not None


# SOA 2003 s.131(a) with PCC(S)A 2000 s.102(2) / Sentencing Code s.242(2): a detention and
# training order counts, for the s.82 table, as the detention half of its term; CJA 2003
# s.327(3)(b)(vii) asks for "a detention and training order for a term of 12 months or more"
@pytest.mark.parametrize(
    ("order_months", "age", "period", "category_2"),
    [
        (24, 16, "P5Y", True),  # 12 months' detention: 10 years, halved under 18
        (12, 16, "P3Y6M", True),  # 6 months' detention: 7 years, halved; the order is 12 months
        (10, 16, "P3Y6M", False),  # 5 months' detention; the order is under 12 months
        (4, 19, "P7Y", False),  # (an adult would not get a DTO: no halving shows the row alone)
    ],
)
def test_a_detention_and_training_order_counts_half_for_s82_and_whole_for_s327(
    order_months, age, period, category_2
):
    dto = offence(
        term_months=order_months, age_on_relevant_date=age, detention_and_training_order=True
    )
    assert notification_period(dto).iso == period
    assert (rules.qualifying_sentence(dto) is not None) is category_2

"""Every MARAC referral criterion, table by table, with its boundaries (SafeLives; domain.md §7.2)."""

from datetime import date

import pytest

from mappa.marac import rules

ON = date(2026, 11, 21)
DEFAULTS = rules.Thresholds()


def answers(yes: int, no: int = 0, not_known: int = 0) -> dict[str, str]:
    values = ["yes"] * yes + ["no"] * no + ["not_known"] * not_known
    return {f"q{n}": value for n, value in enumerate(values, start=1)}


@pytest.mark.parametrize(
    ("yes", "no", "not_known", "score"),
    [(0, 24, 0, 0), (13, 11, 0, 13), (14, 0, 10, 14), (15, 5, 4, 15), (24, 0, 0, 24)],
)
def test_the_score_counts_only_yes_answers(yes, no, not_known, score):
    assert rules.yes_count(answers(yes, no, not_known)) == score


@pytest.mark.parametrize(
    ("yes", "threshold", "high"),
    [
        (0, 14, False),
        (13, 14, False),
        (14, 14, True),
        (15, 14, True),
        (24, 14, True),
        (11, 12, False),
        (12, 12, True),
    ],
)
def test_visible_high_risk_starts_at_the_threshold(yes, threshold, high):
    assert rules.is_visible_high_risk(yes_count=yes, threshold=threshold) is high


@pytest.mark.parametrize(
    ("yes", "band"),
    [(0, "standard"), (9, "standard"), (10, "medium"), (13, "medium"), (14, "high")],
)
def test_the_local_risk_bands(yes, band):
    assert rules.risk_band(yes_count=yes, medium_from=10, high_from=14) == band


@pytest.mark.parametrize(
    ("callouts", "escalation"),
    [
        ([], False),
        ([date(2026, 10, 1), date(2026, 11, 1)], False),  # 2 call-outs
        ([date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)], True),  # 3 call-outs
        ([date(2025, 11, 21), date(2026, 10, 1), date(2026, 11, 1)], True),  # 12 months exactly
        ([date(2025, 11, 20), date(2026, 10, 1), date(2026, 11, 1)], False),  # a day too early
        ([date(2026, 11, 21), date(2026, 11, 21), date(2026, 11, 21)], True),  # all today
        ([date(2026, 11, 22), date(2026, 10, 1), date(2026, 11, 1)], False),  # one in the future
    ],
)
def test_potential_escalation_is_three_call_outs_in_twelve_months(callouts, escalation):
    assert (
        rules.is_potential_escalation(callouts=callouts, on=ON, threshold=3, months=12)
        is escalation
    )


def test_an_area_may_count_escalation_differently():
    five = [date(2026, month, 1) for month in range(6, 11)]
    assert rules.is_potential_escalation(callouts=five, on=ON, threshold=5, months=12)
    assert not rules.is_potential_escalation(callouts=five[:4], on=ON, threshold=5, months=12)
    assert not rules.is_potential_escalation(callouts=five, on=ON, threshold=3, months=3)


@pytest.mark.parametrize(
    ("last_referral_on", "incident_on", "repeat"),
    [
        (None, date(2026, 11, 1), False),  # never referred before
        (date(2026, 1, 10), None, False),  # no incident date
        (date(2026, 1, 10), date(2026, 6, 1), True),
        (date(2025, 11, 21), date(2026, 11, 21), True),  # 12 months exactly
        (date(2025, 11, 20), date(2026, 11, 21), False),  # 12 months and a day: a new referral
        (date(2026, 1, 10), date(2026, 1, 10), False),  # the referral's own day
        (date(2026, 1, 10), date(2026, 1, 9), False),  # before the last referral
        (date(2024, 2, 29), date(2025, 2, 28), True),  # leap day: the anniversary is 28 February
        (date(2024, 2, 29), date(2025, 3, 1), False),
    ],
)
def test_repeat_is_a_further_incident_within_twelve_months_of_the_last_referral(
    last_referral_on, incident_on, repeat
):
    assert (
        rules.is_repeat(incident_on=incident_on, last_referral_on=last_referral_on, months=12)
        is repeat
    )


@pytest.mark.parametrize(
    ("judgement", "reason", "problem"),
    [
        (False, "", False),
        (True, "Threats to kill in front of the children", False),
        (True, "", True),
        (True, "   ", True),
    ],
)
def test_professional_judgement_needs_its_reasons(judgement, reason, problem):
    found = rules.judgement_problem(professional_judgement=judgement, reason=reason)
    assert (found is not None) is problem


@pytest.mark.parametrize(
    ("yes", "judgement", "callouts", "last_referral_on", "expected"),
    [
        (13, False, 2, None, []),
        (14, False, 2, None, ["visible_high_risk"]),
        (13, True, 2, None, ["professional_judgement"]),
        (13, False, 3, None, ["potential_escalation"]),
        (13, False, 0, date(2026, 1, 1), ["repeat"]),
        (
            15,
            True,
            3,
            date(2026, 1, 1),
            ["visible_high_risk", "professional_judgement", "potential_escalation", "repeat"],
        ),
    ],
)
def test_criteria_met_lists_every_criterion_in_safelives_order(
    yes, judgement, callouts, last_referral_on, expected
):
    met = rules.criteria_met(
        yes_count=yes,
        professional_judgement=judgement,
        callouts=[date(2026, 11, day) for day in range(1, callouts + 1)],
        incident_on=date(2026, 11, 20),
        last_referral_on=last_referral_on,
        on=ON,
        thresholds=DEFAULTS,
    )
    assert met == expected


def test_judgement_never_takes_away_visible_high_risk():
    met = rules.criteria_met(
        yes_count=20,
        professional_judgement=False,
        callouts=[],
        incident_on=None,
        last_referral_on=None,
        on=ON,
        thresholds=DEFAULTS,
    )
    assert met == ["visible_high_risk"]


def test_thresholds_come_from_the_caller():
    lower = rules.Thresholds(visible_high_risk=10)
    met = rules.criteria_met(
        yes_count=10,
        professional_judgement=False,
        callouts=[],
        incident_on=None,
        last_referral_on=None,
        on=ON,
        thresholds=lower,
    )
    assert met == ["visible_high_risk"]

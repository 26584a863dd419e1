"""Pure rules for DASH and MARAC. No Django imports (structural test).

Thresholds come in as arguments: their defaults and sources are settings (mappa/settings/practice.py,
MAPPA_MARAC_*), so an area may adopt its own (domain.md §7.2: "make configurable").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

YES = "yes"
VISIBLE_HIGH_RISK = "visible_high_risk"
PROFESSIONAL_JUDGEMENT = "professional_judgement"
POTENTIAL_ESCALATION = "potential_escalation"
REPEAT = "repeat"
STANDARD, MEDIUM, HIGH = "standard", "medium", "high"
RED, AMBER, GREEN = "red", "amber", "green"


@dataclass(frozen=True)
class Thresholds:
    """The referral thresholds in force (SafeLives defaults; domain.md §7.2 and §10.2)."""

    visible_high_risk: int = 14
    escalation_callouts: int = 3
    escalation_months: int = 12
    repeat_months: int = 12


# SafeLives Dash risk checklist: the score is the number of questions answered "yes";
# "no" and "not known" add nothing.
def yes_count(answers: Mapping[str, str]) -> int:
    return sum(1 for answer in answers.values() if answer == YES)


# SafeLives MARAC referral criteria (domain.md §7.2, criterion 1): visible high risk is
# `threshold` (14) or more "yes" answers out of 24.
def is_visible_high_risk(*, yes_count: int, threshold: int) -> bool:
    return yes_count >= threshold


# Scoring bands used locally (Plymouth, domain.md §7.2): 1-9 standard, 10-13 medium, 14+ high.
def risk_band(*, yes_count: int, medium_from: int, high_from: int) -> str:
    if yes_count >= high_from:
        return HIGH
    if yes_count >= medium_from:
        return MEDIUM
    return STANDARD


# SafeLives MARAC referral criteria (domain.md §7.2, criterion 3): potential escalation is
# `threshold` (3) or more police call-outs in the `months` (12) up to `on`. A call-out exactly
# `months` before `on` is within them; one a day earlier is not; future dates never count.
def callouts_within(*, callouts: Iterable[date], on: date, months: int) -> int:
    since = on - relativedelta(months=months)
    return sum(1 for day in callouts if since <= day <= on)


def is_potential_escalation(
    *, callouts: Iterable[date], on: date, threshold: int, months: int
) -> bool:
    return callouts_within(callouts=callouts, on=on, months=months) >= threshold


# SafeLives "Definition of a repeat at Marac" (domain.md §7.2, criterion 4): a further incident
# after the last MARAC referral and within `months` (12) of it; one on the anniversary itself is
# within ("more than 12 months after ... is a new referral"). It is referred whatever the score.
def is_repeat(*, incident_on: date | None, last_referral_on: date | None, months: int) -> bool:
    if incident_on is None or last_referral_on is None:
        return False
    return last_referral_on < incident_on <= last_referral_on + relativedelta(months=months)


# SafeLives MARAC referral criteria (criterion 2): a referral on professional judgement alone
# must give the reasons.
def judgement_problem(*, professional_judgement: bool, reason: str) -> str | None:
    if professional_judgement and not reason.strip():
        return "Give the reasons for referring on professional judgement"
    return None


def criteria_met(
    *,
    yes_count: int,
    professional_judgement: bool,
    callouts: Iterable[date],
    incident_on: date | None,
    last_referral_on: date | None,
    on: date,
    thresholds: Thresholds,
) -> list[str]:
    """Every MARAC referral criterion the assessment meets, in SafeLives' order.

    Judgement only ever adds a criterion: it never removes visible high risk (SafeLives: it
    must not be used to downgrade an actuarial high score).
    """
    met = []
    if is_visible_high_risk(yes_count=yes_count, threshold=thresholds.visible_high_risk):
        met.append(VISIBLE_HIGH_RISK)
    if professional_judgement:
        met.append(PROFESSIONAL_JUDGEMENT)
    if is_potential_escalation(
        callouts=callouts,
        on=on,
        threshold=thresholds.escalation_callouts,
        months=thresholds.escalation_months,
    ):
        met.append(POTENTIAL_ESCALATION)
    if is_repeat(
        incident_on=incident_on, last_referral_on=last_referral_on, months=thresholds.repeat_months
    ):
        met.append(REPEAT)
    return met


# Local MARAC protocols (e.g. Cumbria, Liverpool; domain.md §7.3): agencies research the case
# before the meeting. The deadline is `days_before` the meeting, and never in the past.
def research_deadline(*, meeting_on: date, today: date, days_before: int) -> date:
    return max(meeting_on - timedelta(days=days_before), today)


# Red/amber/green per agency (the MASH/MARAC RAG convention, domain.md §7.1): green once
# answered, red when the deadline has passed unanswered, amber while it is awaited.
def research_rag(*, answered_on: date | None, deadline: date, today: date) -> str:
    if answered_on is not None:
        return GREEN
    if today > deadline:
        return RED
    return AMBER


def answered_late(*, answered_on: date | None, deadline: date) -> bool:
    return answered_on is not None and answered_on > deadline


# SafeLives reports MARAC data by quarter: January to March, April to June, July to
# September, October to December.
def quarter_of(day: date) -> tuple[date, date]:
    start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return start, start + relativedelta(months=3) - timedelta(days=1)


def previous_quarter(start: date) -> date:
    return start - relativedelta(months=3)


def quarter_label(start: date) -> str:
    end = start + relativedelta(months=2)
    return f"{start:%B} to {end:%B %Y}"


def percentage(part: int, whole: int) -> float | None:
    """`part` as a percentage of `whole`, to one decimal place; None when `whole` is 0."""
    if whole == 0:
        return None
    return round(100 * part / whole, 1)

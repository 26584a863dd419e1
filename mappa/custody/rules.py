"""Pure rules about custody, release planning and returns to custody. No Django imports.

Sources: MAPPA Guidance (2012, updated 2021) ch.15 "Custody", para 15.1: the Prison Service, part
of the Responsible Authority, provides information on MAPPA offenders at key points of the
sentence and on release, and contributes to release planning and MAPPA level setting
(https://mappa.justice.gov.uk/MAPPA/view?objectID=12995988; shared/reference/domain.md §9.2).
How long before release the level must be set is not in our references (domain.md §6:
"custody.levelSetting.leadTime, 6 months before release, UNVERIFIED"): it is the setting
MAPPA_LEVEL_SET_MONTHS_BEFORE_RELEASE, passed in as `lead_months`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from mappa.cases.rules import level_allowed_for_category

RED, AMBER, GREEN = "red", "amber", "green"
URGENCY = {RED: 0, AMBER: 1, GREEN: 2}

# MAPPA Guidance ch.15.1: the prison (with probation, its RA partner) contributes to release
# planning and level setting; the co-ordinator decides the level (ch.7, ch.28).
SCREENING_AGENCIES = frozenset({"prison", "probation"})


def may_screen(*, role: str, agency_kind: str | None) -> bool:
    """Prison and probation practitioners screen before release, and the co-ordinator may."""
    if role == "coordinator":
        return True
    return role == "ra_practitioner" and agency_kind in SCREENING_AGENCIES


@dataclass(frozen=True)
class DueDate:
    on: date
    kind: str  # "release" or "parole" (constants.DueKind)


# ch.15.1: level setting is part of release planning, so it is due against the first date the
# person may leave custody: the release date, or an earlier parole hearing still to come (a
# hearing that has passed has been heard; its outcome sets the release date).
def level_due_against(
    *, release_on: date | None, parole_hearing_on: date | None, today: date
) -> DueDate | None:
    dates = []
    if release_on is not None:
        dates.append(DueDate(release_on, "release"))
    if parole_hearing_on is not None and parole_hearing_on >= today:
        dates.append(DueDate(parole_hearing_on, "parole"))
    return min(dates, key=lambda due: due.on, default=None)


# The queue's window (MAPPA_RELEASES_MONTHS): a date passed is still shown, as the most urgent.
def in_window(*, on: date, today: date, months: int) -> bool:
    return on <= today + relativedelta(months=months)


# MAPPA Guidance ch.15.1 with the lead time of MAPPA_LEVEL_SET_MONTHS_BEFORE_RELEASE (unverified).
def level_deadline(*, due_on: date, lead_months: int) -> date:
    return due_on - relativedelta(months=lead_months)


def level_status(
    *, due_on: date, level_decided: bool, today: date, lead_months: int, soon_days: int
) -> str:
    """Green once a level is decided in this custody; otherwise red after the deadline, amber
    within `soon_days` of it, green before then."""
    if level_decided:
        return GREEN
    deadline = level_deadline(due_on=due_on, lead_months=lead_months)
    if today > deadline:
        return RED
    if today >= deadline - timedelta(days=soon_days):
        return AMBER
    return GREEN


def _dmy(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def release_problem(*, on: date, custody_started_on: date | None, today: date) -> str | None:
    """A release is recorded for a person in custody, on a day neither in the future nor before
    the custody began."""
    if custody_started_on is None:
        return "This person is not in custody: there is no open custody period to end"
    if on > today:
        return "The release date must be today or in the past"
    if on < custody_started_on:
        return (
            f"The release date must be on or after {_dmy(custody_started_on)}, when custody began"
        )
    return None


def return_problem(
    *, on: date, in_custody: bool, last_left_on: date | None, today: date
) -> str | None:
    """A return to custody is of a person not in custody, on or after the day they last left it."""
    if in_custody:
        return "This person is already in custody"
    if on > today:
        return "The date of the return to custody must be today or in the past"
    if last_left_on is not None and on < last_left_on:
        return f"The date of the return to custody must be on or after {_dmy(last_left_on)}, the last release"
    return None


# Annual figures (shared/contracts/annual-report.md; oversight.rules.RETURNS_TO_CUSTODY) count
# returns for breach of licence and of an order; other returns are recorded here only.
RECORDED_EVENT_OF_RETURN = {
    "licence_recall": "returned_to_custody_licence_breach",
    "order_breach": "returned_to_custody_order_breach",
}


# MAPPA Guidance ch.7: category 3 is managed at level 2 or 3 (cases.rules).
def screening_problems(
    *,
    category: int,
    proposed_level: int,
    rationale: str,
    report_requested: bool,
    report_due_on: date | None,
    today: date,
    due_on: date | None,
) -> dict[str, str]:
    problems = {}
    if not level_allowed_for_category(category=category, level=proposed_level):
        problems["proposed_level"] = (
            "A category 3 case cannot be managed at level 1: propose level 2 or 3"
        )
    if not rationale.strip():
        problems["rationale"] = "Give the rationale for the proposed level"
    if report_requested and report_due_on is None:
        problems["report_due_on"] = "Enter the date the prison's report is due"
    if report_due_on is not None and not report_requested:
        problems["report_due_on"] = "Say that a report is requested, or leave its due date empty"
    if report_requested and report_due_on is not None:
        if report_due_on < today:
            problems["report_due_on"] = "The report's due date must be today or later"
        elif due_on is not None and report_due_on > due_on:
            problems["report_due_on"] = (
                f"The report must be due by {_dmy(due_on)}, before the release"
            )
    return problems


def level_set_in_custody(
    *, decisions: list[date], custody_started_on: date, released_on: date
) -> bool:
    """Whether a level was decided (not imported) between the start of custody and the release."""
    return any(custody_started_on <= day <= released_on for day in decisions)

"""Pure rules about information requests to agencies. No Django imports (structural test).

The statutory ground: the responsible authority must co-operate with the duty-to-co-operate
agencies, and co-operation "may include the exchange of information" (Criminal Justice Act
2003 s.325(3) and (4)). MAPPA Guidance ch.9 (Information sharing, updated May 2022), 9.1-9.2:
information is shared between the responsible authority, duty-to-co-operate agencies and
associates for assessing and managing the risk, and what an agency shares stays its own.
Sharing must be lawful, necessary and proportionate, and an agency's refusal to share is
recorded (Sefton LSCB MAPPA information sharing agreement 12.3.2 and 12.4.1; domain.md §6.2).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

RED, AMBER, GREEN, DONE = "red", "amber", "green", "done"
ON_TIME, LATE, OUTSTANDING, DECLINED = "on_time", "late", "outstanding", "declined"
WITHDRAWN = "withdrawn"

__all__ = [
    "AMBER",
    "DECLINED",
    "DONE",
    "GREEN",
    "LATE",
    "ON_TIME",
    "OUTSTANDING",
    "RED",
    "WITHDRAWN",
    "MOVE_TO_CASE",
    "REFERRAL_CLOSED_REASON",
    "WITHDRAW",
    "default_due_date",
    "on_referral_concluded",
    "referral_takes_requests",
    "due_date_problem",
    "median_days",
    "request_status",
    "response_outcome",
    "text_problems",
    "withdrawal_problem",
]


def request_status(*, status: str, due_on: date, today: date, amber_days: int) -> str:
    """Red, amber or green against the due date (local practice; the setting
    MAPPA_INFORMATION_REQUEST_AMBER_DAYS): an open request past its due date is red, one due
    within `amber_days` amber, others green; an answered or declined one is done."""
    if status != "open":
        return DONE
    if due_on < today:
        return RED
    if due_on <= today + timedelta(days=amber_days):
        return AMBER
    return GREEN


def due_date_problem(*, due_on: date | None, today: date) -> str | None:
    """A request asks for an answer in the future: a due date in the past is a mistake."""
    if due_on is None:
        return "Enter the date the answer is needed by"
    if due_on < today:
        return "The due date must be today or in the future"
    return None


def text_problems(*, purpose: str, question: str) -> dict[str, str]:
    """Sharing must be necessary (MAPPA Guidance ch.9; ISA 12.3.1): the request says why the
    information is needed, and what is asked, so the agency can judge what to share."""
    problems = {}
    if not purpose.strip():
        problems["purpose"] = "Say why the information is needed"
    if not question.strip():
        problems["question"] = "Say what the agency is asked"
    return problems


def default_due_date(
    *, today: date, days: int, review_due: date | None = None, before_review_days: int = 0
) -> date:
    """The due date a new request is offered: `days` from today, or, for a request raised
    before a review, `before_review_days` before the review date (never before today)."""
    if review_due is not None:
        return max(today, review_due - timedelta(days=before_review_days))
    return today + timedelta(days=days)


def response_outcome(
    *,
    due_on: date,
    answered_on: date | None,
    declined_on: date | None,
    as_of: date,
    withdrawn_on: date | None = None,
) -> str:
    """How a request stood on `as_of`, for the board: declined, answered on time (on or
    before its due date), answered late, withdrawn by the area that asked (not the agency's
    lateness: it no longer needed an answer), or outstanding (none of these by then)."""
    if withdrawn_on is not None and withdrawn_on <= as_of:
        return WITHDRAWN
    if declined_on is not None and declined_on <= as_of:
        return DECLINED
    if answered_on is not None and answered_on <= as_of:
        return ON_TIME if answered_on <= due_on else LATE
    return OUTSTANDING


def withdrawal_problem(*, is_open: bool, reason: str) -> str | None:
    """Only an open request can be withdrawn, and the agency is told why: a request that asked
    for information must say why it no longer needs it, as sharing must stay necessary (MAPPA
    Guidance ch.9; Sefton ISA 12.3.1)."""
    if not is_open:
        return "This request is closed: it has been answered, declined or withdrawn"
    if not reason.strip():
        return "Say why the request is withdrawn"
    return None


def median_days(days: Iterable[int]) -> float | None:
    """The median of the days taken to answer (None when nothing was answered)."""
    ordered = sorted(days)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


MOVE_TO_CASE, WITHDRAW = "move_to_case", "withdraw"
REFERRAL_CLOSED_REASON = "the referral was closed without a MAPPA case"
# A referral is at screening while it is submitted, or returned to the referrer for more
# information and not yet resubmitted (MAPPA Guidance ch.7, screening and thresholding).
OPEN_REFERRAL_STATUSES = frozenset({"submitted", "returned"})


def referral_takes_requests(*, status: str) -> bool:
    """A request may be raised on a referral while it is at screening (MAPPA Guidance ch.7: the
    co-ordinator gathers what is needed to decide the referral; ch.9, 9.1: information is
    shared to assess the risk), not once it is decided or withdrawn."""
    return status in OPEN_REFERRAL_STATUSES


def on_referral_concluded(*, status: str, case_opened: bool) -> str | None:
    """What becomes of the requests raised on a referral with no case when the referral is
    settled: screening opened (or found) the person's case, so they move onto it and the case
    keeps the information shared (MAPPA Guidance ch.9, 9.2); the referral closed without a case
    (declined, or withdrawn by the referrer), so the open ones are withdrawn, since there is no
    MAPPA case for which to share (CJA 2003 s.325(4): co-operation is for MAPPA's functions).
    A referral returned for more information is still at screening: nothing changes."""
    if case_opened:
        return MOVE_TO_CASE
    if status in OPEN_REFERRAL_STATUSES:
        return None
    return WITHDRAW

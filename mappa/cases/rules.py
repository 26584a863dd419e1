"""Pure rules about the MAPPA case. No Django imports (structural test)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

CATEGORY_3 = 3
CATEGORY_4 = 4

# Category 4, terrorist and terrorism-risk offenders (MAPPA Guidance ch.24, "Managing Terrorism and
# Extremism"; shared/reference/domain.md §1.1), is seen only by users the area has given terrorism
# clearance: without it no page, list, e-mail or count shows the case or that it exists.
NEEDS_CLEARANCE = frozenset({CATEGORY_4})


def may_see_category(category: int | None, *, cleared: bool) -> bool:
    """Whether a user with (or without) terrorism clearance may learn of a case of this category."""
    return cleared or category not in NEEDS_CLEARANCE


CT_MAPPA, LOCAL_MAPPA = "ct_mappa", "local_mappa"


# MAPPA Guidance para 24.25 (updated 13 September 2023): "Most TACT/TACT connected individuals will
# be managed under CT MAPPA but they may be managed under local MAPPA where the primary risk does
# not relate to terrorism. The Lead Agency will determine whether [one] is managed under CT MAPPA
# or local MAPPA." Why a decision cannot be recorded as given, or None.
def terrorism_management_problem(
    *, category: int | None, management: str, rationale: str, decider_is_lead_agency: bool
) -> tuple[str, str] | None:
    """(field, message) naming what is wrong with a CT MAPPA / local MAPPA decision, or None."""
    if category not in NEEDS_CLEARANCE:
        return "management", "Only a category 4 case is managed under CT MAPPA or local MAPPA"
    if management not in (CT_MAPPA, LOCAL_MAPPA):
        return "management", "Choose CT MAPPA or local MAPPA"
    if not decider_is_lead_agency:
        return "management", "The case's lead agency decides whether it is managed under CT MAPPA"
    if management == LOCAL_MAPPA and not rationale.strip():
        return "rationale", "Say why the primary risk does not relate to terrorism"
    return None


# MAPPA Guidance; nDelius: "Category 3 offenders require multi-agency management at Level 2 or 3
# and should not be recorded at Level 1" (shared/reference/domain.md §1.1): they leave MAPPA instead.
def level_allowed_for_category(*, category: int | None, level: int | None) -> bool:
    return not (category == CATEGORY_3 and level == 1)


# MAPPA Guidance (shared/seeds, domain.md §0): level 2 reviewed at least every 16 weeks, level 3 at
# least every 8 weeks; level 1 within the area's own interval. The intervals are settings.
def next_review_due(*, level: int, last_review: date, interval_weeks: Mapping[int, int]) -> date:
    """The latest date the next review may be held, counting from the last review."""
    if level not in interval_weeks:
        raise ValueError(f"no review interval is configured for level {level}")
    return last_review + timedelta(weeks=interval_weeks[level])


ON_TRACK, DUE_SOON, OVERDUE, NOT_SET = "on_track", "due_soon", "overdue", "not_set"


def review_status(*, due: date | None, today: date, due_soon_days: int = 28) -> str:
    """Red (overdue: past its date), amber (due within `due_soon_days`) or green; never silent."""
    if due is None:
        return NOT_SET
    if due < today:
        return OVERDUE
    if due <= today + timedelta(days=due_soon_days):
        return DUE_SOON
    return ON_TRACK


ENDED, ENDING_SOON = "ended", "ending_soon"


# A category 1 case cannot outlive its notification requirement, nor a category 2 case its
# eligibility (CJA 2003 s.327; MAPPA Guidance): warn the co-ordinator ahead of the end.
def eligibility_warning(
    *, eligibility_end: date | None, today: date, warn_weeks: int = 8
) -> str | None:
    if eligibility_end is None:
        return None
    if eligibility_end < today:
        return ENDED
    if eligibility_end <= today + timedelta(weeks=warn_weeks):
        return ENDING_SOON
    return None

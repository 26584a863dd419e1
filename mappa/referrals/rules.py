"""Pure rules about referrals (MAPPA A) and screening. No Django imports (structural test)."""

from __future__ import annotations

from datetime import date, datetime

from dateutil.relativedelta import relativedelta

EDITABLE_STATUSES = frozenset({"draft", "returned"})


# MAPPA Guidance ch.14 (document set): the referrer completes the MAPPA A; once submitted it is
# the co-ordinator's to screen and cannot change, unless it is returned for more information.
def may_edit(status: str) -> bool:
    return status in EDITABLE_STATUSES


# MAPPA Guidance ch.15 (custody): a person in custody is referred in time for the plan to be in
# place before release; release less than `months` away (6 by default, a setting) is a warning.
def release_is_close(*, release_date: date | None, today: date, months: int) -> bool:
    if release_date is None or release_date < today:
        return False
    return release_date < today + relativedelta(months=months)


ON_TIME, AGEING, LATE = "on_time", "ageing", "late"


# The area's service standard for screening (settings; not set by the guidance): green while a
# referral is younger than `amber_days`, amber until `red_days`, red from then on.
def screening_status(*, submitted: datetime, now: datetime, amber_days: int, red_days: int) -> str:
    age = (now - submitted).days
    if age >= red_days:
        return LATE
    if age >= amber_days:
        return AGEING
    return ON_TIME


# MAPPA Guidance ch.7: referral to level 3 must say which parts of the risk management plan
# cannot be delivered at level 2.
def level_3_needs_reason(*, level: int | None, why_not_level_2: str) -> bool:
    return level == 3 and not why_not_level_2.strip()


# MAPPA Guidance ch.7: the level is "the lowest level of case management that provides a
# defensible risk management plan"; a decision below the level asked for needs a rationale.
LOWEST_LEVEL_QUESTION = (
    "What is the lowest level of case management that provides a defensible risk management plan?"
)


# MAPPA Guidance para 17.1 ("Responsibility for MAPPA Cases"): a case is owned by the agencies
# with statutory responsibility for managing it, and a transfer moves it between areas: there is
# one case. While a transfer waits, the receiving area sets the level when it accepts; once it is
# accepted, the receiving area manages the case. So a referral of a person whose case a transfer
# shares opens no second case and changes no level (docs/transfers.md).
def shared_case_refusal(*, waiting: bool, person: str, from_area: str, to_area: str) -> str:
    """What a referral of a person whose case a transfer shares is told, pointing into the
    transfer (while it waits) or the case in the receiving area (once accepted)."""
    if waiting:
        return (
            f"{person}'s case is being transferred from {from_area} to {to_area}, so a referral "
            f"cannot open a second case or change its level: {to_area} sets the level when it "
            "accepts the transfer. Add what you know to the transfer"
        )
    return (
        f"{person}'s case has been transferred to {to_area}, which manages it now, so a "
        f"referral here cannot open a second case or change its level: ask {to_area}'s "
        "co-ordinators, through the case"
    )

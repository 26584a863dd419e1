"""Pure rules of the MASH link (seed 001 and shared/reference/domain.md "MASH procedure")."""

from __future__ import annotations

from datetime import date, timedelta

MARKING_COLUMNS = ("protective_marking", "exported_for", "exported_at")


# Seed 001: two named persons receive the list "to ensure continuity if one person is off".
def may_designate(active_in_area: int, limit: int) -> bool:
    return active_in_area < limit


# Seed 001: the case list goes to the MASH weekly, for the meetings coming up.
def case_list_window(today: date, days: int) -> tuple[date, date]:
    """The meetings a case list covers: from today up to `days` days ahead."""
    return today, today + timedelta(days=days)


def week_starting(day: date) -> date:
    """The Monday of the week containing `day`."""
    return day - timedelta(days=day.weekday())


# Seed 001, step 1: history of involvement but not active / current open case / not known.
def involvement_from_status(case_status: str | None) -> str:
    return {"open": "open", "closed": "history"}.get(
        (case_status or "").strip().lower(), "not_known"
    )


# Seed 001, step 1: an open child's case means the allocated social worker is invited.
def needs_worker_invitation(involvement: str) -> bool:
    return involvement == "open"


# Seed 001, step 2: a person not known is created with the hazard flag; the flag warns social
# workers before the meeting, so a person already known to social care with a child found at
# their address has the same flag added to their record (issue 16, item 17).
def needs_pre_meeting_flag(*, known: bool, children_at_address: int) -> bool:
    return not known or children_at_address > 0


# Children Act 1989 s.105(1): a child is a person under the age of eighteen. A record without a
# usable date of birth is counted as a child (a children's social-care record, the cautious way).
def is_child(date_of_birth: str, on: date) -> bool:
    try:
        born = date.fromisoformat(date_of_birth.strip())
    except ValueError:
        return True
    eighteenth = _anniversary(born, 18)
    return on < eighteenth


def _anniversary(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # born on 29 February: the birthday falls on 1 March
        return date(born.year + years, 3, 1)


# Seed 001, step 2: a person not known is created with the hazard "to be discussed at MAPPA on
# <date>"; for further information contact the MASH.
def to_be_discussed_text(meeting_date: date) -> str:
    return f"To be discussed at MAPPA on {long_date(meeting_date)}. {CONTACT}"


CONTACT = "For further information contact the MASH."


def long_date(day: date) -> str:
    """GOV.UK style: 1 December 2026."""
    return f"{day.day} {day:%B %Y}"


# Seed 001, step 5: made subject to level 2 or 3, the hazard records the status and the nature
# of the concern (e.g. a risk of sexual harm to children, of violence to partners).
def mappa_status_text(level: int, concerns: list[str], meeting_date: date) -> str:
    text = f"Subject to MAPPA level {level} management (MAPPA meeting {long_date(meeting_date)})."
    if concerns:
        text += f" Nature of concern: {'; '.join(concerns)}."
    return f"{text} {CONTACT}"


# Seed 001, step 6: discussed but not made subject to MAPPA: a hazard reflecting the risk
# (e.g. violent behaviour, drug use).
def not_subject_text(concerns: list[str], meeting_date: date) -> str:
    text = f"Discussed at MAPPA on {long_date(meeting_date)}; not subject to MAPPA management."
    if concerns:
        text += f" Hazard: {'; '.join(concerns)}."
    return f"{text} {CONTACT}"


# The flag's life: produced (to enter), entered on the social-care system, then confirmed.
NEXT_FLAG_STATUS = {"to_enter": "entered", "entered": "confirmed"}


def next_flag_status(status: str) -> str | None:
    return NEXT_FLAG_STATUS.get(status)


# Feedback follows the meeting: it can be recorded once the meeting day has come.
def feedback_open(meeting_date: date, today: date) -> bool:
    return today >= meeting_date

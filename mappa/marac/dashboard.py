"""The MARAC co-ordinator's dashboard panels: the referral queue and the next meeting.

`fill` replaces the role's placeholder panel text (mappa.desk.dashboards.PANELS) with a
line and a link when there is anything to show.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html

from mappa.marac import queries, rules


def referrals(user, today: date) -> str:
    waiting = queries.queue(user)
    count = waiting.count()
    if not count:
        return ""
    oldest = waiting.first()
    return format_html(
        '<a class="govuk-link" href="{}" data-testid="marac-queue-panel">{} referral{} waiting '
        "to be listed</a>; the oldest was referred on {}.",
        reverse("marac-queue"),
        count,
        "" if count == 1 else "s",
        date_format(oldest.referred_on, "j F Y"),
    )


def next_meeting(user, today: date) -> str:
    meeting = queries.next_meeting(user.area_id, today)
    if meeting is None:
        return ""
    items = list(meeting.agenda.prefetch_related("case__research_requests"))
    awaiting = overdue = 0
    for item in items:
        for request in item.case.research_requests.all():
            rag = rules.research_rag(
                answered_on=request.responded_on, deadline=request.deadline, today=today
            )
            awaiting += rag == rules.AMBER
            overdue += rag == rules.RED
    return format_html(
        '<a class="govuk-link" href="{}">{}</a>: {} case{} on the agenda; research awaited '
        "from {} agenc{}, overdue from {}.",
        reverse("marac-meeting", kwargs={"meeting_id": meeting.id}),
        date_format(meeting.date, "l j F Y"),
        len(items),
        "" if len(items) == 1 else "s",
        awaiting,
        "y" if awaiting == 1 else "ies",
        overdue,
    )


PANEL_TEXT = {"MARAC referrals": referrals, "Next MARAC meeting": next_meeting}


def fill(panels, user, today: date) -> list[tuple[str, str]]:
    """The role's panels, with the MARAC panels' placeholders replaced when there is news."""
    filled = []
    for title, empty in panels:
        text = PANEL_TEXT[title](user, today) if title in PANEL_TEXT else ""
        filled.append((title, text or empty))
    return filled

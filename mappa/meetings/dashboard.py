"""The meetings panels of the dashboards: the co-ordinator's next meetings, the chair's
meetings, minutes waiting for the chair's approval, and the meetings a practitioner is invited
to, each a line with a link.

`fill` replaces a role's placeholder panel text (see `mappa.desk.dashboards.PANELS`)
with these lines when there is anything to show.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from mappa.meetings.queries import meetings as queries

SHOWN = 5


def _link(meeting) -> str:
    return reverse("meeting", kwargs={"meeting_id": meeting.id})


def _meeting_lines(meetings) -> str:
    return format_html_join(
        mark_safe("<br>"),  # a constant separator
        '<a class="govuk-link" href="{}">{}</a>, level {}: {} case{} on the agenda',
        (
            (
                _link(m),
                date_format(m.date, "l j F Y"),
                m.level,
                m.items,
                "" if m.items == 1 else "s",
            )
            for m in meetings
        ),
    )


def next_meetings(user, today: date) -> str:
    meetings = queries.upcoming_for_area(user, today, SHOWN).annotate(items=Count("agenda"))
    return _meeting_lines(meetings)


def chaired(user, today: date) -> str:
    return _meeting_lines(queries.chaired_by(user, today, SHOWN).annotate(items=Count("agenda")))


def invited(user, today: date) -> str:
    invitations = queries.invitations_for(user).filter(
        agenda_item__meeting__date__gte=today, agenda_item__meeting__status="planned"
    )[:SHOWN]
    return format_html_join(
        mark_safe("<br>"),  # a constant separator
        '<a class="govuk-link" href="{}">{}</a> at {} (your response: {})',
        (
            (
                _link(i.agenda_item.meeting),
                date_format(i.agenda_item.meeting.date, "l j F Y"),
                i.agenda_item.starts_at.strftime("%H:%M"),
                i.get_response_display().lower(),
            )
            for i in invitations
        ),
    )


def to_approve(user, today: date) -> str:
    """Draft minutes waiting for approval, each linking to the minutes (where the chair approves)."""
    return format_html_join(
        mark_safe("<br>"),  # a constant separator
        '<a class="govuk-link" href="{}">Minutes of {}</a>, level {}{}',
        (
            (
                reverse("minutes", kwargs={"meeting_id": m.id}),
                date_format(m.date, "l j F Y"),
                m.level,
                _sent(m),
            )
            for m in queries.minutes_to_approve(user, SHOWN)
        ),
    )


def _sent(meeting) -> str:
    minutes = getattr(meeting, "minutes", None)
    if minutes is None or minutes.sent_for_approval_at is None:
        return ", still being written"
    sent = timezone.localtime(minutes.sent_for_approval_at).date()
    return f", sent to the chair on {date_format(sent, 'j F Y')}"


PANEL_TEXT = {
    "Minutes to approve": to_approve,
    "Next meetings": next_meetings,
    "Meetings you chair": chaired,
    "Meetings you are invited to": invited,
}


def fill(panels, user, today: date) -> list[tuple[str, str]]:
    """The role's panels, with the meetings panels' placeholders replaced when there is news."""
    filled = []
    for title, empty in panels:
        text = PANEL_TEXT[title](user, today) if title in PANEL_TEXT else ""
        filled.append((title, text or empty))
    return filled

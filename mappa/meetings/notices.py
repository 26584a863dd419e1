"""Invitation e-mails: the meeting's date, time and place, a link, and an iCalendar file.

E-mail leaves the secure system, so neither the message nor its .ics names the person,
the case, the level or anything else about the agenda: only when and where the meeting
is and where to sign in. Like every export, the .ics carries the protective marking, its
recipient and when it was issued.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone
from django.utils.dateformat import format as date_format
from icalendar import Calendar, Event

from mappa.agencies import permissions
from mappa.kit import links

SUBJECT = "MAPPA meeting invitation: {when}"
BODY = """You have been invited to a MAPPA meeting.

Date: {date}
Time: {start} to {end}
{place}

Sign in to see your part of the agenda and to say whether you will attend: {link}

{marking}. This message does not contain any case details. Do not reply to it.
"""
ICS_NAME = "mappa-meeting.ics"


def meeting_link(meeting) -> str:
    links.require_site("send meeting invitations")
    return links.page("meeting", meeting_id=meeting.id)


def place(meeting) -> str:
    lines = []
    if meeting.venue:
        lines.append(f"Venue: {meeting.venue}")
    if meeting.video_link:
        lines.append(f"Video link: {meeting.video_link}")
    return "\n".join(lines)


def _moment(meeting, at) -> datetime:
    return datetime.combine(meeting.date, at, tzinfo=timezone.get_default_timezone())


def calendar_file(meeting, *, recipient: str, issued_at: datetime) -> bytes:
    """An iCalendar (RFC 5545) event for the meeting, marked and addressed to its recipient."""
    link = meeting_link(meeting)
    marking = settings.MAPPA_PROTECTIVE_MARKING
    event = Event.new(
        uid=f"{meeting.id}@mappa",
        stamp=issued_at,
        start=_moment(meeting, meeting.start_time),
        end=_moment(meeting, meeting.end_time),
        summary=f"MAPPA meeting ({marking})",
        location=meeting.venue or meeting.video_link,
        url=link,
        description=(
            f"{marking}. Issued to {recipient} on {timezone.localtime(issued_at):%d %B %Y at %H:%M}."
            f"\nSign in to see your part of the agenda: {link}"
        ),
    )
    event.add("class", "CONFIDENTIAL")
    calendar = Calendar.new(
        prodid=f"-//mappa//{settings.MAPPA_SERVICE_NAME}//EN",
        method="PUBLISH",
        subcomponents=[event],
    )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def message(meeting, user, issued_at: datetime) -> EmailMessage:
    body = BODY.format(
        date=date_format(meeting.date, "l j F Y"),
        start=f"{meeting.start_time:%H:%M}",
        end=f"{meeting.end_time:%H:%M}",
        place=place(meeting),
        link=meeting_link(meeting),
        marking=settings.MAPPA_PROTECTIVE_MARKING,
    )
    email = EmailMessage(
        SUBJECT.format(when=date_format(meeting.date, "j F Y")), body, None, [user.email]
    )
    recipient = f"{user.display_name} <{user.email}>"
    email.attach(
        ICS_NAME,
        calendar_file(meeting, recipient=recipient, issued_at=issued_at),
        "text/calendar",
    )
    return email


def recipients(invitation) -> list:
    """Who is told of an invitation: the person, or the agency's active case-seeing users."""
    if invitation.invitee_user_id:
        users = [invitation.invitee_user]
    else:
        users = invitation.invitee_agency.users.filter(is_active=True)
    return [
        user
        for user in users
        if user.email and user.is_active and permissions.role_has(user, permissions.VIEW_CASES)
    ]


def send_invitations(meeting, users) -> None:
    """Send each user one message (the connection is opened once)."""
    issued_at = timezone.now()
    messages = [message(meeting, user, issued_at) for user in users]
    if messages:
        get_connection().send_messages(messages)

"""Circulating approved minutes to those recorded at the meeting, tracking who opened them
(on the page or as the PDF, each export recorded), and reminding the chair and co-ordinator
when minutes are late.

E-mail leaves the secure system, so messages carry a link and nothing else: no date, person,
case or level. Deadlines count working days: Monday to Friday, England and Wales bank holidays
(the `holidays` library; Wales keeps England's bank holidays) excluded.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import cache, partial

import holidays
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import services as case_services
from mappa.cases.reminders import coordinators_by_area, dashboard_link
from mappa.meetings import pdf, rules
from mappa.meetings.constants import AttendanceStatus, MeetingStatus
from mappa.meetings.models import Meeting
from mappa.meetings.models.minutes import Circulation, Minutes
from mappa.meetings.queries import minutes as minutes_queries

SUBJECT = "MAPPA meeting minutes"
BODY = """Minutes of a MAPPA meeting you were recorded at are ready to read.

Sign in to read them: {link}

{marking}. Do not forward, print or share the minutes without the chair's agreement.
This message does not contain any case details. Do not reply to it.
"""
REMINDER_SUBJECT = "MAPPA minutes not yet circulated"
REMINDER_BODY = """{count} set{plural} of MAPPA meeting minutes that you chair or co-ordinate {verb} \
not been circulated within {days} working days of the meeting.

Sign in to see {them}: {link}

This message does not contain any case details. Do not reply to it.
"""
UNCIRCULATED = (
    MeetingStatus.PLANNED,
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_DRAFT,
    MeetingStatus.MINUTES_APPROVED,
)


@cache
def bank_holidays():
    """England and Wales bank holidays, any year (computed lazily by the library)."""
    return holidays.country_holidays("GB", subdiv="ENG")


def minutes_link(meeting) -> str:
    return dashboard_link().removesuffix(reverse("dashboard")) + reverse(
        "minutes", kwargs={"meeting_id": meeting.id}
    )


def case_officers(meeting) -> set[User]:
    """For each case on the agenda: its responsible officer, and the practitioners of its lead
    agency in the area who see the area's cases (so the link they get opens the minutes)."""
    cases = [item.case for item in meeting.agenda.select_related("case__responsible_officer")]
    people = {case.responsible_officer for case in cases if case.responsible_officer_id}
    lead = {case.lead_agency for case in cases if case.lead_agency}
    if lead:
        practitioners = User.objects.filter(
            area_id=meeting.area_id,
            agency__kind__in=lead,
            role__in=(Role.RA_PRACTITIONER, Role.DTC_PRACTITIONER),
        ).select_related("agency")
        people |= {u for u in practitioners if permissions.role_has(u, permissions.VIEW_AREA_CASES)}
    return people


def recipients(meeting) -> list[User]:
    """Everyone with an account recorded as attending or sending apologies, the chairs, the
    series' standing members, each case's responsible officer and lead-agency practitioners."""
    people = {
        record.user
        for record in meeting.attendance.select_related("user")
        if record.user_id
        and record.status in (AttendanceStatus.ATTENDED, AttendanceStatus.APOLOGIES)
    }
    people |= {user for user in (meeting.chair, meeting.co_chair) if user is not None}
    if meeting.series_id:
        people |= set(meeting.series.standing_members.all())
    people |= case_officers(meeting)
    return sorted((u for u in people if u.is_active), key=lambda user: user.username)


def circulate(*, actor, meeting) -> list[Circulation]:
    """Send approved minutes to each recipient (a link only), recording who and when."""
    if meeting.status != MeetingStatus.MINUTES_APPROVED:
        raise ValidationError("Minutes can be circulated once the chair has approved them")
    people = recipients(meeting)
    if not people:
        raise ValidationError("No one recorded at the meeting has an account to receive them")
    link = minutes_link(meeting)  # refuse now, not after committing, if links cannot be made
    minutes: Minutes = meeting.minutes
    now = timezone.now()
    with transaction.atomic():
        sent = [
            Circulation.objects.create(
                minutes=minutes, recipient=user, email=user.email, sent_at=now
            )
            for user in people
        ]
        minutes.circulated_by, minutes.circulated_at = actor, now
        minutes.save(update_fields=["circulated_by", "circulated_at"])
        meeting.status = MeetingStatus.CIRCULATED
        meeting.save(update_fields=["status"])
        audit.record(
            actor=actor,
            event_type=EventType.MINUTES_CIRCULATED,
            payload={"meeting": str(meeting.id), "recipients": len(sent)},
        )
        transaction.on_commit(partial(_send, [u.email for u in people if u.email], link))
    return sent


def _send(addresses: list[str], link: str) -> None:
    body = BODY.format(link=link, marking=settings.MAPPA_PROTECTIVE_MARKING)
    with get_connection() as connection:
        for address in addresses:
            send_mail(SUBJECT, body, settings.DEFAULT_FROM_EMAIL, [address], connection=connection)


def record_read(*, actor, minutes: Minutes, content: str = "meeting minutes") -> None:
    """Audit a reading of the minutes; a recipient's first reading is tracked on the circulation."""
    with transaction.atomic():
        audit.record_read(actor=actor, subject=minutes.meeting_id, content=content)
        Circulation.objects.filter(
            minutes=minutes, recipient_id=actor.pk, first_read_at__isnull=True
        ).update(first_read_at=timezone.now())


def export_minutes(*, actor, meeting) -> bytes:
    """Render the minutes for `actor` and record the export in the same transaction."""
    issued_at = timezone.now()
    document = pdf.render_minutes(user=actor, meeting=meeting, issued_at=issued_at)
    visible = sum(1 for row in minutes_queries.rows_for(actor, meeting) if row.visible)
    with transaction.atomic():
        audit.record(
            actor=actor,
            event_type=EventType.MINUTES_EXPORTED,
            subject=meeting.id,
            payload={"meeting": str(meeting.id), "items": visible, "format": "pdf"},
        )
    return document


def deadline(meeting) -> date:
    return rules.add_working_days(
        meeting.date, settings.MAPPA_MINUTES_CIRCULATION_WORKING_DAYS, bank_holidays()
    )


def overdue_meetings(today: date, area_id=None) -> list[Meeting]:
    """Meetings with an agenda whose minutes are not circulated by the deadline."""
    meetings = (
        Meeting.objects.filter(status__in=UNCIRCULATED, date__lt=today)
        .annotate(items=Count("agenda"))
        .filter(items__gt=0)
        .select_related("chair", "co_chair")
    )
    if area_id is not None:
        meetings = meetings.filter(area_id=area_id)
    return [
        meeting
        for meeting in meetings
        if rules.circulation_overdue(
            meeting_date=meeting.date,
            today=today,
            working_days=settings.MAPPA_MINUTES_CIRCULATION_WORKING_DAYS,
            holidays=bank_holidays(),
        )
    ]


def overdue_counts(today: date) -> tuple[dict[User, int], int]:
    """How many late minutes each chair, co-chair and area co-ordinator is told of."""
    late = overdue_meetings(today)
    coordinators = coordinators_by_area({m.area_id for m in late})
    counts: Counter[User] = Counter()
    for meeting in late:
        chairs = {u for u in (meeting.chair, meeting.co_chair) if u is not None and u.is_active}
        counts.update(chairs | set(coordinators.get(meeting.area_id, [])))
    return {user: n for user, n in counts.items() if user.email}, len(late)


def send_overdue_minutes_reminders(*, actor=None, today: date) -> dict[str, int]:
    link = dashboard_link().removesuffix(reverse("dashboard")) + reverse("meetings")
    counts, items = overdue_counts(today)
    days = settings.MAPPA_MINUTES_CIRCULATION_WORKING_DAYS

    def body(user: User, count: int) -> str:
        many = count != 1
        return REMINDER_BODY.format(
            count=count,
            plural="s" if many else "",
            verb="have" if many else "has",
            days=days,
            them="them" if many else "it",
            link=link,
        )

    return case_services.send_reminders(
        actor=actor,
        event_type=EventType.MINUTES_REMINDERS_SENT,
        counts=counts,
        items=items,
        subject=REMINDER_SUBJECT,
        body=body,
    )

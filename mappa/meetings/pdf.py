"""The minutes as a PDF (WeasyPrint): the protective marking, the recipient (the person
downloading) and the time on every page, in the page's margin boxes; only the cases the
reader may see; each download recorded in the audit log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.kit.pdf import css_string
from mappa.meetings.queries import minutes as read


def render_minutes(*, user, meeting, issued_at) -> bytes:
    rows = read.shown_rows(user, meeting)
    marking = settings.MAPPA_PROTECTIVE_MARKING
    recipient = user.display_name + (f", {user.agency.name}" if user.agency_id else "")
    when = timezone.localtime(issued_at)
    footer = (
        f"{marking}. Issued to {recipient} on {when:%d %B %Y at %H:%M}. "
        "Do not copy or share without the chair's agreement."
    )
    context = {
        "meeting": meeting,
        "minutes": meeting.minutes,
        "rows": rows,
        "people": read.attendance_lists(meeting),
        "marking": marking,
        "marking_css": css_string(marking),
        "footer_css": css_string(footer),
        "recipient": recipient,
        "issued_at": when,
        "service_name": settings.MAPPA_SERVICE_NAME,
    }
    html = render_to_string("meetings/minutes_pdf.html", context)
    return HTML(string=html).write_pdf()


def export_minutes(*, actor, meeting) -> bytes:
    """Render the minutes for `actor` and record the export in the same transaction."""
    issued_at = timezone.now()
    document = render_minutes(user=actor, meeting=meeting, issued_at=issued_at)
    visible = sum(1 for row in read.rows_for(actor, meeting) if row.visible)
    with transaction.atomic():
        audit.record(
            actor=actor,
            event_type=EventType.MINUTES_EXPORTED,
            subject=meeting.id,
            payload={"meeting": str(meeting.id), "items": visible, "format": "pdf"},
        )
    return document

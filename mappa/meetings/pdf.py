"""The minutes as a PDF (WeasyPrint): the protective marking, the recipient (the person
downloading) and the time on every page, in the page's margin boxes; only the cases the
reader may see. `services.circulation.export_minutes` renders it and records each download in
the audit log.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

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

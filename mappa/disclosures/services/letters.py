"""The non-disclosure letter (CSODS guidance appendix E; DVDS guidance: the same) as a PDF
(WeasyPrint): the protective marking, the member of staff it was issued to and the time on
every page; each export recorded in the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.kit.pdf import css_string


def render_letter(*, user, application, issued_at) -> bytes:
    marking = settings.MAPPA_PROTECTIVE_MARKING
    issued_to = user.display_name + (f", {user.agency.name}" if user.agency_id else "")
    when = timezone.localtime(issued_at)
    footer = f"{marking}. Issued to {issued_to} on {when:%d %B %Y at %H:%M}. Reference {application.reference}."
    context = {
        "application": application,
        "marking": marking,
        "marking_css": css_string(marking),
        "footer_css": css_string(footer),
        "issued_at": when,
        "officer": user,
    }
    html = render_to_string("disclosures/letter_pdf.html", context)
    return HTML(string=html).write_pdf()


def export_letter(*, actor, application) -> bytes:
    issued_at = timezone.now()
    document = render_letter(user=actor, application=application, issued_at=issued_at)
    with transaction.atomic():
        audit.record(
            actor=actor,
            event_type=EventType.APPLICATION_LETTER_EXPORTED,
            subject=application.id,
            area=application.area,
            payload={"application": application.reference, "format": "pdf"},
        )
    return document

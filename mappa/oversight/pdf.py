"""The annual statistics as a PDF (WeasyPrint): tables and their charts, with the protective
marking, the recipient and the time on every page."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from mappa.kit.pdf import css_string
from mappa.oversight.statistics.figures import ORDERS, figures


def recipient_of(user) -> str:
    if user is None:
        return "the mappa command line"
    return user.display_name + (f", {user.agency.name}" if user.agency_id else "")


def marking_line(recipient: str, issued_at: datetime) -> str:
    when = timezone.localtime(issued_at)
    return (
        f"{settings.MAPPA_PROTECTIVE_MARKING}. Issued to {recipient} on {when:%d %B %Y at %H:%M}."
    )


def annual_pdf(report: dict, *, area_name: str, recipient: str, issued_at: datetime) -> bytes:
    marking = settings.MAPPA_PROTECTIVE_MARKING
    footer = marking_line(recipient, issued_at)
    context = {
        "report": report,
        "area_name": area_name,
        "figures": figures(report),
        "orders": [(label, report[key]) for key, label in ORDERS.items()],
        "marking": marking,
        "marking_css": css_string(marking),
        "footer": footer,
        "footer_css": css_string(footer),
        "service_name": settings.MAPPA_SERVICE_NAME,
    }
    from weasyprint import HTML  # here, not at the top: JSON and CSV need no PDF engine

    return HTML(string=render_to_string("oversight/annual_pdf.html", context)).write_pdf()

"""The record of each export of the board's figures, and the annual statistics exported."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.oversight import pdf
from mappa.oversight.statistics import annual


def record_export(*, actor, event_type: EventType, payload: dict, area=None) -> None:
    with transaction.atomic():
        audit.record(actor=actor, event_type=event_type, payload=payload, area=area)


FORMATS = ("json", "csv", "pdf")


def export_annual(*, actor, area, year_ending: date, format: str) -> bytes:
    """The annual statistics as JSON, CSV or PDF for `actor` (None: the command line); audited."""
    if format not in FORMATS:
        raise ValidationError({"format": f"Choose one of {', '.join(FORMATS)}"})
    report = annual.annual_report(area, year_ending)
    issued_at = timezone.now()
    recipient = pdf.recipient_of(actor)
    if format == "json":
        document = annual.as_json(report).encode()
    elif format == "csv":
        document = annual.as_csv(report, pdf.marking_line(recipient, issued_at)).encode()
    else:
        document = pdf.annual_pdf(
            report, area_name=area.name, recipient=recipient, issued_at=issued_at
        )
    record_export(
        actor=actor,
        event_type=EventType.STATISTICS_EXPORTED,
        payload={"area": area.code, "year_ending": year_ending.isoformat(), "format": format},
        area=area,
    )
    return document

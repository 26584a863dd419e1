"""Recording that the MARAC co-ordinator took the quarterly statistics away as CSV."""

from __future__ import annotations

from django.db import transaction

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.marac.statistics import Statistics


def record_export(*, actor, stats: Statistics) -> None:
    """Audit an export of the quarter's statistics for the co-ordinator's area."""
    with transaction.atomic():
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_STATISTICS_EXPORTED,
            payload={"area": actor.area.code, "quarter": stats.start.isoformat(), "format": "csv"},
        )

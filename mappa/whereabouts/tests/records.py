"""Reports of whereabouts unknown for the tests, made through the services."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo
from mappa.whereabouts import services
from mappa.whereabouts.constants import Kind

KNOWN = "Left the approved premises at 07:00 and did not come back for the curfew"


def smith() -> MappaCase:
    """John Paul Smith's case: DEMO, level 2, probation-led, Tom Adeyemi (probation.om)."""
    load_demo()
    return MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")


def case_of(crn: str) -> MappaCase:
    return MappaCase.objects.select_related("nominal").get(nominal__crn=crn)


def report(case, actor, *, hours_ago: float = 6, **overrides):
    details = {
        "kind": Kind.ABSCONDED,
        "started_at": timezone.now() - timedelta(hours=hours_ago),
        "what_is_known": KNOWN,
        "police_reference": "MISPER/2026/0412",
    } | overrides
    return services.report_whereabouts_unknown(actor=actor, case=case, **details)

"""Where a category 4 case is managed: CT MAPPA or local MAPPA, as its lead agency decides.

MAPPA Guidance para 24.25 (updated 13 September 2023): most terrorist and terrorism-connected
people are managed under CT MAPPA, but they may be managed under local MAPPA where the primary
risk does not relate to terrorism; the lead agency decides (`cases.rules.terrorism_management_problem`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import rules
from mappa.cases.constants import TerrorismManagement
from mappa.cases.models import MappaCase


def decide_management(
    *,
    actor,
    case: MappaCase,
    version: int,
    management: str,
    rationale: str,
) -> MappaCase:
    """Record the lead agency's decision, claiming the person record's version (as the case page's
    other decisions do), with the decider, their agency and today's date."""
    if case.closed_on is not None:
        raise ValidationError("This case is closed")
    agency = actor.agency
    problem = rules.terrorism_management_problem(
        category=case.category,
        management=management,
        rationale=rationale,
        decider_is_lead_agency=bool(
            agency and agency.area_id == case.nominal.area_id and agency.kind == case.lead_agency
        ),
    )
    if problem:
        field, message = problem
        raise ValidationError({field: message})
    with transaction.atomic():
        versions.claim(case.nominal, version=version, actor=actor)
        case.terrorism_management = TerrorismManagement(management)
        case.terrorism_management_rationale = rationale.strip()
        case.terrorism_management_decided_by = actor
        case.terrorism_management_agency = agency
        case.terrorism_management_decided_on = timezone.localdate()
        case.save(
            update_fields=[
                "terrorism_management",
                "terrorism_management_rationale",
                "terrorism_management_decided_by",
                "terrorism_management_agency",
                "terrorism_management_decided_on",
            ]
        )
        audit.record(
            actor=actor,
            event_type=EventType.CASE_TERRORISM_MANAGEMENT_DECIDED,
            subject=case.id,
            payload={"management": management, "agency": agency.name},
        )
    return case

"""Recording one stage of a scheme application: the step, the application's new stage and the
audit event. Called inside the services' transactions (`decisions`, `applications`)."""

from __future__ import annotations

from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.disclosures.constants import Stage
from mappa.disclosures.models import ApplicationStep, SchemeApplication


def record(
    *,
    actor,
    application: SchemeApplication,
    stage: str,
    details: dict,
    outcome: str,
    next_stage: str,
    closing_outcome: str = "",
) -> ApplicationStep:
    step = ApplicationStep.objects.create(
        application=application,
        stage=stage,
        details=details,
        outcome=outcome,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    application.stage = next_stage
    if next_stage == Stage.CLOSED:
        application.outcome = closing_outcome
        application.closed_on = timezone.localdate()
    application.save(update_fields=["stage", "outcome", "closed_on"])
    audit.record(
        actor=actor,
        event_type=EventType.APPLICATION_STAGE_RECORDED,
        subject=application.id,
        area=application.area,
        payload={"application": application.reference, "stage": stage, "outcome": outcome},
    )
    return step

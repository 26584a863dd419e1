"""Every change to disclosure decisions."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.disclosures import rules
from mappa.disclosures.models import DisclosureDecision


def record_decision(
    *,
    actor,
    nominal,
    decision: str,
    rationale: str,
    case=None,
    source: UUID | None = None,
    recipient: str = "",
    relationship: str = "",
    what_to_disclose: str = "",
    risk_protected_against: str = "",
    discloser: str = "",
    method: str = "",
    disclose_by: date | None = None,
) -> DisclosureDecision:
    """Record a decision to disclose (to whom, what, by whom, how, by when) or not to."""
    today = timezone.localdate()
    problems = rules.decision_problems(
        decision=decision,
        rationale=rationale,
        recipient=recipient,
        what_to_disclose=what_to_disclose,
        risk_protected_against=risk_protected_against,
        discloser=discloser,
        method=method,
        disclose_by=disclose_by,
        today=today,
    )
    if case is not None and case.nominal_id != nominal.id:
        problems["case"] = "The case is not this person's"
    if problems:
        raise ValidationError(problems)
    disclosing = decision == rules.DISCLOSE
    with transaction.atomic():
        recorded = DisclosureDecision.objects.create(
            nominal=nominal,
            case=case,
            source=source,
            decision=decision,
            rationale=rationale,
            recipient=recipient if disclosing else "",
            relationship=relationship if disclosing else "",
            what_to_disclose=what_to_disclose if disclosing else "",
            risk_protected_against=risk_protected_against if disclosing else "",
            discloser=discloser if disclosing else "",
            method=method if disclosing else "",
            disclose_by=disclose_by if disclosing else None,
            decided_by=actor,
            decided_on=today,
            recorded_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.DISCLOSURE_DECIDED,
            subject=nominal.id,
            payload={"decision": str(recorded.id), "outcome": decision},
        )
    return recorded

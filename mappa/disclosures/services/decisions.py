"""Every change to disclosure decisions and the record of disclosures made."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.agencies import permissions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.disclosures import rules
from mappa.disclosures.constants import Origin, Outcome, Stage
from mappa.disclosures.models import DisclosureDecision, DisclosureMade
from mappa.disclosures.services import steps


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
    origin: str | None = None,
    application=None,
    tests: dict[str, str] | None = None,
) -> DisclosureDecision:
    """Record a decision to disclose (to whom, what, by whom, how, by when) or not to.

    A decision from a meeting (with a `source`) gives its reasons in `rationale`; any other
    says why it meets each of the four tests (`tests`). The actor's agreement is recorded as
    the disclosure officer's by their role. A meeting's decision recorded in its minutes (with a
    `source`) is agreed by the chair who approves those minutes (`agree_as_approving_chair`), not
    by whoever wrote it into them; a meeting's decision without a source, by a chair recording it.
    """
    origin = origin or (Origin.MEETING if source else Origin.STANDALONE)
    tests = {name: (tests or {}).get(name, "").strip() for name in rules.TESTS}
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
    if origin != Origin.MEETING:
        problems |= rules.test_problems(decision=decision, tests=tests)
    if case is not None and case.nominal_id != nominal.id:
        problems["case"] = "The case is not this person's"
    if problems:
        raise ValidationError(problems)
    disclosing = decision == rules.DISCLOSE
    now = timezone.now()
    officer = permissions.role_has(actor, permissions.DECIDE_DISCLOSURES)
    chair = (
        origin == Origin.MEETING
        and source is None
        and permissions.role_has(actor, permissions.CHAIR_MEETINGS)
    )
    with transaction.atomic():
        recorded = DisclosureDecision.objects.create(
            nominal=nominal,
            case=case,
            source=source,
            origin=origin,
            application=application,
            decision=decision,
            rationale=rationale,
            **(tests if disclosing else {}),
            recipient=recipient if disclosing else "",
            relationship=relationship if disclosing else "",
            what_to_disclose=what_to_disclose if disclosing else "",
            risk_protected_against=risk_protected_against if disclosing else "",
            discloser=discloser if disclosing else "",
            method=method if disclosing else "",
            disclose_by=disclose_by if disclosing else None,
            decided_by=actor,
            decided_on=today,
            recorded_at=now,
            disclosure_officer=actor if officer else None,
            officer_agreed_at=now if officer else None,
            chair=actor if chair else None,
            chair_agreed_at=now if chair else None,
        )
        audit.record(
            actor=actor,
            event_type=EventType.DISCLOSURE_DECIDED,
            subject=nominal.id,
            payload={"decision": str(recorded.id), "outcome": decision},
        )
    return recorded


def status_of(decision: DisclosureDecision) -> str:
    return rules.decision_status(
        decision=decision.decision,
        from_meeting=decision.origin == Origin.MEETING,
        officer_agreed=decision.disclosure_officer_id is not None,
        chair_agreed=decision.chair_id is not None,
        made=hasattr(decision, "made"),
    )


def agree_decision(*, actor, decision: DisclosureDecision) -> DisclosureDecision:
    """The disclosure officer's agreement, or (for a meeting's decision) the chair's."""
    if status_of(decision) != "awaiting_agreement":
        raise ValidationError("This decision is not waiting for anyone's agreement")
    now = timezone.now()
    if decision.disclosure_officer_id is None and permissions.role_has(
        actor, permissions.DECIDE_DISCLOSURES
    ):
        decision.disclosure_officer, decision.officer_agreed_at, role = actor, now, "officer"
    elif decision.chair_id is None and permissions.role_has(actor, permissions.CHAIR_MEETINGS):
        decision.chair, decision.chair_agreed_at, role = actor, now, "chair"
    else:
        raise ValidationError("Your agreement is not what this decision is waiting for")
    with transaction.atomic():
        decision.save(
            update_fields=["disclosure_officer", "officer_agreed_at", "chair", "chair_agreed_at"]
        )
        audit.record(
            actor=actor,
            event_type=EventType.DISCLOSURE_AGREED,
            subject=decision.nominal_id,
            payload={"decision": str(decision.id), "as": role},
        )
    return decision


def agree_as_approving_chair(*, actor, decisions: list[DisclosureDecision]) -> int:
    """The chair approving a meeting's minutes agrees the disclosure decisions they carry.

    Called inside the approval's transaction; the minute-taker stays as `decided_by` (who
    recorded it). A decision another chair has already agreed keeps that agreement.
    """
    now = timezone.now()
    agreed = 0
    for decision in decisions:
        if decision.origin != Origin.MEETING or decision.chair_id is not None:
            continue
        decision.chair, decision.chair_agreed_at = actor, now
        decision.save(update_fields=["chair", "chair_agreed_at"])
        audit.record(
            actor=actor,
            event_type=EventType.DISCLOSURE_AGREED,
            subject=decision.nominal_id,
            payload={"decision": str(decision.id), "as": "chair"},
        )
        agreed += 1
    return agreed


def record_disclosure_made(
    *,
    actor,
    decision: DisclosureDecision,
    made_on: date | None,
    made_by: str,
    method: str,
    recipient: str,
    what_was_said: str,
    undertaking_signed: bool | None,
    offender_told: bool | None,
    undertaking_reference: str = "",
    no_undertaking_reason: str = "",
    offender_told_on: date | None = None,
    offender_not_told_reason: str = "",
) -> DisclosureMade:
    """The disclosure as made; an application it came from is then closed as disclosed."""
    if status_of(decision) != "to_be_made":
        raise ValidationError("This decision has no disclosure waiting to be made")
    problems = rules.made_problems(
        made_on=made_on,
        made_by=made_by,
        method=method,
        recipient=recipient,
        what_was_said=what_was_said,
        undertaking_signed=undertaking_signed,
        no_undertaking_reason=no_undertaking_reason,
        offender_told=offender_told,
        offender_told_on=offender_told_on,
        offender_not_told_reason=offender_not_told_reason,
        decided_on=decision.decided_on,
        today=timezone.localdate(),
    )
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        made = DisclosureMade.objects.create(
            decision=decision,
            made_on=made_on,
            made_by=made_by.strip(),
            method=method,
            recipient=recipient.strip(),
            what_was_said=what_was_said.strip(),
            undertaking_signed=undertaking_signed,
            undertaking_reference=undertaking_reference.strip() if undertaking_signed else "",
            no_undertaking_reason="" if undertaking_signed else no_undertaking_reason.strip(),
            offender_told=offender_told,
            offender_told_on=offender_told_on if offender_told else None,
            offender_not_told_reason="" if offender_told else offender_not_told_reason.strip(),
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.DISCLOSURE_MADE,
            subject=decision.nominal_id,
            payload={
                "decision": str(decision.id),
                "method": method,
                "undertaking_signed": undertaking_signed,
                "offender_told": offender_told,
            },
        )
        if decision.application_id is not None:
            steps.record(
                actor=actor,
                application=decision.application,
                stage=Stage.DISCLOSURE,
                details={"decision": str(decision.id), "made_on": made_on.isoformat()},
                outcome=Outcome.DISCLOSED,
                next_stage=Stage.CLOSED,
                closing_outcome=Outcome.DISCLOSED,
            )
    return made

"""Every change the board makes to audits of meetings and cases: scheduling one for an auditor
and the auditor's scores."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.models import User
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.oversight import queries
from mappa.oversight.constants import AuditKind, items_for
from mappa.oversight.models import AuditScore, PracticeAudit


def require(actor, name: str) -> None:
    if not permissions.role_has(actor, name):
        raise ValidationError(f"Your role does not allow this ({name})")


def schedule_audit(
    *, actor, kind: AuditKind, auditor: User, due_on: date, meeting=None, case=None
) -> PracticeAudit:
    """The board asks an auditor to audit a meeting (MAPPA L) or a case by a date."""
    require(actor, permissions.OVERSEE)
    area = queries.area_of(actor)
    problems = {}
    if not queries.auditors(area).filter(pk=auditor.pk).exists():
        problems["auditor"] = "Choose a co-ordinator or chair of your area"
    if (
        kind == AuditKind.MEETING
        and not queries.auditable_meetings(area).filter(pk=getattr(meeting, "pk", None)).exists()
    ):
        problems["meeting"] = "Choose a meeting of your area that has been held"
    if (
        kind == AuditKind.CASE
        and not queries.auditable_cases(area).filter(pk=getattr(case, "pk", None)).exists()
    ):
        problems["case"] = "Choose a level 2 or 3 case of your area"
    if due_on < timezone.localdate():
        problems["due_on"] = "The date the audit is due must be today or in the future"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        created = PracticeAudit.objects.create(
            area=area,
            kind=kind,
            meeting=meeting if kind == AuditKind.MEETING else None,
            case=case if kind == AuditKind.CASE else None,
            auditor=auditor,
            due_on=due_on,
            scheduled_by=actor,
            scheduled_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.AUDIT_SCHEDULED,
            payload={
                "audit": str(created.id),
                "kind": str(kind),
                "auditor": auditor.username,
                "due_on": due_on.isoformat(),
            },
        )
    return created


def complete_audit(
    *, actor, audit_record: PracticeAudit, scores: dict[str, tuple[int, str]], overall_comment: str
) -> PracticeAudit:
    """The auditor scores every item of the form, with comments, once."""
    if audit_record.auditor_id != actor.pk:
        raise ValidationError("Only the auditor asked to do this audit can complete it")
    if audit_record.completed_at is not None:
        raise ValidationError("This audit has already been completed")
    problems = {}
    for code, _, question, answers in items_for(audit_record.kind):
        score = scores.get(code, (None, ""))[0]
        if score not in {value for value, _ in answers}:
            problems[code] = f"Score: {question.rstrip('?')}"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        AuditScore.objects.bulk_create(
            AuditScore(audit=audit_record, item=code, score=score, comment=comment.strip())
            for code, (score, comment) in scores.items()
        )
        audit_record.completed_at = timezone.now()
        audit_record.completed_on = timezone.localdate(audit_record.completed_at)
        audit_record.overall_comment = overall_comment.strip()
        audit_record.save(update_fields=["completed_at", "completed_on", "overall_comment"])
        audit.record(
            actor=actor,
            event_type=EventType.AUDIT_COMPLETED,
            payload={
                "audit": str(audit_record.id),
                "kind": audit_record.kind,
                "items": len(scores),
            },
        )
    return audit_record

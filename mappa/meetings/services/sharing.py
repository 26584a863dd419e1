"""Onward sharing of minutes outside the attendees (MAPPA D): someone who may read a case's
minutes asks; the meeting's chair or co-chair approves or refuses, saying why; only an approved
request can be recorded as shared. Each step is audited with who and when.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.agencies import permissions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.meetings.constants import ShareStatus
from mappa.meetings.models.minutes import Minutes, OnwardShare
from mappa.meetings.queries.minutes import FINAL, is_chair


def _event(actor, share: OnwardShare, event_type, **payload) -> None:
    audit.record(
        actor=actor,
        event_type=event_type,
        subject=share.agenda_item.case_id,
        payload={"meeting": str(share.minutes.meeting_id), "share": str(share.id)} | payload,
    )


def request_share(
    *,
    actor,
    minutes: Minutes,
    item,
    recipient_name: str,
    recipient_organisation: str,
    purpose: str,
) -> OnwardShare:
    """Ask the chair's agreement to share one case's minutes with someone not at the meeting."""
    if minutes.meeting.status not in FINAL:
        raise ValidationError("Only approved minutes can be shared")
    if item.meeting_id != minutes.meeting_id:
        raise ValidationError("That case is not on this meeting's agenda")
    problems = {}
    if not recipient_name.strip():
        problems["recipient_name"] = "Enter who the minutes would be shared with"
    if not recipient_organisation.strip():
        problems["recipient_organisation"] = "Enter their organisation"
    if not purpose.strip():
        problems["purpose"] = "Say why they need to see the minutes"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        share = OnwardShare.objects.create(
            minutes=minutes,
            agenda_item=item,
            recipient_name=recipient_name.strip(),
            recipient_organisation=recipient_organisation.strip(),
            purpose=purpose.strip(),
            requested_by=actor,
            requested_at=timezone.now(),
        )
        _event(actor, share, EventType.MINUTES_SHARE_REQUESTED)
    return share


def decide_share(*, actor, share: OnwardShare, approve: bool, reason: str) -> OnwardShare:
    """The chair's recorded agreement (or refusal): who decided, why and when."""
    if not is_chair(actor, share.minutes.meeting):
        raise ValidationError("Only the meeting's chair or co-chair can agree to onward sharing")
    if share.status != ShareStatus.REQUESTED:
        raise ValidationError("This request has already been decided")
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for your decision"})
    with transaction.atomic():
        share.status = ShareStatus.APPROVED if approve else ShareStatus.REFUSED
        share.decided_by, share.decided_at = actor, timezone.now()
        share.decision_reason = reason.strip()
        share.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
        _event(actor, share, EventType.MINUTES_SHARE_DECIDED, approved=approve)
    return share


def record_shared(*, actor, share: OnwardShare) -> OnwardShare:
    """Record that approved minutes were shared (by the requester or a co-ordinator)."""
    if share.status != ShareStatus.APPROVED:
        raise ValidationError("The chair has not approved sharing these minutes")
    if actor.pk != share.requested_by_id and not permissions.role_has(
        actor, permissions.MANAGE_MEETINGS
    ):
        raise ValidationError("Only the person who asked, or a co-ordinator, can record this")
    with transaction.atomic():
        share.status = ShareStatus.SHARED
        share.shared_by, share.shared_at = actor, timezone.now()
        share.save(update_fields=["status", "shared_by", "shared_at"])
        _event(actor, share, EventType.MINUTES_SHARED)
    return share

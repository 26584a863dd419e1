"""Writing the audit log. Every entry is appended here and nowhere else."""

from __future__ import annotations

from uuid import UUID

from django.db import transaction
from django.utils import timezone

from mappa.audit import context, keys, rules
from mappa.audit.events import EventType, validate_payload
from mappa.audit.models import AuditEvent, ChainHead
from mappa.audit.verification import ChainBroken, verify_chain


def record(
    *,
    actor,
    event_type: EventType | str,
    payload: dict,
    subject: UUID | None = None,
    agency=None,
    area=None,
) -> AuditEvent:
    """Append an event, in the caller's transaction, linked to the one before it.

    The acting user's agency and area are recorded unless given.
    """
    validate_payload(event_type, payload)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if actor is not None:
        agency = agency or actor.agency
        area = area or actor.area
    with transaction.atomic():
        head, _ = ChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"last_hash": rules.GENESIS_HASH}
        )
        event = AuditEvent(
            sequence=head.last_sequence + 1,
            occurred_at=timezone.now(),
            actor=actor,
            agency=agency,
            area=area,
            subject=subject,
            event_type=str(event_type),
            payload=payload,
            request_id=context.request_id.get(),
            ip_address=context.ip_address.get(),
            previous_hash=head.last_hash,
            key_id=keys.current_id(),
        )
        event.hash = rules.chain_hash(
            event.previous_hash, event.chain_content(), key=keys.current()
        )
        event.save()
        head.last_sequence = event.sequence
        head.last_hash = event.hash
        head.save(update_fields=["last_sequence", "last_hash"])
    return event


def take_checkpoint(*, actor, destination: str) -> dict:
    """Verify the log, record that a checkpoint was taken, and sign a statement of that entry.

    Raises verification.ChainBroken, writing nothing, if the log does not verify.
    """
    # Verified outside the transaction: on SQLite a write transaction would hold up every other
    # write for as long as the walk takes.
    _, broken = verify_chain()
    if broken is not None:
        raise ChainBroken(broken)
    event = record(
        actor=actor,
        event_type=EventType.AUDIT_CHECKPOINT_TAKEN,
        payload={"destination": destination},
    )
    # The chain verified as entries 1 to N with nothing missing, so the count is the sequence.
    return rules.sign_checkpoint(
        sequence=event.sequence,
        hash=event.hash,
        count=event.sequence,
        taken_at=event.occurred_at.isoformat(),
        key=keys.current(),
    )


def record_read(*, actor, subject: UUID, content: str) -> AuditEvent:
    """Record that actor read case content (a person record, minutes, a plan, a disclosure)."""
    return record(
        actor=actor,
        event_type=EventType.CASE_CONTENT_READ,
        payload={"content": content},
        subject=subject,
    )


def record_search(*, actor, filters: dict, results: int) -> None:
    """Someone searched the audit log: what they asked for and how many entries they saw."""
    record(
        actor=actor,
        event_type=EventType.AUDIT_LOG_SEARCHED,
        payload={
            "filters": {key: str(value) for key, value in filters.items()},
            "results": results,
        },
    )

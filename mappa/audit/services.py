"""Writing the audit log. Every entry is appended here and nowhere else."""

from __future__ import annotations

from uuid import UUID

from django.db import connection, transaction
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

    The acting user's agency and area are recorded unless given. The chain head's row is
    claimed and locked by the statement that advances its sequence (`_claim`), and the entry
    and the head's new hash are written together (`_append`): two statements on PostgreSQL,
    three on SQLite, and no savepoint. An error inside marks the caller's transaction for
    rollback, so a half-written append never commits.
    """
    validate_payload(event_type, payload)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if actor is not None:
        agency = agency or actor.agency
        area = area or actor.area
    with transaction.atomic(savepoint=False):
        sequence, previous_hash = _claim()
        event = AuditEvent(
            sequence=sequence,
            occurred_at=timezone.now(),
            actor=actor,
            agency=agency,
            area=area,
            subject=subject,
            event_type=str(event_type),
            payload=payload,
            request_id=context.request_id.get(),
            ip_address=context.ip_address.get(),
            previous_hash=previous_hash,
            key_id=keys.current_id(),
        )
        event.hash = rules.chain_hash(
            event.previous_hash, event.chain_content(), key=keys.current()
        )
        _append(event)
    return event


_HEAD = ChainHead._meta.db_table
_CLAIM = (
    f'UPDATE "{_HEAD}" SET "last_sequence" = "last_sequence" + 1 WHERE "id" = 1 '
    'RETURNING "last_sequence", "last_hash"'
)


def _claim() -> tuple[int, str]:
    """Advance the head's sequence and return it with the last hash; the row stays locked.

    The head row is made by migration 0007; if it is missing (a flushed test database, a
    restored empty log) it is created and the claim made again.
    """
    with connection.cursor() as cursor:
        cursor.execute(_CLAIM)
        row = cursor.fetchone()
        if row is None:
            ChainHead.objects.get_or_create(pk=1, defaults={"last_hash": rules.GENESIS_HASH})
            cursor.execute(_CLAIM)
            row = cursor.fetchone()
    return row[0], row[1]


def _append(event: AuditEvent) -> None:
    """Insert the entry and move the head's hash to it: one statement on PostgreSQL."""
    if connection.vendor != "postgresql":
        event.save(force_insert=True)
        ChainHead.objects.filter(pk=1).update(last_hash=event.hash)
        return
    fields = [field for field in AuditEvent._meta.concrete_fields if field.attname != "id"]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    values = [field.get_db_prep_save(getattr(event, field.attname), connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(
            f'WITH appended AS (INSERT INTO "{AuditEvent._meta.db_table}" ({columns}) '
            f'VALUES ({", ".join(["%s"] * len(fields))}) RETURNING "id") '
            f'UPDATE "{_HEAD}" SET "last_hash" = %s WHERE "id" = 1 '
            'RETURNING (SELECT "id" FROM appended)',
            [*values, event.hash],
        )
        event.pk = cursor.fetchone()[0]
    event._state.adding = False
    event._state.db = connection.alias


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

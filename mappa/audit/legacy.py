"""Entries written before the chain was keyed: plain SHA-256, anchored by one keyed entry.

A deployed database holds entries sealed with the old unkeyed SHA-256 chain.
They are not rewritten (the log is append-only). Migration 0006 appends one
keyed `audit.chain_keyed` entry straight after them, counting them and linked
to the last one's hash. From then on an edit to an old entry, even with the
SHA-256 chain recomputed, breaks that keyed link; and unkeyed entries with no
keyed anchor after them are refused (rules.first_break), so the whole log
cannot be passed off as old entries.
"""

from __future__ import annotations

from django.db.models import Model
from django.utils import timezone

from mappa.audit import rules
from mappa.audit.events import EventType
from mappa.audit.models import chain_content


def anchor_legacy_entries(
    *, audit_event: type[Model], chain_head: type[Model], key: bytes
) -> Model | None:
    """Append the keyed anchor after the unkeyed entries, if there are any and none follows."""
    legacy = audit_event.objects.filter(key_id=rules.LEGACY)
    count = legacy.count()
    if count == 0 or audit_event.objects.exclude(key_id=rules.LEGACY).exists():
        return None
    last = legacy.order_by("-sequence").first()
    head, _ = chain_head.objects.get_or_create(pk=1, defaults={"last_hash": rules.GENESIS_HASH})
    event = audit_event(
        sequence=last.sequence + 1,
        occurred_at=timezone.now(),
        event_type=str(EventType.AUDIT_CHAIN_KEYED),
        payload={"legacy_entries": count},
        request_id="",
        previous_hash=last.hash,
        key_id=rules.key_id(key),
    )
    event.hash = rules.chain_hash(event.previous_hash, chain_content(event), key=key)
    event.save()
    head.last_sequence = event.sequence
    head.last_hash = event.hash
    head.save(update_fields=["last_sequence", "last_hash"])
    return event

"""Checking the whole audit log against its hash chain."""

from __future__ import annotations

from collections.abc import Iterator

from mappa.audit import rules
from mappa.audit.models import AuditEvent, ChainHead


def _entries() -> Iterator[rules.ChainEntry]:
    for event in AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000):
        yield rules.ChainEntry(
            event.sequence, event.previous_hash, event.hash, event.chain_content()
        )


def verify_chain() -> tuple[int, rules.ChainBreak | None]:
    """Return how many entries there are and the first break, if any.

    A log whose last entries were removed is caught by comparing with the
    chain head, which records the last sequence number written.
    """
    broken = rules.first_break(_entries())
    count = AuditEvent.objects.count()
    if broken is None:
        head = ChainHead.objects.filter(pk=1).first()
        last = head.last_sequence if head else 0
        if last != count:
            broken = rules.ChainBreak(
                count + 1, f"the log ends at entry {count} but entry {last} was written"
            )
    return count, broken

"""Checking the whole audit log against its keyed hash chain, and against signed checkpoints."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from django.db.models import Max

from mappa.audit import keys, rules
from mappa.audit.models import AuditEvent, ChainHead


class ChainBroken(Exception):
    def __init__(self, broken: rules.ChainBreak):
        super().__init__(f"audit log broken at entry {broken.sequence}: {broken.reason}")
        self.broken = broken


def _entries() -> Iterator[rules.ChainEntry]:
    for event in AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000):
        yield rules.ChainEntry(
            event.sequence, event.previous_hash, event.hash, event.chain_content(), event.key_id
        )


def verify_chain() -> tuple[int, rules.ChainBreak | None]:
    """Return how many entries there are and the first break, if any.

    Every entry is checked with the key that sealed it. The chain head, which
    records the last sequence number written, catches entries removed from the
    end by the application's own path; someone with database access can rewind
    it too, which only a checkpoint kept elsewhere catches (`verify_checkpoint`).
    """
    broken = rules.first_break(_entries(), keys.keyring())
    count = AuditEvent.objects.count()
    if broken is None:
        head = ChainHead.objects.filter(pk=1).first()
        last = head.last_sequence if head else 0
        if last != count:
            broken = rules.ChainBreak(
                count + 1, f"the log ends at entry {count} but entry {last} was written"
            )
    return count, broken


def load_checkpoint(path: Path) -> rules.Checkpoint:
    """The checkpoint in a file, or CheckpointError saying why it cannot be trusted."""
    try:
        statement = json.loads(path.read_text())
    except OSError as error:
        raise rules.CheckpointError(f"it cannot be read: {error.strerror}") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise rules.CheckpointError(f"it is not JSON: {error}") from error
    return rules.read_checkpoint(statement, keys.keyring())


def verify_checkpoint(checkpoint: rules.Checkpoint) -> str | None:
    """What is wrong with the log as the checkpoint recorded it, or None if it still holds it."""
    taken = f"the checkpoint taken at {checkpoint.taken_at}"
    if checkpoint.count and not AuditEvent.objects.exists():
        return f"the log is empty but {taken} recorded {checkpoint.count} entries: it was emptied"
    entry = AuditEvent.objects.filter(sequence=checkpoint.sequence).only("hash").first()
    if entry is None:
        last = AuditEvent.objects.aggregate(last=Max("sequence"))["last"]
        return (
            f"entry {checkpoint.sequence}, the last in {taken}, is missing: the log ends at "
            f"entry {last}, so entries were removed from its end"
        )
    if entry.hash != checkpoint.hash:
        return f"entry {checkpoint.sequence} is not the entry {taken} recorded: its hash differs"
    return None

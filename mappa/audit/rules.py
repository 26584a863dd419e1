"""The audit log's keyed hash chain and signed checkpoints, as pure functions. No Django imports.

Each entry's hash is an HMAC-SHA256, under a key held outside the database, of
the previous entry's hash and the entry's content: someone who can write to the
database but does not hold the key cannot recompute the chain after an edit.
A checkpoint is a statement of the chain's head signed with the same key; kept
off the machine, it proves later that the log still reaches that far
(docs/security.md, "The audit log"; docs/operations.md, "Checkpoints").
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64
# The key identifier of entries written before the chain was keyed (plain SHA-256).
LEGACY = ""
# The keyed entry written straight after the unkeyed ones, counting them (migration 0006).
ANCHOR_EVENT = "audit.chain_keyed"
CHECKPOINT_FORMAT = "mappa-audit-checkpoint/1"
CHECKPOINT_FIELDS = ("format", "sequence", "hash", "count", "taken_at", "key", "signature")


def canonical(content: dict[str, Any]) -> str:
    """One stable text for the same content, whatever the database returned."""
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )


def key_id(key: bytes) -> str:
    """A short name for a key, recorded on each entry, from which the key cannot be found."""
    return hmac.new(key, b"mappa audit key identifier", hashlib.sha256).hexdigest()[:16]


def chain_hash(previous_hash: str, content: dict[str, Any], *, key: bytes) -> str:
    """Each entry's hash covers its content and the previous entry's hash, under the key."""
    message = (previous_hash + canonical(content)).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def legacy_hash(previous_hash: str, content: dict[str, Any]) -> str:
    """The unkeyed SHA-256 of entries written before the chain was keyed."""
    return hashlib.sha256((previous_hash + canonical(content)).encode()).hexdigest()


@dataclass(frozen=True)
class ChainEntry:
    sequence: int
    previous_hash: str
    hash: str
    content: dict[str, Any]
    key_id: str = LEGACY


@dataclass(frozen=True)
class ChainBreak:
    sequence: int
    reason: str


def _is_anchor(content: dict[str, Any], legacy_entries: int) -> bool:
    return content.get("event_type") == ANCHOR_EVENT and content.get("payload") == {
        "legacy_entries": legacy_entries
    }


def _unanchored(legacy_entries: int) -> str:
    return (
        f"entries 1 to {legacy_entries} are unkeyed and no keyed {ANCHOR_EVENT} entry follows them"
    )


def _seal_problem(entry: ChainEntry, keys: Mapping[str, bytes]) -> str | None:
    """Why the entry's hash is not the one its key (or, unkeyed, plain SHA-256) gives."""
    if entry.key_id == LEGACY:
        expected = legacy_hash(entry.previous_hash, entry.content)
    else:
        key = keys.get(entry.key_id)
        if key is None:
            return f"it was sealed with audit key {entry.key_id}, which is not configured"
        expected = chain_hash(entry.previous_hash, entry.content, key=key)
    if not hmac.compare_digest(expected, entry.hash):
        return "its content does not match its hash"
    return None


def first_break(entries: Iterable[ChainEntry], keys: Mapping[str, bytes]) -> ChainBreak | None:
    """Walk entries in sequence order; return the first that does not verify.

    `keys` maps key identifiers to keys: the current key and any old ones. Unkeyed
    entries are accepted only as the log's first entries, and only when the next
    entry is a keyed anchor counting them, so the whole log cannot be rewritten
    as unkeyed entries.
    """
    expected_previous = GENESIS_HASH
    expected_sequence = 1
    legacy_entries = 0
    keyed_seen = False
    for entry in entries:
        if entry.sequence != expected_sequence:
            return ChainBreak(expected_sequence, f"entry {expected_sequence} is missing")
        if entry.previous_hash != expected_previous:
            return ChainBreak(entry.sequence, "its link to the previous entry does not match")
        if entry.key_id == LEGACY and keyed_seen:
            return ChainBreak(entry.sequence, "it is unkeyed but follows keyed entries")
        if problem := _seal_problem(entry, keys):
            return ChainBreak(entry.sequence, problem)
        if entry.key_id == LEGACY:
            legacy_entries += 1
        elif not keyed_seen:
            keyed_seen = True
            if legacy_entries and not _is_anchor(entry.content, legacy_entries):
                return ChainBreak(entry.sequence, _unanchored(legacy_entries))
        expected_previous = entry.hash
        expected_sequence += 1
    if legacy_entries and not keyed_seen:
        return ChainBreak(1, _unanchored(legacy_entries))
    return None


class CheckpointError(ValueError):
    """A checkpoint that cannot be trusted: malformed, edited, or signed with an unknown key."""


@dataclass(frozen=True)
class Checkpoint:
    sequence: int
    hash: str
    count: int
    taken_at: str


def _signature(statement: Mapping[str, Any], key: bytes) -> str:
    body = {name: statement[name] for name in CHECKPOINT_FIELDS if name != "signature"}
    return hmac.new(key, canonical(body).encode(), hashlib.sha256).hexdigest()


def sign_checkpoint(
    *, sequence: int, hash: str, count: int, taken_at: str, key: bytes
) -> dict[str, Any]:
    """A statement that the log held `count` entries, the last `sequence` with `hash`."""
    statement: dict[str, Any] = {
        "format": CHECKPOINT_FORMAT,
        "sequence": sequence,
        "hash": hash,
        "count": count,
        "taken_at": taken_at,
        "key": key_id(key),
    }
    return statement | {"signature": _signature(statement, key)}


def read_checkpoint(statement: Any, keys: Mapping[str, bytes]) -> Checkpoint:
    """The checkpoint a statement records, or CheckpointError saying why it cannot be trusted."""
    if not isinstance(statement, dict) or statement.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointError(f"it is not a mappa audit checkpoint ({CHECKPOINT_FORMAT})")
    for name in CHECKPOINT_FIELDS:
        if name not in statement:
            raise CheckpointError(f"it has no {name}")
    key = keys.get(statement["key"])
    if key is None:
        raise CheckpointError(
            f"it is signed with audit key {statement['key']}, which is not configured"
        )
    if not hmac.compare_digest(str(statement["signature"]), _signature(statement, key)):
        raise CheckpointError("its signature does not match its content")
    if not isinstance(statement["sequence"], int) or not isinstance(statement["count"], int):
        raise CheckpointError("its sequence and count are not whole numbers")
    return Checkpoint(
        sequence=statement["sequence"],
        hash=str(statement["hash"]),
        count=statement["count"],
        taken_at=str(statement["taken_at"]),
    )

"""The audit log's hash chain, as pure functions. No Django imports."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64


def canonical(content: dict[str, Any]) -> str:
    """One stable text for the same content, whatever the database returned."""
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )


def chain_hash(previous_hash: str, content: dict[str, Any]) -> str:
    """Each entry's hash covers its content and the previous entry's hash."""
    return hashlib.sha256((previous_hash + canonical(content)).encode()).hexdigest()


@dataclass(frozen=True)
class ChainEntry:
    sequence: int
    previous_hash: str
    hash: str
    content: dict[str, Any]


@dataclass(frozen=True)
class ChainBreak:
    sequence: int
    reason: str


def first_break(entries: Iterable[ChainEntry]) -> ChainBreak | None:
    """Walk entries in sequence order; return the first that does not verify."""
    expected_previous = GENESIS_HASH
    expected_sequence = 1
    for entry in entries:
        if entry.sequence != expected_sequence:
            return ChainBreak(expected_sequence, f"entry {expected_sequence} is missing")
        if entry.previous_hash != expected_previous:
            return ChainBreak(entry.sequence, "its link to the previous entry does not match")
        if chain_hash(entry.previous_hash, entry.content) != entry.hash:
            return ChainBreak(entry.sequence, "its content does not match its hash")
        expected_previous = entry.hash
        expected_sequence += 1
    return None

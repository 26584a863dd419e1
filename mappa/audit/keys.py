"""The audit keys from settings: the current one seals new entries; old ones still verify."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings

from mappa.audit import rules


@lru_cache(maxsize=8)
def _id(key: bytes) -> str:
    return rules.key_id(key)


def current() -> bytes:
    return settings.MAPPA_AUDIT_KEY


def current_id() -> str:
    return _id(settings.MAPPA_AUDIT_KEY)


def keyring() -> dict[str, bytes]:
    """Every configured key by its identifier: the current key and MAPPA_AUDIT_OLD_KEY_FILES."""
    keys = [*settings.MAPPA_AUDIT_OLD_KEYS, settings.MAPPA_AUDIT_KEY]
    return {_id(key): key for key in keys}

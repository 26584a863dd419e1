"""Reading the environment: the helpers every settings module uses, and the posture.

MAPPA_ENV chooses the posture: "production" (the default) fails closed; "development" and
"test" relax only what plain-HTTP local use needs.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str) -> str | None:
    """Read NAME, or the contents of the file named by NAME_FILE."""
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text().strip()
    return os.environ.get(name) or None


MAPPA_ENV = os.environ.get("MAPPA_ENV", "production")
if MAPPA_ENV not in {"production", "development", "test"}:
    raise ImproperlyConfigured(
        f"MAPPA_ENV must be production, development or test, not {MAPPA_ENV!r}"
    )
LOCAL = MAPPA_ENV in {"development", "test"}

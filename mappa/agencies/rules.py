"""Pure rules about agencies and access. No Django imports (structural test)."""

from __future__ import annotations

from datetime import datetime

# Responsible authority: police, probation and prison services (CJA 2003 s.325(1)).
RESPONSIBLE_AUTHORITY_KINDS = frozenset({"police", "probation", "prison"})

# Duty-to-co-operate bodies (CJA 2003 s.325(6); MAPPA Guidance ch.3).
DUTY_TO_COOPERATE_KINDS = frozenset(
    {
        "youth_offending",
        "childrens_social_care",
        "adult_social_care",
        "education",
        "housing_authority",
        "registered_social_landlord",
        "health",
        "mental_health",
        "dwp",
        "electronic_monitoring",
        "immigration_enforcement",
    }
)


def is_responsible_authority(kind: str) -> bool:
    return kind in RESPONSIBLE_AUTHORITY_KINDS


def is_duty_to_cooperate(kind: str) -> bool:
    return kind in DUTY_TO_COOPERATE_KINDS


def grant_is_active(
    *, now: datetime, expires_at: datetime | None, revoked_at: datetime | None
) -> bool:
    """A grant is active until it expires or is revoked, whichever is first."""
    if revoked_at is not None and revoked_at <= now:
        return False
    return expires_at is None or now < expires_at

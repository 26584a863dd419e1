"""Every change to users' access: case grants, API tokens, sign-in events."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login

from mappa.agencies.constants import AccessReason
from mappa.agencies.models import Agency, ApiToken, CaseAccessGrant, User
from mappa.audit import services as audit
from mappa.audit.events import EventType


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_api_token(*, actor: User, name: str, raw: str | None = None) -> tuple[ApiToken, str]:
    """Create a token for the acting user; return it with the raw value, shown once."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Enter a name for the token"})
    raw = raw or secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor,
            name=name,
            digest=token_digest(raw),
            prefix=raw[:8],
            created_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.API_TOKEN_CREATED,
            payload={"token": str(token.id), "name": name},
        )
    return token, raw


def revoke_api_token(*, actor: User, token: ApiToken) -> None:
    if token.user_id != actor.pk:
        raise PermissionError("a user may revoke only their own tokens")
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            actor=actor,
            event_type=EventType.API_TOKEN_REVOKED,
            payload={"token": str(token.id), "name": token.name},
        )


def grant_case_access(
    *,
    actor: User,
    case: UUID,
    reason: AccessReason,
    grantee_user: User | None = None,
    grantee_agency: Agency | None = None,
    expires_at: datetime | None = None,
    explanation: str = "",
) -> CaseAccessGrant:
    """Let a user or an agency see a case, for a reason, until an optional expiry."""
    if (grantee_user is None) == (grantee_agency is None):
        raise ValidationError("Choose either a person or an agency to grant access to")
    now = timezone.now()
    if expires_at is not None and expires_at <= now:
        raise ValidationError({"expires_at": "The expiry must be in the future"})
    if reason == AccessReason.BREAK_GLASS and not explanation.strip():
        raise ValidationError({"explanation": "Give the reason for emergency access"})
    with transaction.atomic():
        grant = CaseAccessGrant.objects.create(
            case=case,
            grantee_user=grantee_user,
            grantee_agency=grantee_agency,
            reason=reason,
            explanation=explanation,
            granted_by=actor,
            granted_at=now,
            expires_at=expires_at,
        )
        grantee = grantee_user.username if grantee_user else f"agency:{grantee_agency.pk}"
        audit.record(
            actor=actor,
            event_type=EventType.CASE_ACCESS_GRANTED,
            subject=case,
            payload={
                "grant": str(grant.id),
                "grantee": grantee,
                "reason": str(reason),
                "expires_at": expires_at.isoformat() if expires_at else None,
            },
        )
    return grant


def revoke_case_access(*, actor: User, grant: CaseAccessGrant) -> None:
    with transaction.atomic():
        grant.revoked_at = timezone.now()
        grant.revoked_by = actor
        grant.save(update_fields=["revoked_at", "revoked_by"])
        audit.record(
            actor=actor,
            event_type=EventType.CASE_ACCESS_REVOKED,
            subject=grant.case,
            payload={"grant": str(grant.id)},
        )


def change_password(*, actor: User, new_password: str) -> None:
    """Set a new password (already checked against the password rules) and record it."""
    with transaction.atomic():
        actor.set_password(new_password)
        actor.save(update_fields=["password"])
        audit.record(actor=actor, event_type=EventType.PASSWORD_CHANGED, payload={})


def record_signed_in(*, actor: User, method: str) -> None:
    audit.record(actor=actor, event_type=EventType.SIGNED_IN, payload={"method": method})


def record_signed_out(*, actor: User) -> None:
    audit.record(actor=actor, event_type=EventType.SIGNED_OUT, payload={})


def record_sign_in_failed(*, username: str, reason: str) -> None:
    user = User.objects.filter(username=username).first()
    audit.record(
        actor=None,
        event_type=EventType.SIGN_IN_FAILED,
        payload={"username": username[:150], "reason": reason},
        agency=user.agency if user else None,
        area=user.area if user else None,
    )


def record_locked_out(*, username: str) -> None:
    user = User.objects.filter(username=username).first()
    audit.record(
        actor=None,
        event_type=EventType.LOCKED_OUT,
        payload={"username": username[:150]},
        agency=user.agency if user else None,
        area=user.area if user else None,
    )


def record_second_factor_failed(*, actor: User, stage: str) -> None:
    audit.record(actor=actor, event_type=EventType.SECOND_FACTOR_FAILED, payload={"stage": stage})


def record_permission_denied(*, actor, permission: str, path: str) -> None:
    audit.record(
        actor=actor,
        event_type=EventType.PERMISSION_DENIED,
        payload={"permission": permission, "path": path[:500]},
    )


def confirm_enrolment(*, request, actor: User, device, code: str) -> bool:
    """Confirm the authenticator being set up (a django-otp TOTP device) if the code is right."""
    if not device.verify_token(code):
        record_second_factor_failed(actor=actor, stage="enrolment")
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record(
            actor=actor,
            event_type=EventType.SECOND_FACTOR_ENROLLED,
            payload={"device": device.name},
        )
        otp_login(request, device)
        record_signed_in(actor=actor, method="password and authenticator app")
    return True


def record_reference_data_change(*, actor: User, record, action: str) -> None:
    """A change made in the reference-data admin: an area, agency or user added, changed or deleted."""
    audit.record(
        actor=actor,
        event_type=EventType.REFERENCE_DATA_CHANGED,
        payload={"model": record._meta.label, "object": str(record.pk), "action": action},
    )

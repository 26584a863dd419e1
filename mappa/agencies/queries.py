"""Reads scoped to the acting user. Anything outside their scope is a 404."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mappa.agencies.models import ApiToken, CaseAccessGrant, User


def api_tokens_for(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def get_api_token(user: User, token_id: UUID) -> ApiToken:
    return get_object_or_404(api_tokens_for(user), pk=token_id, revoked_at__isnull=True)


def active_case_grants_for(user: User) -> QuerySet[CaseAccessGrant]:
    """Grants now in force for the user, or for the user's agency."""
    now = timezone.now()
    grantee = Q(grantee_user=user)
    if user.agency_id:
        grantee |= Q(grantee_agency_id=user.agency_id)
    return CaseAccessGrant.objects.filter(grantee).filter(
        Q(revoked_at__isnull=True) | Q(revoked_at__gt=now),
        Q(expires_at__isnull=True) | Q(expires_at__gt=now),
    )


def granted_case_ids(user: User) -> set[UUID]:
    return set(active_case_grants_for(user).values_list("case", flat=True))

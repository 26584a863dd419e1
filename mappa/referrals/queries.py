"""Referrals, scoped to the acting user: out of scope is a 404, like a missing referral.

A referrer always sees their own referrals. Once submitted, a referral is seen by the
area's screeners (co-ordinators) and by anyone who may see the person it names.
Category 4 referrals need terrorism clearance, except for their own referrer.
"""

from __future__ import annotations

from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.cases.rules import NEEDS_CLEARANCE
from mappa.people.queries import nominals_visible_to
from mappa.referrals.constants import Status
from mappa.referrals.models import Referral


def referrals_visible_to(user) -> QuerySet[Referral]:
    if not user.is_authenticated:
        return Referral.objects.none()
    seen = Q(referred_by=user)
    shared = Q(nominal__in=nominals_visible_to(user))
    if permissions.role_has(user, permissions.SCREEN_REFERRALS):
        shared |= Q(area_id=user.area_id)
    shared &= ~Q(status=Status.DRAFT)
    if not user.terrorism_clearance:
        shared &= ~Q(category__in=NEEDS_CLEARANCE)
    return Referral.objects.filter(seen | shared)


def get_referral(user, referral_id: UUID) -> Referral:
    referral = (
        referrals_visible_to(user)
        .select_related("referred_by__agency", "referring_agency", "nominal", "case")
        .filter(id=referral_id)
        .first()
    )
    if referral is None:
        raise Http404("No such referral")
    return referral


def awaiting_screening(user) -> QuerySet[Referral]:
    """Submitted referrals in the screener's area, oldest first."""
    if not permissions.role_has(user, permissions.SCREEN_REFERRALS):
        return Referral.objects.none()
    return (
        referrals_visible_to(user)
        .filter(area_id=user.area_id, status=Status.SUBMITTED)
        .select_related("referred_by", "referring_agency")
        .order_by("submitted_at")
    )


def made_by(user) -> QuerySet[Referral]:
    """The user's own referrals, newest first."""
    return Referral.objects.filter(referred_by=user).order_by("-created_at")


SUBMITTED = Q(submitted_at__isnull=False) & ~Q(status=Status.DRAFT)


def on_record() -> dict[str, Exists]:
    """An annotation for a person's own query: whether any submitted referral names them,
    whoever may see it. Most people have none; `submitted_referrals` then looks for nothing."""
    return {
        "has_submitted_referrals": Exists(
            Referral.objects.filter(SUBMITTED, nominal=OuterRef("pk"))
        )
    }


def submitted_referrals(user, nominal) -> QuerySet[Referral]:
    """Referrals about a person that have been submitted, for their timeline."""
    if not getattr(nominal, "has_submitted_referrals", True):
        return Referral.objects.none()
    return (
        referrals_visible_to(user)
        .filter(SUBMITTED, nominal=nominal)
        .select_related("referred_by__agency", "referring_agency")
        .prefetch_related("decisions__decided_by__agency")
    )

"""Searching the audit log, scoped to the searcher's area."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from mappa.audit.models import AuditEvent

PAGE_SIZE = 100


def events_visible_to(user) -> QuerySet[AuditEvent]:
    """Co-ordinators and board members see their own area's log."""
    if not user.area_id:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(area_id=user.area_id)


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def search(
    user,
    *,
    person: UUID | None = None,
    username: str = "",
    event_type: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEvent]:
    events = events_visible_to(user).select_related("actor", "agency")
    if person:
        events = events.filter(subject=person)
    if username:
        events = events.filter(actor__username__iexact=username.strip())
    if event_type:
        events = events.filter(event_type=event_type)
    if date_from:
        events = events.filter(occurred_at__gte=_start_of(date_from))
    if date_to:
        events = events.filter(occurred_at__lt=_start_of(date_to + timedelta(days=1)))
    return events.order_by("-sequence")

"""Temporary stays in another MAPPA area (holidays, approved premises): a notification to that
area without a transfer (docs/transfers.md). The case stays where it is; the host area's
co-ordinators are told by a link-only e-mail and see the stay until its last day."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.agencies.models import Area
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import notices, rules
from mappa.cases.constants import StayReason
from mappa.cases.models import MappaCase, TemporaryStay
from mappa.cases.services.transfers import acts_for_lead_agency, refuse_if_changed


def notify_stay(
    *,
    actor,
    case: MappaCase,
    host_area: Area | None,
    reason: StayReason,
    address: str,
    starts_on: date,
    ends_on: date,
    explanation: str = "",
    version: int | None = None,
) -> TemporaryStay:
    """Record the stay and tell the host area's co-ordinators; `version` as for a transfer
    request (`transfers.refuse_if_changed`)."""
    if not acts_for_lead_agency(actor, case):
        raise ValidationError(
            "Only the case's lead agency or the area's co-ordinator can notify a stay"
        )
    refuse_if_changed(case, version)
    problem = rules.stay_problem(
        home_area=case.nominal.area_id,
        host_area=host_area.pk if host_area else None,
        starts_on=starts_on,
        ends_on=ends_on,
        address=address,
        case_open=case.closed_on is None,
    )
    if problem is None and ends_on < timezone.localdate():
        problem = ("ends_on", "The stay has already ended: the other area need not be told")
    if problem is None and reason == StayReason.OTHER and not explanation.strip():
        problem = ("explanation", "Say why the person is staying there")
    if problem:
        field, message = problem
        raise ValidationError({field: message})
    with transaction.atomic():
        stay = TemporaryStay.objects.create(
            case=case,
            home_area_id=case.nominal.area_id,
            host_area=host_area,
            reason=reason,
            explanation=explanation.strip(),
            address=address.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.CASE_STAY_NOTIFIED,
            subject=case.id,
            payload={
                "stay": str(stay.id),
                "home_area": case.nominal.area.code,
                "host_area": host_area.code,
                "ends_on": ends_on.isoformat(),
            },
        )
        transaction.on_commit(partial(notices.tell_host_area, stay.id, host_area.pk))
    return stay

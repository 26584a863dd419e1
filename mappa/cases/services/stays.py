"""Temporary stays in another MAPPA area (holidays, approved premises): a notification to that
area without a transfer (docs/transfers.md). The case stays where it is; the host area's
co-ordinators are told by a link-only e-mail and see the stay until its last day. The home area
may change the stay's dates and address, or end it early; the host area is told of each."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
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
    if problem is None:
        problem = _dates_problem(starts_on, ends_on)
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


def _dates_problem(starts_on: date, ends_on: date):
    return rules.stay_dates_problem(
        starts_on=starts_on,
        ends_on=ends_on,
        today=timezone.localdate(),
        longest_days=settings.MAPPA_STAY_LONGEST_DAYS,
    )


def _refuse_unless_home(actor, stay: TemporaryStay) -> None:
    """Only the area that recorded the stay, while it still manages the case and the stay has
    not ended, changes it or ends it: its lead agency or co-ordinator."""
    case = stay.case
    if stay.home_area_id != case.nominal.area_id or not acts_for_lead_agency(actor, case):
        raise ValidationError(
            "Only the case's lead agency or co-ordinator in the area that recorded the stay can "
            "change it"
        )
    if stay.ends_on < timezone.localdate():
        raise ValidationError("This stay has ended: it can no longer be changed")


def _payload(stay: TemporaryStay) -> dict:
    return {
        "stay": str(stay.id),
        "home_area": stay.home_area.code,
        "host_area": stay.host_area.code,
    }


def change_stay(
    *,
    actor,
    stay: TemporaryStay,
    version: int | None,
    address: str,
    starts_on: date,
    ends_on: date,
) -> TemporaryStay:
    """Change a stay's dates or address; the host area's co-ordinators are told (a link only).

    Claims the stay's version (decision 0011): a change made from an old version is refused
    naming who saved first. A stay ended early is changed no more (a new notice is recorded)."""
    _refuse_unless_home(actor, stay)
    problem = None
    if stay.ended_early_at is not None:
        problem = ("ends_on", "This stay has been ended early: tell the area of a new stay")
    if problem is None and not address.strip():
        problem = ("address", "Enter the address of the stay")
    if problem is None:
        problem = _dates_problem(starts_on, ends_on)
    if problem is None and ends_on < timezone.localdate():
        problem = ("ends_on", "The last day cannot be in the past: to end the stay, end it early")
    if problem:
        field, message = problem
        raise ValidationError({field: message})
    with transaction.atomic():
        versions.claim(stay, version=version, actor=actor)
        stay.address, stay.starts_on, stay.ends_on = address.strip(), starts_on, ends_on
        stay.save(update_fields=["address", "starts_on", "ends_on"])
        audit.record(
            actor=actor,
            event_type=EventType.CASE_STAY_CHANGED,
            subject=stay.case_id,
            payload={
                **_payload(stay),
                "starts_on": starts_on.isoformat(),
                "ends_on": ends_on.isoformat(),
            },
        )
        transaction.on_commit(
            partial(notices.tell_host_area, stay.id, stay.host_area_id, notices.STAY_CHANGED)
        )
    return stay


def end_stay_early(*, actor, stay: TemporaryStay, version: int | None, ended_on: date):
    """End the stay early: its last day becomes `ended_on`, so the host area sees it until then
    and not after (`rules.stay_visible_to_host`); its co-ordinators are told (a link only)."""
    _refuse_unless_home(actor, stay)
    problem = rules.stay_end_problem(
        starts_on=stay.starts_on,
        ends_on=stay.ends_on,
        ended_on=ended_on,
        ended_early=stay.ended_early_at is not None,
    )
    if problem:
        field, message = problem
        raise ValidationError({field: message})
    with transaction.atomic():
        versions.claim(stay, version=version, actor=actor)
        stay.ends_on = ended_on
        stay.ended_early_at, stay.ended_early_by = timezone.now(), actor
        stay.save(update_fields=["ends_on", "ended_early_at", "ended_early_by"])
        audit.record(
            actor=actor,
            event_type=EventType.CASE_STAY_ENDED,
            subject=stay.case_id,
            payload={**_payload(stay), "ended_on": ended_on.isoformat()},
        )
        transaction.on_commit(
            partial(notices.tell_host_area, stay.id, stay.host_area_id, notices.STAY_ENDED)
        )
    return stay

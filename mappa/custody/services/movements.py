"""Releases and returns to custody: events that move the case (MAPPA Guidance ch.15).

The custody periods, the release date and the recorded events the annual figures count are the
person record's: they are written through `people.services.save_nominal`, which claims the
record's version and records what changed, so the person page, the API's record and the annual
statistics see them as they see any other change to the record.
"""

from __future__ import annotations

import json
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.custody import queries, rules
from mappa.custody.constants import MovementKind, ReturnReason
from mappa.custody.models import Movement
from mappa.people import records
from mappa.people import services as register
from mappa.people.import_format import NominalRecord
from mappa.people.models import Nominal
from mappa.risk.models import RiskManagementPlan


def _held(nominal) -> Nominal:
    """The person as held now, with the whole record `records.to_record` reads."""
    return records.exportable(Nominal.objects.filter(id=nominal.id)).get()


def _save(actor, nominal: Nominal, version: int | None, change) -> None:
    record = json.loads(records.to_record(nominal).to_json())
    change(record)
    try:
        register.save_nominal(
            actor=actor,
            record=NominalRecord.model_validate_json(json.dumps(record)),
            nominal=nominal,
            version=version,
            via="custody",
        )
    except register.RecordRejected as rejected:
        raise ValidationError(
            {"on": "; ".join(reason for _, reason in rejected.problems)}
        ) from None


def _plan_in_place(case, on: date) -> bool:
    if case is None:
        return False
    plans = RiskManagementPlan.objects.filter(case=case)
    return any(timezone.localdate(plan.created_at) <= on for plan in plans)


def record_release(*, actor, nominal, version: int | None, on: date) -> Movement:
    """Release from custody on `on`: the open custody period ends, and the release date is set
    when it is this custody's (after a recall the person record keeps the first release, which
    the notification rules count from). The release records whether a level was decided in this
    custody and a risk management plan was in place by then (the board's indicator)."""
    held = _held(nominal)
    period = queries.open_period(held)
    problem = rules.release_problem(
        on=on, custody_started_on=period and period.started_on, today=timezone.localdate()
    )
    if problem:
        raise ValidationError({"on": problem})
    case = queries.open_case(held)
    started = period.started_on.isoformat()
    first_release = held.release_date is None or held.release_date >= period.started_on

    def release(record: dict) -> None:
        for entry in record["custody"]["periods"]:
            if entry["from"] == started and entry["to"] is None:
                entry["to"] = on.isoformat()
        if first_release:
            record["custody"]["release_date"] = on.isoformat()

    with transaction.atomic():
        _save(actor, held, version, release)
        movement = Movement.objects.create(
            nominal=held,
            kind=MovementKind.RELEASED,
            occurred_on=on,
            level=case.level if case else None,
            level_set_in_custody=queries.level_decided_in(case, period, on),
            plan_in_place=_plan_in_place(case, on),
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.CUSTODY_RELEASE_RECORDED,
            subject=held.id,
            payload={
                "released_on": on.isoformat(),
                "level": movement.level,
                "prepared": movement.prepared,
            },
        )
    return movement


def record_return(*, actor, nominal, version: int | None, on: date, reason) -> Movement:
    """A recall or other return to custody on `on`: a custody period opens, and a recall for
    breach of licence or a return for breach of an order is recorded as the event the annual
    figures count (`rules.RECORDED_EVENT_OF_RETURN`)."""
    if reason not in ReturnReason.values:
        raise ValidationError({"reason": "Select why the person returned to custody"})
    held = _held(nominal)
    problem = rules.return_problem(
        on=on,
        in_custody=queries.open_period(held) is not None,
        last_left_on=queries.last_left_custody(held),
        today=timezone.localdate(),
    )
    if problem:
        raise ValidationError({"on": problem})
    event = rules.RECORDED_EVENT_OF_RETURN.get(str(reason))

    def back_in(record: dict) -> None:
        custody = record.get("custody") or {
            "periods": [],
            "release_date": None,
            "licence_end_date": None,
        }
        custody["periods"].append({"from": on.isoformat(), "to": None})
        record["custody"] = custody
        if event:
            record["events"].append({"kind": event, "date": on.isoformat()})

    with transaction.atomic():
        _save(actor, held, version, back_in)
        movement = Movement.objects.create(
            nominal=held,
            kind=MovementKind.RETURNED,
            occurred_on=on,
            reason=str(reason),
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.CUSTODY_RETURN_RECORDED,
            subject=held.id,
            payload={"returned_on": on.isoformat(), "reason": str(reason)},
        )
    return movement


def record_return_to_custody(user, nominal, on: date, reason) -> Movement:
    """For other apps' services (a missing period that ends in custody, `whereabouts`): a return
    to custody made from the person record as it stands now, so it claims the current version.
    `reason` is a `ReturnReason` (or its value); refusals are `ValidationError`s naming `on` or
    `reason`, and nothing is written."""
    current = Nominal.objects.only("version").get(id=nominal.id).version
    return record_return(actor=user, nominal=nominal, version=current, on=on, reason=reason)

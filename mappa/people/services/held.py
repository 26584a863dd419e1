"""Additions held because another area holds one of their identifiers (docs/register.md).

Telling someone outside an area that a PNC, CRN, prison number or ViSOR reference is on that
area's register would confirm that the person exists there. So the addition is held, the owning
area's co-ordinators are told (a link only), and they decide: not the same person (the record is
added to the submitting area as submitted) or the same person (kept for a transfer or share).
A change giving a person already on the register such an identifier is held the same way.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.people import notices, records
from mappa.people.constants import IDENTIFIERS, HeldStatus
from mappa.people.import_format import NominalRecord
from mappa.people.models import HeldAddition, Nominal

DECISIONS = (HeldStatus.NOT_SAME_PERSON, HeldStatus.SAME_PERSON)


class AdditionHeld(Exception):
    """The addition was not made: it is held for another area's co-ordinators to decide."""

    def __init__(self, submission: uuid.UUID):
        super().__init__("passed to the MAPPA co-ordinators")
        self.submission = submission


class ChangeHeld(AdditionHeld):
    """The change was not made: it is held for another area's co-ordinators to decide."""


def hold_addition(
    *,
    actor,
    record: NominalRecord,
    matches: list[tuple[str, Nominal]],
    via: str,
    nominal: Nominal | None = None,
    version: int | None = None,
) -> uuid.UUID:
    """Hold `record`, one held addition for each area that holds a matching identifier, and
    tell each area's co-ordinators after the commit. `matches` are (identifier, nominal).
    With `nominal`, `record` is a change to that person, started from `version`."""
    by_area: dict[int, list[dict]] = defaultdict(list)
    for kind, holder in matches:
        by_area[holder.area_id].append({"identifier": kind, "nominal": str(holder.id)})
    submission, now = uuid.uuid4(), timezone.now()
    with transaction.atomic():
        for area_id, found in sorted(by_area.items()):
            held = HeldAddition.objects.create(
                submission=submission,
                record=json.loads(record.to_json()),
                via=via,
                submitted_by=actor,
                submitted_area_id=actor.area_id,
                submitted_at=now,
                owning_area_id=area_id,
                matches=found,
                nominal=nominal,
                nominal_version=version,
            )
            audit.record(
                actor=actor,
                event_type=EventType.NOMINAL_ADDITION_HELD,
                subject=held.id,
                payload={
                    "held": str(held.id),
                    "submission": str(submission),
                    "owning_area": str(area_id),
                    "identifiers": sorted(match["identifier"] for match in found),
                    # The event catalogue's keys are fixed: a change says so in `via`.
                    "via": f"{via} (change)" if nominal else via,
                },
            )
            transaction.on_commit(lambda held=held: notices.tell_owning_coordinators(held))
    return submission


def decide(*, actor, held: HeldAddition, decision: str, version: int | None) -> HeldAddition:
    """Record the owning area's decision. "Not the same person" adds the record to the
    submitting area (for a held change: writes the rest of the change without the identifier)
    once every area it was held for has said so, and tells the submitter."""
    if decision not in DECISIONS:
        raise ValidationError({"decision": "Select whether this is the same person"})
    if held.status != HeldStatus.HELD:
        raise ValidationError("This addition has already been decided")
    with transaction.atomic():
        versions.claim(held, version=version, actor=actor)
        held.status, held.decided_by, held.decided_at = decision, actor, timezone.now()
        held.save(update_fields=["status", "decided_by", "decided_at"])
        siblings = HeldAddition.objects.filter(submission=held.submission)
        added = None
        if held.is_change and not siblings.exclude(status=HeldStatus.NOT_SAME_PERSON).exists():
            held.written = _change_as_submitted(actor, held)
            siblings.update(written=held.written)
        elif not siblings.exclude(status=HeldStatus.NOT_SAME_PERSON).exists():
            added = _add_as_submitted(actor, held)
            siblings.update(added=added)
            held.added_id = added
        audit.record(
            actor=actor,
            event_type=EventType.HELD_ADDITION_DECIDED,
            subject=held.id,
            payload={
                "held": str(held.id),
                "decision": str(decision),
                "added": str(added) if added else None,
            },
        )
    return held


def _without_held_identifiers(held: HeldAddition, keep: Nominal | None = None) -> NominalRecord:
    """The held record without any identifier another person on the register holds: an
    identifier names one person. For a change, the person keeps their own (`keep`)."""
    record = NominalRecord.model_validate_json(json.dumps(held.record))
    ids = record.external_ids.model_dump()
    for kind in IDENTIFIERS:
        others = Nominal.objects.filter(**{f"{kind}__iexact": ids.get(kind) or ""})
        if ids.get(kind) and others.exclude(id=getattr(keep, "id", None)).exists():
            ids[kind] = getattr(keep, kind, None)
    return record.model_copy(update={"external_ids": type(record.external_ids)(**ids)})


def _change_as_submitted(actor, held: HeldAddition) -> bool:
    """Write the held change without the identifier, unless the record was changed since it
    was submitted (a change is never written over a newer one). Tells the submitter either way."""
    nominal = records.exportable(Nominal.objects.filter(id=held.nominal_id)).get()
    before, record = records.to_record(nominal), _without_held_identifiers(held, keep=nominal)
    written = nominal.version == held.nominal_version
    if written and records.digest(before) != records.digest(record):
        versions.claim(nominal, version=held.nominal_version, actor=held.submitted_by)
        areas = {held.submitted_area.code: held.submitted_area}
        records.write_batch([record], {0: nominal.id}, areas, actor=held.submitted_by, claimed=True)
        was, now = before.model_dump(), record.model_dump()
        audit.record(
            actor=actor,
            event_type=EventType.NOMINAL_UPDATED,
            subject=nominal.id,
            payload={
                "via": "held change",
                "fields": [k for k, v in now.items() if was.get(k) != v],
            },
        )
    transaction.on_commit(lambda: notices.tell_submitter_of_change(held, written=written))
    return written


def _add_as_submitted(actor, held: HeldAddition) -> uuid.UUID:
    """Add the held record to the submitting area. An identifier names one person: one that
    another record still holds is left off (the submitter is asked to check it)."""
    record = _without_held_identifiers(held)
    areas = {held.submitted_area.code: held.submitted_area}
    _, (created,) = records.write_batch([record], {0: None}, areas, actor=held.submitted_by)
    audit.record(
        actor=actor,
        event_type=EventType.NOMINAL_CREATED,
        subject=created,
        payload={"via": "held addition"},
    )
    transaction.on_commit(lambda: notices.tell_submitter(held))
    return created

"""Additions held because another area holds one of their identifiers (docs/register.md).

Telling someone outside an area that a PNC, CRN, prison number or ViSOR reference is on that
area's register would confirm that the person exists there. So the addition is held, the owning
area's co-ordinators are told (a link only), and they decide: not the same person (the record is
added to the submitting area as submitted) or the same person (kept for a transfer or share).
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


def hold_addition(
    *, actor, record: NominalRecord, matches: list[tuple[str, Nominal]], via: str
) -> uuid.UUID:
    """Hold `record`, one held addition for each area that holds a matching identifier, and
    tell each area's co-ordinators after the commit. `matches` are (identifier, nominal)."""
    by_area: dict[int, list[dict]] = defaultdict(list)
    for kind, nominal in matches:
        by_area[nominal.area_id].append({"identifier": kind, "nominal": str(nominal.id)})
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
                    "via": via,
                },
            )
            transaction.on_commit(lambda held=held: notices.tell_owning_coordinators(held))
    return submission


def decide(*, actor, held: HeldAddition, decision: str, version: int | None) -> HeldAddition:
    """Record the owning area's decision. "Not the same person" adds the record to the
    submitting area once every area it was held for has said so, and tells the submitter."""
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
        if not siblings.exclude(status=HeldStatus.NOT_SAME_PERSON).exists():
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


def _add_as_submitted(actor, held: HeldAddition) -> uuid.UUID:
    """Add the held record to the submitting area. An identifier names one person: one that
    another record still holds is left off (the submitter is asked to check it)."""
    record = NominalRecord.model_validate_json(json.dumps(held.record))
    ids = record.external_ids.model_dump()
    for kind in IDENTIFIERS:
        if ids.get(kind) and Nominal.objects.filter(**{f"{kind}__iexact": ids[kind]}).exists():
            ids[kind] = None
    record = record.model_copy(update={"external_ids": type(record.external_ids)(**ids)})
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

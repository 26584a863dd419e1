"""Every change to the register: imports, and nominals created or changed one at a time;
additions held for another area's co-ordinators are in `held`."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.agencies.models import Area
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.offences import catalogue
from mappa.people import copying, records
from mappa.people.constants import IDENTIFIERS
from mappa.people.import_format import (
    NominalRecord,
    duplicate_identifier_problems,
    parse_line,
    reference_problems,
)
from mappa.people.models import Nominal
from mappa.people.services import held, pdp_guard

BATCH_SIZE = 500


class ImportRejected(Exception):
    """The import wrote nothing; `problems` lists every reason, one per line."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problem(s); nothing was imported")
        self.problems = problems


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    # People with an open PDP whose mappa section was not applied (`pdp_guard`), one line each.
    pdp_left: tuple[str, ...] = ()


def _numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, line


def _identifier_index() -> dict[tuple[str, str], uuid.UUID]:
    index = {}
    for row in Nominal.objects.values("id", *IDENTIFIERS).iterator(chunk_size=5000):
        for kind in IDENTIFIERS:
            if row[kind]:
                index[(kind, row[kind].upper())] = row["id"]
    return index


def _match(record: NominalRecord, index: dict) -> set[uuid.UUID]:
    ids = record.external_ids.present()
    return {
        index[(kind, value.upper())]
        for kind, value in ids.items()
        if (kind, value.upper()) in index
    }


def import_nominals(
    *,
    actor,
    open_lines: Callable[[], Iterable[str]],
    source: str,
    progress: Callable[[int], object] | None = None,
) -> ImportResult:
    """Validate every line and write them all, or nothing (shared/contracts/nominal-import.md).

    One pass, in one transaction: each line is parsed and checked once, and written in
    batches while every line so far is good. After the first bad line nothing more is
    written and the rest is only checked, so every problem is still listed; then the
    transaction is rolled back and `ImportRejected` names them all. The file is read as
    it goes, never held in memory whole, nor more than a batch of its records.
    """
    areas = {area.code: area for area in Area.objects.all()}
    index = _identifier_index()
    totals = {"created": 0, "updated": 0, "unchanged": 0}
    left: list[str] = []
    today = timezone.localdate()
    with transaction.atomic():
        with copying.overlapped():  # PostgreSQL takes in a batch while the next is read
            problems = _read_and_write(
                open_lines(), areas, index, today, totals, progress, actor, left
            )
        if problems:
            raise ImportRejected(problems)  # leaving the block rolls back what was written
        audit.record(
            actor=actor,
            event_type=EventType.NOMINALS_IMPORTED,
            payload={"source": source, **totals},
        )
    return ImportResult(**totals, pdp_left=tuple(left))


def _read_and_write(lines, areas, index, today, totals, progress, actor, left) -> list[str]:
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}  # each identifier in the file: the line it is on
    batch: list[NominalRecord] = []
    for number, line in _numbered(lines):
        record, found = parse_line(
            line,
            number,
            area_exists=areas.__contains__,
            offence_exists=catalogue.exists,
            today=today,
        )
        if record is not None:
            if len(_match(record, index)) > 1:
                found.append(
                    f"line {number}: external_ids: the identifiers match more than one nominal"
                )
            found += duplicate_identifier_problems([(number, record.external_ids.present())], seen)
        problems += found
        if problems:
            batch = []  # nothing more is written once a line is bad
        elif record is not None:
            batch.append(record)
            if len(batch) == BATCH_SIZE:
                _write(batch, index, areas, totals, progress, actor, left)
                batch = []
    if not problems:
        _write(batch, index, areas, totals, progress, actor, left)
    return sorted(problems, key=lambda problem: int(problem.split(":")[0].split()[1]))


def _write(batch, index, areas, totals, progress, actor, left) -> None:
    # Lines of one file never share an identifier (checked above), so the index of
    # identifiers taken before the import is all a batch needs to find its matches.
    if not batch:
        return
    matches = {
        position: next(iter(_match(record, index)), None) for position, record in enumerate(batch)
    }
    # The import is a replacement from the source of truth: it names no version, and
    # advances the version of each nominal it changes (docs/register.md). It never writes a
    # MAPPA category and level onto a PDP's case (`pdp_guard`).
    batch, pdps = pdp_guard.leave_pdps_alone(batch, matches)
    left += pdps
    counts, _ = records.write_batch(batch, matches, areas, actor=actor)
    for key, value in counts.items():
        totals[key] += value
    if progress:
        progress(len(batch))


def export_nominals(*, actor, area: Area, stream) -> int:
    """Write an area's register to `stream` in the import format; the export is audited."""
    nominals = records.exportable(Nominal.objects.filter(area=area).order_by("surname", "id"))
    count = 0
    with transaction.atomic():
        for nominal in nominals.iterator(chunk_size=1000):
            stream.write(records.to_record(nominal).to_json() + "\n")
            count += 1
        audit.record(
            actor=actor,
            event_type=EventType.NOMINALS_EXPORTED,
            payload={"area": area.code, "count": count},
            area=area,
        )
    return count


class RecordRejected(Exception):
    """A single record was not saved; `problems` are (field path, reason) pairs."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in problems))
        self.problems = problems


def _check_record(
    actor, record: NominalRecord, nominal: Nominal | None
) -> tuple[dict[str, Area], list[tuple[str, Nominal]]]:
    """The areas the record names, and (for an addition) the identifiers another area holds.

    An identifier held in the actor's own area is refused by name. One held in another area is
    not named to someone outside it: the addition or change is held instead (`held`).
    """
    areas = {area.code: area for area in Area.objects.filter(code=record.area)}
    problems = reference_problems(
        record, area_exists=areas.__contains__, offence_exists=catalogue.exists
    )
    if areas and actor.area_id != areas[record.area].id:
        problems.append(("area", "you can add and change nominals only in your own area"))
    elsewhere = []
    for kind, value in record.external_ids.present().items():
        clash = Nominal.objects.filter(**{f"{kind}__iexact": value})
        if nominal is not None:
            clash = clash.exclude(id=nominal.id)
        holder = clash.only("id", "area_id").first()
        if holder is None:
            continue
        if holder.area_id != actor.area_id:
            elsewhere.append((kind, holder))
        else:
            problems.append((f"external_ids.{kind}", f"{value!r} is already on the register"))
    if problems:
        raise RecordRejected(problems)
    return areas, elsewhere


def _add(*, actor, record: NominalRecord, via: str) -> Nominal:
    areas, elsewhere = _check_record(actor, record, None)
    if elsewhere:
        raise held.AdditionHeld(
            held.hold_addition(actor=actor, record=record, matches=elsewhere, via=via)
        )
    with transaction.atomic():
        _, (created,) = records.write_batch([record], {0: None}, areas, actor=actor)
        audit.record(
            actor=actor,
            event_type=EventType.NOMINAL_CREATED,
            subject=created,
            payload={"via": via},
        )
    return Nominal.objects.get(id=created)


def save_nominal(
    *,
    actor,
    record: NominalRecord,
    nominal: Nominal | None = None,
    version: int | None = None,
    via: str,
    removing_offences_confirmed: bool = False,
) -> Nominal:
    """Add a nominal, or change one's record to `record` (in the import format).

    A change names the `version` it started from: if someone else saved the nominal since,
    nothing is written and `versions.StaleEdit` says who and when. Only what differs is
    written (`records.write_batch`); a record that equals the one held writes nothing and
    records no change. Removing convictions from a person with an open MAPPA case needs
    `removing_offences_confirmed`. An addition with an identifier another area holds is
    held for that area's co-ordinators: `held.AdditionHeld` is raised and nothing is added.
    So is a change giving such an identifier: `held.ChangeHeld`, and nothing of it is written.
    """
    if nominal is None:
        return _add(actor=actor, record=record, via=via)
    submission = None
    with transaction.atomic():
        areas, elsewhere = _check_record(actor, record, nominal)
        current = records.exportable(Nominal.objects.filter(id=nominal.id)).get()
        before = records.to_record(current)
        if version != current.version:  # claimed (compare-and-set) when it is written
            raise versions.StaleEdit(
                Nominal.objects.select_related("changed_by__agency").get(id=nominal.id)
            )
        if records.digest(before) == records.digest(record):
            return current
        if problem := pdp_guard.mappa_onto_pdp(nominal.id, record):
            raise RecordRejected([("mappa", problem)])
        if not removing_offences_confirmed:
            _refuse_removing_offences(current, before, record)
        if elsewhere:
            # Checked as a change would be (above), then held whole: none of it is written.
            submission = held.hold_addition(
                actor=actor,
                record=record,
                matches=elsewhere,
                via=via,
                nominal=nominal,
                version=version,
            )
        else:
            _write_change(actor, nominal, version, before, record, areas, via)
    if submission:
        raise held.ChangeHeld(submission)
    return Nominal.objects.get(id=nominal.id)


def _write_change(actor, nominal, version, before, record, areas, via) -> None:
    versions.claim(nominal, version=version, actor=actor)
    records.write_batch([record], {0: nominal.id}, areas, actor=actor, claimed=True)
    changed = [
        key for key, value in record.model_dump().items() if before.model_dump().get(key) != value
    ]
    audit.record(
        actor=actor,
        event_type=EventType.NOMINAL_UPDATED,
        subject=nominal.id,
        payload={"via": via, "fields": changed},
    )


def removed_offences(before: NominalRecord, after: NominalRecord) -> list[str]:
    """The offences of `before` that `after` no longer holds (one for one), described."""
    remaining = Counter(offence.model_dump_json() for offence in after.offences)
    removed = []
    for offence in before.offences:
        key = offence.model_dump_json()
        if remaining[key]:
            remaining[key] -= 1
        else:
            removed.append(f"{offence.offence} ({offence.outcome.value}, {offence.date})")
    return removed


def _refuse_removing_offences(held: Nominal, before: NominalRecord, record: NominalRecord) -> None:
    if not any(case.closed_on is None for case in held.mappa_cases.all()):
        return
    removed = removed_offences(before, record)
    if removed:
        raise RemovalUnconfirmed(removed)


class RemovalUnconfirmed(RecordRejected):
    """A change would take convictions off the record of a person with an open MAPPA case."""

    def __init__(self, removed: list[str], confirm: str = "confirm that they are to be removed"):
        self.removed = removed
        super().__init__(
            [
                (
                    "offences",
                    f"this would remove {', '.join(removed)} from the record of a person with "
                    f"an open MAPPA case: {confirm}",
                )
            ]
        )


def record_search(*, actor, query: dict, results: int) -> None:
    """Someone searched the register (a page or the API): what they asked and how many they saw."""
    audit.record(
        actor=actor,
        event_type=EventType.REGISTER_SEARCHED,
        payload={"query": query, "results": results},
    )

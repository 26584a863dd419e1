"""The register's writes and potentially dangerous persons (docs/pdp.md).

A PDP case has no MAPPA category or level: the police manage the person outside MAPPA (College
of Policing APP, "Potentially dangerous persons"). The register's `mappa` section is the MAPPA
case as managed, so it must never be written onto a PDP's case. A person is moved into MAPPA on
the case page (Manage under MAPPA, `cases.services.pdp.move_into_mappa`), which records who
decided the level and why; the register then follows them as any MAPPA case.

- A whole-record change (the API's PUT or PATCH, a page) with a `mappa` section for a person
  with an open PDP is refused, naming the PDP and the route in.
- `mappa import nominals` is a replacement from the source of truth that takes every valid line
  (shared/contracts/nominal-import.md): the rest of the record is written, the PDP is left as it
  is, and the import's result names it.
- An nDelius registrations import is refused whole, as a line naming an unknown CRN is.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from mappa.cases.constants import CaseKind
from mappa.cases.models import MappaCase
from mappa.people.import_format import NominalRecord


def open_pdps(nominal_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, MappaCase]:
    """The open PDP case of each of these people who has one."""
    cases = MappaCase.objects.filter(
        nominal_id__in=list(nominal_ids), kind=CaseKind.PDP, closed_on__isnull=True
    )
    return {case.nominal_id: case for case in cases}


def route_in(case: MappaCase) -> str:
    return f"Manage under MAPPA, /cases/{case.id}/pdp/mappa/"


def managed_as_pdp(case: MappaCase) -> str:
    """Why a MAPPA category and level cannot be written onto this person's case."""
    return (
        f"this person is managed as a potentially dangerous person (PDP case {case.id}, not "
        "MAPPA), which has no MAPPA category or level: move them into MAPPA from the case "
        f"page first ({route_in(case)})"
    )


def mappa_onto_pdp(nominal_id: uuid.UUID, record: NominalRecord) -> str | None:
    """The refusal of a record whose `mappa` section would land on an open PDP, or None."""
    if record.mappa is None:
        return None
    case = open_pdps([nominal_id]).get(nominal_id)
    return managed_as_pdp(case) if case else None


def leave_pdps_alone(
    batch: list[NominalRecord], matches: dict[int, uuid.UUID | None]
) -> tuple[list[NominalRecord], list[str]]:
    """An import's batch with the `mappa` section taken off the records of people with an open
    PDP (the rest of each record is written), and a line for the import's result for each."""
    with_mappa = {m for position, m in matches.items() if m and batch[position].mappa is not None}
    pdps = open_pdps(with_mappa)
    if not pdps:
        return batch, []
    kept, left = [], []
    for position, record in enumerate(batch):
        case = pdps.get(matches.get(position))
        if case is not None and record.mappa is not None:
            record = record.model_copy(update={"mappa": None})
            left.append(
                f"nominal {case.nominal_id}: managed as a potentially dangerous person; the "
                f"record's mappa section was not applied to the PDP case ({route_in(case)})"
            )
        kept.append(record)
    return kept, left

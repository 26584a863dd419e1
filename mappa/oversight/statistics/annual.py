"""The annual statistics from the register: the area's cases, custody and events read into plain
facts for the counting rules (`rules.py`), and the report as JSON and CSV.

Category 1 and 2 end dates come from the eligibility rules evaluated on the year's last day:
category 1 ends with the governing notification requirement (or its discharge on review),
category 2 with the licence or order end date recorded on the person.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from datetime import date
from typing import NamedTuple
from uuid import UUID

from mappa import csv_cells
from mappa.agencies.models import Area
from mappa.cases.constants import CaseKind, PdpStep
from mappa.cases.models import LevelChange, MappaCase, PdpDecision
from mappa.offences.models import CustodyPeriod
from mappa.oversight import rules
from mappa.oversight.rules import CaseFacts, EventFacts, Register
from mappa.people import eligibility
from mappa.people.models import RecordedEvent


def case_facts(case: MappaCase, notification_end: date | None) -> CaseFacts:
    return CaseFacts(
        person=case.nominal_id,
        category=case.category,
        start=case.start_date,
        closed=case.closed_on,
        levels=tuple((c.effective_from, c.level) for c in case.level_history.all()),
        current_level=case.level,
        notification_end=notification_end,
        eligibility_end=case.nominal.licence_end_date,
    )


def area_cases(area: Area):
    return MappaCase.objects.filter(nominal__area=area, kind=CaseKind.MAPPA).select_related(
        "nominal"
    )


class _CaseRow(NamedTuple):
    """A MAPPA case and the fields of its person the eligibility rules read
    (`people.eligibility`: date of birth, release and licence end dates)."""

    id: UUID
    nominal_id: UUID
    category: int | None
    start_date: date | None
    closed_on: date | None
    level: int | None
    date_of_birth: date | None
    release_date: date | None
    licence_end_date: date | None

    @classmethod
    def fetch(cls, cases) -> list[_CaseRow]:
        person = (f"nominal__{name}" for name in cls._fields[6:])
        return list(map(cls._make, cases.values_list(*cls._fields[:6], *person)))


def register_for(area: Area, year_ending: date, *, with_events: bool = True) -> Register:
    """Everything the annual tables count for the area, read as plain rows in a few queries
    whatever the number of people: the cases with their people, the level history, custody,
    and for category 1 the convictions and revocations eligibility is evaluated from.

    MAPPA cases only: a potentially dangerous person's case (kind PDP) is not MAPPA and is in
    none of the tables (docs/pdp.md); one moved into MAPPA counts from its move."""
    mappa_cases = MappaCase.objects.filter(nominal__area=area, kind=CaseKind.MAPPA)
    people_ids = mappa_cases.values("nominal_id")
    cases = _CaseRow.fetch(mappa_cases)
    levels = defaultdict(list)
    for case_id, *change in LevelChange.objects.filter(case__in=mappa_cases).values_list(
        "case_id", "effective_from", "level"
    ):
        levels[case_id].append(tuple(change))
    custody = {case.nominal_id: [] for case in cases}
    for nominal_id, *period in CustodyPeriod.objects.filter(nominal_id__in=people_ids).values_list(
        "nominal_id", "started_on", "ended_on"
    ):
        custody[nominal_id].append(tuple(period))
    # Category 1 ends with the governing notification requirement on the year's last day
    # (`people.eligibility.notification_end_from_rows`, the same end as `notification_end`
    # without the reasons); a person with a category 1 case has that end
    # on each of their cases.
    convictions, revocations = eligibility.record_rows(
        mappa_cases.filter(category=1).values("nominal_id"),
        event_kinds=eligibility.ELIGIBILITY_EVENTS,
    )
    first = {case.nominal_id: case for case in cases if case.category == 1}
    ends = {
        nominal_id: eligibility.notification_end_from_rows(
            person,
            convictions=convictions[nominal_id],
            events=revocations[nominal_id],
            as_of=year_ending,
        )
        for nominal_id, person in first.items()
    }
    facts = [
        CaseFacts(
            person=case.nominal_id,
            category=case.category,
            start=case.start_date,
            closed=case.closed_on,
            levels=tuple(levels[case.id]),
            current_level=case.level,
            notification_end=ends.get(case.nominal_id),
            eligibility_end=case.licence_end_date,
        )
        for case in cases
    ]
    events = []
    if with_events:
        start, end = rules.year_of(year_ending)
        events = [
            EventFacts(person, kind, day)
            for person, kind, day in RecordedEvent.objects.filter(
                nominal__area=area, occurred_on__range=(start, end)
            ).values_list("nominal_id", "kind", "occurred_on")
        ]
    return Register(cases=facts, custody=custody, events=events)


def pdp_counts(area: Area, year_ending: date) -> dict[str, int]:
    """Potentially dangerous persons, beside (never in) the MAPPA tables (docs/pdp.md): managed
    as PDPs on 31 March, decided to be managed during the year, and moved into MAPPA during it."""
    start, end = rules.year_of(year_ending)
    steps = PdpDecision.objects.filter(case__nominal__area=area, made_on__range=(start, end))
    managed = MappaCase.objects.filter(
        nominal__area=area, kind=CaseKind.PDP, start_date__lte=end
    ).exclude(closed_on__lt=end)
    return {
        "managed_on_31_march": managed.count(),
        "decided_during_year": steps.filter(step=PdpStep.MANAGE).count(),
        "moved_to_mappa_during_year": steps.filter(step=PdpStep.MOVED_TO_MAPPA).count(),
    }


def annual_report(area: Area, year_ending: date) -> dict:
    """The contract's JSON for the area and the year ending on `year_ending`."""
    register = register_for(area, year_ending)
    return rules.annual_tables(
        register, area=area.code, year_ending=year_ending, population=area.population
    )


def as_json(report: dict) -> str:
    return json.dumps(report, indent=2) + "\n"


def flatten(report: dict) -> list[tuple[str, str, str, object]]:
    """The report as (table, row, column, value) rows; scalars have empty row and column."""
    rows: list[tuple[str, str, str, object]] = []
    for key, value in report.items():
        if key in ("area", "year"):
            continue
        if not isinstance(value, dict):
            rows.append((key, "", "", "" if value is None else value))
        elif all(isinstance(cell, dict) for cell in value.values()):
            rows += [(key, row, col, n) for row, cells in value.items() for col, n in cells.items()]
        else:
            rows += [(key, "", col, n) for col, n in value.items()]
    return rows


def as_csv(report: dict, marking_line: str) -> str:
    """One marking line, then a header and one row per figure: table, row, column, value."""
    out = io.StringIO()
    writer = csv_cells.writer(out, lineterminator="\n")
    writer.writerow([marking_line])
    writer.writerow(["area", "year_start", "year_end", "table", "row", "column", "value"])
    year = report["year"]
    for row in flatten(report):
        writer.writerow([report["area"], year["start"], year["end"], *row])
    return out.getvalue()

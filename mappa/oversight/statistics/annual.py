"""The annual statistics from the register: the area's cases, custody and events read into plain
facts for the counting rules (`rules.py`), and the report as JSON and CSV.

Category 1 and 2 end dates come from the eligibility rules evaluated on the year's last day:
category 1 ends with the governing notification requirement (or its discharge on review),
category 2 with the licence or order end date recorded on the person.
"""

from __future__ import annotations

import io
import json
from datetime import date

from django.db.models import Prefetch

from mappa import csv_cells
from mappa.agencies.models import Area
from mappa.cases.constants import CaseKind, PdpStep
from mappa.cases.models import MappaCase, PdpDecision
from mappa.offences import rules as eligibility_rules
from mappa.oversight import rules
from mappa.oversight.rules import CaseFacts, EventFacts, Register
from mappa.people.constants import EventKind
from mappa.people.eligibility import for_nominal
from mappa.people.models import Nominal, RecordedEvent


def _notification_end(nominal, day: date) -> date | None:
    """The last day of the person's governing notification requirement as of `day`, if it ends."""
    found = for_nominal(nominal, day)
    if found.category == 1 or found.notification is None:
        return found.eligibility_end_date if found.category == 1 else None
    revoked = [
        e.occurred_on
        for e in nominal.events.all()
        if e.kind == EventKind.LIFETIME_NOTIFICATION_REVOKED
    ]
    person = eligibility_rules.PersonFacts(
        date_of_birth=nominal.date_of_birth,
        release_date=nominal.release_date,
        licence_end_date=nominal.licence_end_date,
        lifetime_notification_revoked_on=min(revoked) if revoked else None,
    )
    return eligibility_rules.effective_end(found.notification, person)


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


def register_for(area: Area, year_ending: date, *, with_events: bool = True) -> Register:
    """Everything the annual tables count for the area, read in a handful of queries.

    MAPPA cases only: a potentially dangerous person's case (kind PDP) is not MAPPA and is in
    none of the tables (docs/pdp.md); one moved into MAPPA counts from its move."""
    mappa_cases = MappaCase.objects.filter(kind=CaseKind.MAPPA)
    nominals = (
        Nominal.objects.filter(area=area, mappa_cases__kind=CaseKind.MAPPA)
        .distinct()
        .prefetch_related(
            "convictions",
            "custody_periods",
            "events",
            Prefetch("mappa_cases", queryset=mappa_cases.prefetch_related("level_history")),
        )
    )
    cases, custody = [], {}
    for nominal in nominals:
        categories = {case.category for case in nominal.mappa_cases.all()}
        ends = _notification_end(nominal, year_ending) if 1 in categories else None
        for case in nominal.mappa_cases.all():
            case.nominal = nominal
            cases.append(case_facts(case, ends))
        custody[nominal.id] = [(p.started_on, p.ended_on) for p in nominal.custody_periods.all()]
    events = []
    if with_events:
        start, end = rules.year_of(year_ending)
        events = [
            EventFacts(person, kind, day)
            for person, kind, day in RecordedEvent.objects.filter(
                nominal__area=area, occurred_on__range=(start, end)
            ).values_list("nominal_id", "kind", "occurred_on")
        ]
    return Register(cases=cases, custody=custody, events=events)


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

"""The annual register as it was read before the row-based read (one ORM evaluation of
eligibility per nominal), kept only so the equivalence tests can compute the expected output
(test_annual_equivalence.py). Not a runtime path: nothing outside the tests imports it.

A copy of `statistics/annual.py` `register_for` and `_notification_end` at commit d8b8342.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch

from mappa.agencies.models import Area
from mappa.cases.constants import CaseKind
from mappa.cases.models import MappaCase
from mappa.offences import rules as eligibility_rules
from mappa.oversight import rules
from mappa.oversight.rules import CaseFacts, EventFacts, Register
from mappa.people.constants import EventKind
from mappa.people.eligibility import for_nominal
from mappa.people.models import Nominal, RecordedEvent


def _notification_end(nominal, day: date) -> date | None:
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


def _case_facts(case: MappaCase, notification_end: date | None) -> CaseFacts:
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


def register_for(area: Area, year_ending: date, *, with_events: bool = True) -> Register:
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
            cases.append(_case_facts(case, ends))
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


def annual_report(area: Area, year_ending: date) -> dict:
    register = register_for(area, year_ending)
    return rules.annual_tables(
        register, area=area.code, year_ending=year_ending, population=area.population
    )

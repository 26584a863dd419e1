"""The annual report read as plain rows (issue 19 item 2) gives what the ORM read it replaced gave:
the same register and the same JSON and CSV, on the contract fixtures (the hand-worked register
of test_annual_report.py with the demo area) and on a generated register with every category,
level and event kind, closed cases, second cases, a PDP and custody on the snapshot date.

The expected output comes from the code as it was (`orm_register.py`, test-only).
"""

import json
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate import generate
from mappa.agencies.models import Area
from mappa.cases.constants import CaseKind
from mappa.cases.models import MappaCase
from mappa.oversight import rules
from mappa.oversight.statistics import annual
from mappa.oversight.tests import orm_register
from mappa.people import services as register
from mappa.people.models import Nominal

YEARS = [date(2024, 3, 31), date(2025, 3, 31), date(2026, 3, 31), date(2026, 11, 21)]
EVENT_KINDS = [
    *rules.SCALAR_EVENTS.values(),
    *rules.RETURNS_TO_CUSTODY.values(),
    rules.SFO_CHARGED,
]
MARKING = "OFFICIAL-SENSITIVE. Issued to the test"


def assert_same(area: Area, year_ending: date) -> dict:
    new, old = annual.register_for(area, year_ending), orm_register.register_for(area, year_ending)
    assert sorted(new.cases, key=repr) == sorted(old.cases, key=repr)
    assert {person: list(periods) for person, periods in new.custody.items()} == old.custody
    assert sorted(new.events, key=repr) == sorted(old.events, key=repr)
    report, expected = (
        annual.annual_report(area, year_ending),
        orm_register.annual_report(area, year_ending),
    )
    assert annual.as_json(report) == annual.as_json(expected)
    assert annual.as_csv(report, MARKING) == annual.as_csv(expected, MARKING)
    return report


@pytest.mark.parametrize("year_ending", YEARS)
def test_the_contract_fixtures_give_the_same_report(loaded, year_ending):
    for area in Area.objects.all():
        assert_same(area, year_ending)


def test_the_contract_fixtures_give_the_hand_worked_report(loaded):
    from mappa.oversight.tests.test_annual_report import EXPECTED

    assert assert_same(Area.objects.get(code="DEMO"), date(2026, 3, 31)) == EXPECTED


def _vary_case(i: int, case: dict) -> None:
    if i % 23 == 3:  # category 3 is a decision, never at level 1
        case.update(category=3, level=2, level_history=[])
    elif i % 10 == 0 and case["category"] != 3:
        case["category"] = 4
    elif i % 13 == 0 and case["category"] != 3:
        case["category"] = None
    start = case["start_date"]
    if i % 5 == 1 and start < "2024-06-01":
        # level 1, level 2 from October 2024, level 3 from October 2025
        case["level"] = 3
        case["level_history"] = [
            {"level": 1 if case["category"] != 3 else 2, "from": start},
            {"level": 2, "from": "2024-10-01"},
            {"level": 3, "from": "2025-10-01"},
        ]
    elif i % 5 == 2 or case["category"] == 3:
        case["level"] = 2
        case["level_history"] = [{"level": 2, "from": start}]


def _varied(records: list[dict]) -> list[str]:
    """Generated records, varied so that every category, level and event kind is present."""
    lines = []
    for i, record in enumerate(records):
        if record.get("mappa"):
            _vary_case(i, record["mappa"])
        # areas alternate, so each area's records take every kind in turn, this year and last
        kind = EVENT_KINDS[i // 2 % len(EVENT_KINDS)]
        year = 2025 + (i // 2 // len(EVENT_KINDS)) % 2
        record.setdefault("events", []).append(
            {"kind": kind, "date": f"{year}-03-{1 + i % 28:02d}"}
        )
        if i % 9 == 0:  # revoked on review (matters to an indefinite requirement only)
            record["events"].append({"kind": "lifetime_notification_revoked", "date": "2025-06-01"})
        custody = record.setdefault("custody", {})
        if i % 11 == 0:  # back in custody on 31 March
            custody.setdefault("periods", []).append({"from": "2026-03-01"})
        elif i % 17 == 0:  # released on 31 March: in the community that day
            custody.setdefault("periods", []).append({"from": "2026-02-01", "to": "2026-03-31"})
        lines.append(json.dumps(record))
    return lines


@pytest.fixture
def generated(demo):
    records = list(generate(300, 5, "DEMO,OTHER"))
    register.import_nominals(actor=None, open_lines=lambda: _varied(records), source="test")
    cases = list(MappaCase.objects.filter(kind=CaseKind.MAPPA).order_by("nominal__crn"))
    for n, case in enumerate(cases[:40]):
        if n % 4 == 0:  # closed in the year
            MappaCase.objects.filter(id=case.id).update(closed_on=date(2025, 9, 30))
        elif n % 4 == 1:  # closed before it
            MappaCase.objects.filter(id=case.id).update(closed_on=date(2024, 1, 31))
        elif n % 4 == 2:  # an earlier case of the same person, closed, at level 2
            MappaCase.objects.create(
                nominal_id=case.nominal_id,
                category=2,
                level=2,
                start_date=date(2020, 1, 1),
                closed_on=(case.start_date or date(2021, 1, 1)) - timedelta(days=1),
            )
        else:  # closed, then managed as a potentially dangerous person: in no table
            MappaCase.objects.filter(id=case.id).update(closed_on=date(2024, 12, 31))
            MappaCase.objects.create(
                nominal_id=case.nominal_id, kind=CaseKind.PDP, start_date=date(2025, 1, 1)
            )
    return demo


def test_the_generated_register_has_everything_to_count(generated):
    report = orm_register.annual_report(Area.objects.get(code="DEMO"), date(2026, 3, 31))
    eligible = report["eligible_on_31_march"]
    for category in (1, 2, 3, 4):
        assert eligible[f"category_{category}"]["total"] > 0, category
    assert all(eligible["total"][f"level_{level}"] > 0 for level in (1, 2, 3))
    during = report["level_2_3_during_year"]["total"]
    assert during["level_2"] > 0 and during["level_3"] > 0
    assert all(report[key] > 0 for key in rules.SCALAR_EVENTS)
    for split in (
        *report["returned_to_custody"].values(),
        report["serious_further_offences_charged"],
    ):
        assert sum(split.values()) > 0
    assert MappaCase.objects.filter(category__isnull=True).exists()
    assert Nominal.objects.filter(events__kind="lifetime_notification_revoked").exists()


@pytest.mark.parametrize("year_ending", YEARS)
def test_the_generated_register_gives_the_same_report(generated, year_ending):
    for area in Area.objects.all():
        assert_same(area, year_ending)


def test_the_register_is_read_in_six_queries_whatever_its_size(generated):
    area = Area.objects.get(code="DEMO")
    with CaptureQueriesContext(connection) as queries:
        annual.register_for(area, date(2026, 3, 31))
    # cases with their people, level history, custody, convictions, revocations, events
    assert len(queries) <= 6, [q["sql"] for q in queries]
    assert MappaCase.objects.filter(nominal__area=area).count() > 100

"""`mappa report annual` from a register loaded through the import, every figure worked out by
hand: custody on 31 March, a notification ending before it, a level change in the year,
category to be determined, and events just inside and outside the year.
"""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mappa.agencies.models import Area
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.people import services as register

YEAR_ENDING = "2026-03-31"


def person(n: int, surname: str, **record) -> str:
    line = {
        "area": "DEMO",
        "external_ids": {"crn": f"T{n:06d}"},
        "name": {"forenames": "Test", "surname": surname},
        "date_of_birth": "1980-01-01",
    }
    return json.dumps(line | record)


LINES = [
    # Adams: category 1; SOA 2003 s.3 with 6 months' imprisonment on 1 March 2019 gives 7 years'
    # notification, ending 28 February 2026: at level 2 during the year, gone by 31 March.
    person(
        1,
        "Adams",
        offences=[
            {
                "offence": "SOA2003/s3",
                "outcome": "conviction",
                "date": "2019-03-01",
                "disposal": {"type": "imprisonment", "term_months": 6},
            }
        ],
        mappa={
            "category": 1,
            "level": 2,
            "lead_agency": "police",
            "start_date": "2019-09-01",
            "level_history": [{"level": 2, "from": "2019-09-01"}],
        },
        events=[{"kind": "shpo_imposed", "date": "2025-03-31"}],  # the day before the year
    ),
    # Baker: category 1 for life (rape, 8 years), level 1, back in custody since 1 March 2026.
    person(
        2,
        "Baker",
        offences=[
            {
                "offence": "SOA2003/s1",
                "outcome": "conviction",
                "date": "2010-05-01",
                "disposal": {"type": "imprisonment", "term_months": 96},
            }
        ],
        custody={"periods": [{"from": "2010-05-01", "to": "2014-05-01"}, {"from": "2026-03-01"}]},
        mappa={
            "category": 1,
            "level": 1,
            "lead_agency": "police",
            "start_date": "2014-05-01",
            "level_history": [{"level": 1, "from": "2014-05-01"}],
        },
        events=[{"kind": "notification_breach_sanction", "date": "2025-12-25"}],
    ),
    # Clark: category 2, level 1 then level 2 from 1 October 2025; licence to 2028.
    person(
        3,
        "Clark",
        offences=[
            {
                "offence": "OAPA1861/s18",
                "outcome": "conviction",
                "date": "2020-01-10",
                "disposal": {"type": "imprisonment", "term_months": 48},
            }
        ],
        custody={
            "periods": [{"from": "2020-01-10", "to": "2023-01-10"}],
            "release_date": "2023-01-10",
            "licence_end_date": "2028-01-09",
        },
        mappa={
            "category": 2,
            "level": 2,
            "lead_agency": "probation",
            "start_date": "2023-01-10",
            "level_history": [
                {"level": 1, "from": "2023-01-10"},
                {"level": 2, "from": "2025-10-01"},
            ],
        },
        events=[
            {"kind": "returned_to_custody_licence_breach", "date": "2025-04-01"},  # at level 1
            {"kind": "sfo_charged", "date": "2026-03-31"},  # last day, at level 2
            {"kind": "sfo_charged", "date": "2026-04-01"},  # the day after the year
        ],
    ),
    # Davis: category to be determined, at level 2: counted nowhere.
    person(
        4,
        "Davis",
        mappa={
            "category": None,
            "level": 2,
            "lead_agency": "police",
            "start_date": "2025-06-01",
            "level_history": [{"level": 2, "from": "2025-06-01"}],
        },
    ),
]

EXPECTED = {
    "area": "DEMO",
    "year": {"start": "2025-04-01", "end": "2026-03-31"},
    # Only Clark on 31 March (category 2, level 2): Adams's notification ended, Baker is in
    # custody, Davis's category is to be determined.
    "eligible_on_31_march": {
        "category_1": {"level_1": 0, "level_2": 0, "level_3": 0, "total": 0},
        "category_2": {"level_1": 0, "level_2": 1, "level_3": 0, "total": 1},
        "category_3": {"level_1": 0, "level_2": 0, "level_3": 0, "total": 0},
        "category_4": {"level_1": 0, "level_2": 0, "level_3": 0, "total": 0},
        "total": {"level_1": 0, "level_2": 1, "level_3": 0, "total": 1},
    },
    # No category 1 person on 31 March: 0 per 100,000 of the demo area's 1,200,000.
    "rso_per_100k_population": 0.0,
    # Level 2 in the year: Adams (category 1, until 28 February) and Clark (category 2).
    "level_2_3_during_year": {
        "category_1": {"level_2": 1, "level_3": 0},
        "category_2": {"level_2": 1, "level_3": 0},
        "category_3": {"level_2": 0, "level_3": 0},
        "category_4": {"level_2": 0, "level_3": 0},
        "total": {"level_2": 2, "level_3": 0},
    },
    "rso_notification_breach_sanctions": 1,
    "rso_lifetime_notification_revoked": 0,
    "shpos_imposed": 0,
    "shpos_with_foreign_travel_prohibition": 0,
    "notification_orders_imposed": 0,
    "sros_imposed": 0,
    "sro_breach_sanctions": 0,
    "returned_to_custody": {
        "licence_breach": {"level_1": 1, "level_2": 0, "level_3": 0},
        "order_breach": {"level_1": 0, "level_2": 0, "level_3": 0},
    },
    "serious_further_offences_charged": {"level_1": 0, "level_2": 1, "level_3": 0},
}


@pytest.fixture
def loaded(demo):
    register.import_nominals(actor=None, open_lines=lambda: LINES, source="test")
    return demo


def report(*args) -> str:
    out = StringIO()
    call_command(
        "report", "annual", "--area", "DEMO", "--year-ending", YEAR_ENDING, *args, stdout=out
    )
    return out.getvalue()


def test_the_json_matches_the_contract_and_the_hand_worked_tables(loaded):
    assert json.loads(report("--format", "json")) == EXPECTED


def test_json_is_the_default_and_the_export_is_audited(loaded):
    assert json.loads(report()) == EXPECTED
    event = AuditEvent.objects.get(event_type=EventType.STATISTICS_EXPORTED)
    assert event.payload == {"area": "DEMO", "year_ending": YEAR_ENDING, "format": "json"}
    assert event.area == Area.objects.get(code="DEMO")


def test_the_csv_has_the_marking_then_one_row_per_figure(loaded, tmp_path):
    out = tmp_path / "annual.csv"
    report("--format", "csv", "--out", str(out))
    lines = out.read_text().splitlines()
    assert lines[0].startswith("OFFICIAL-SENSITIVE. Issued to the mappa command line on ")
    assert lines[1] == "area,year_start,year_end,table,row,column,value"
    assert "DEMO,2025-04-01,2026-03-31,eligible_on_31_march,category_2,level_2,1" in lines
    assert "DEMO,2025-04-01,2026-03-31,rso_notification_breach_sanctions,,,1" in lines
    assert "DEMO,2025-04-01,2026-03-31,serious_further_offences_charged,,level_2,1" in lines
    assert "DEMO,2025-04-01,2026-03-31,returned_to_custody,licence_breach,level_1,1" in lines
    # 20 eligible cells, the rate, 10 level 2/3 cells, 7 counts, 6 returns, 3 SFO cells.
    assert len(lines) == 2 + 20 + 1 + 10 + 7 + 6 + 3


def test_an_unknown_area_or_date_is_an_error_with_its_reason(loaded):
    with pytest.raises(CommandError, match="no configured area has the code 'NOPE'"):
        call_command("report", "annual", "--area", "NOPE", "--year-ending", YEAR_ENDING)
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("report", "annual", "--area", "DEMO", "--year-ending", "31/03/2026")


def test_the_demo_areas_figures_come_from_its_demo_cases(db):
    from mappa.desk.services import load_demo

    load_demo()
    figures = json.loads(report())
    # Smith (category 1, level 2) and Hughes (category 2, level 3 since February) on 31 March;
    # Rahman (category 1, level 1); Cole is in custody and Walsh's case starts later.
    assert figures["eligible_on_31_march"]["total"]["level_2"] >= 1
    assert figures["level_2_3_during_year"]["category_2"] == {"level_2": 1, "level_3": 1}
    assert figures["area"] == "DEMO" and figures["year"]["start"] == "2025-04-01"

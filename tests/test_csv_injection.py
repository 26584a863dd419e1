"""Every CSV the service writes neutralises cells a spreadsheet would run as a formula
(OWASP, CSV Injection): the one rule in mappa/csv_cells.py, used by each export."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from mappa import csv_cells

HOSTILE = '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    ("value", "written"),
    [
        # OWASP CSV Injection: a leading = + - @ TAB or CR starts a formula; prefix a quote.
        (HOSTILE, "'" + HOSTILE),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-fred", "'-fred"),
        # Numbers are data: as Python numbers, or text that is wholly a decimal number.
        (-5, -5),
        (-2.5, -2.5),
        (Decimal("-12.75"), Decimal("-12.75")),
        ("-5", "-5"),
        ("+12.5", "+12.5"),
        # Anything else is written as it is.
        ("Smith", "Smith"),
        ("O'Brien-Smith", "O'Brien-Smith"),
        ("a=b", "a=b"),
        ("", ""),
        (None, None),
        (date(2026, 4, 1), "2026-04-01"),
    ],
)
def test_a_cell_is_neutralised_only_when_it_would_start_a_formula(value, written):
    assert csv_cells.cell(value) == written


def _cells(text: str) -> list[str]:
    return [value for line in csv.reader(io.StringIO(text)) for value in line]


def test_the_writer_and_the_dict_writer_neutralise_every_cell():
    out = io.StringIO()
    csv_cells.writer(out).writerows([["=1", "ok"], ["@x", -5]])
    table = io.StringIO()
    writer = csv_cells.DictWriter(table, fieldnames=["a"])
    writer.writeheader()
    writer.writerows([{"a": "+x"}])
    assert _cells(out.getvalue()) == ["'=1", "ok", "'@x", "-5"]
    assert _cells(table.getvalue()) == ["a", "'+x"]


@pytest.fixture
def hostile_case_list(db, settings, tmp_path):
    """A published MASH case list whose one person has a formula for a surname."""
    from mappa.desk.services import load_demo
    from mappa.people.models import Nominal
    from mappa.safeguarding.tests.factories import published_list

    settings.MAPPA_MASH_UPLOAD_DIR = tmp_path / "uploads"
    users = {user.username: user for user in load_demo()}
    Nominal.objects.filter(crn="X123456").update(surname=HOSTILE)
    return users, published_list(users)


def test_the_mash_case_list_page_download_neutralises_a_formula_surname(
    hostile_case_list, settings
):
    from mappa.safeguarding.tests.test_named_persons import client_for

    _, case_list = hostile_case_list
    response = client_for("mash.manager", settings).get(
        f"/mash/case-lists/{case_list.id}/export.csv"
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["surname"] == "'" + HOSTILE


def test_the_case_list_command_neutralises_a_formula_surname(hostile_case_list, tmp_path):
    out = tmp_path / "list.csv"
    call_command("case_list", "export", "--user", "mash.manager", "--out", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows[0]["surname"] == "'" + HOSTILE
    assert set(rows[0]) >= {"case_id", "forenames", "surname", "date_of_birth"}


def test_the_mash_check_matches_neutralise_what_the_extract_holds(tmp_path):
    from mappa.linkage import output

    candidate = SimpleNamespace(
        case_id="c-1",
        record_id="SC-1",
        match_kind="person",
        probability_text="0.9876",
        case_status="open",
        allocated_worker=HOSTILE,
    )
    path = tmp_path / "matches.csv"
    output.write_matches(path, [candidate])
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    assert list(rows[0]) == list(output.COLUMNS)
    assert rows[0]["allocated_worker"] == "'" + HOSTILE
    assert rows[0]["match_probability"] == "0.9876"


def test_the_ndelius_registrations_export_neutralises_a_formula_crn():
    from mappa.cases import registrations

    text = registrations.write(
        [
            registrations.Registration(
                crn=HOSTILE, category=1, level=2, start_date=date(2026, 1, 5), review_date=None
            )
        ]
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][0] == "'" + HOSTILE
    assert rows[1][4] == "2026-01-05"


def test_the_annual_statistics_csv_neutralises_text_and_keeps_numbers():
    from mappa.oversight.statistics import annual

    report = {
        "area": HOSTILE,
        "year": {"start": "2025-04-01", "end": "2026-03-31"},
        "a_table": {"@row": {"column": -3}},
    }
    rows = list(csv.reader(io.StringIO(annual.as_csv(report, "OFFICIAL-SENSITIVE"))))
    assert rows[2] == [
        "'" + HOSTILE,
        "2025-04-01",
        "2026-03-31",
        "a_table",
        "'@row",
        "column",
        "-3",
    ]


def test_an_indicator_csv_neutralises_a_formula_in_any_cell():
    from mappa.oversight.indicators import definitions as indicators

    result = SimpleNamespace(headings=["agency", "count"], rows=[[HOSTILE, 4], ["-x", None]])
    rows = list(csv.reader(io.StringIO(indicators.as_csv(result, "OFFICIAL-SENSITIVE"))))
    assert rows[2:] == [["'" + HOSTILE, "4"], ["'-x", ""]]


def test_the_marac_statistics_csv_neutralises_a_formula_agency_name():
    from mappa.marac import statistics

    stats = statistics.Statistics(
        start=date(2026, 4, 1),
        end=date(2026, 6, 30),
        heard=2,
        repeats=1,
        with_children=0,
        referrals=1,
        by_agency=[(HOSTILE, "police", 1)],
    )
    text = statistics.as_csv(
        stats, area_name="+Demo", recipient="@someone", produced_at=datetime(2026, 7, 1, 9, 0)
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[-1] == ["referrals_by_agency", "'" + HOSTILE, "1"]
    assert rows[1][0].startswith("MARAC statistics for +Demo")  # not at the start: left alone
    assert ["repeat_rate_percent", "", "50.0"] in rows

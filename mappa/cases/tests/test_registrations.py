"""nDelius-coded MAPPA registrations in CSV: all or nothing, and a round trip."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo
from mappa.people.models import Nominal

pytestmark = pytest.mark.django_db

HEADER = "crn,register_type,category,level,start_date,review_date\n"


@pytest.fixture
def register(db):
    load_demo()  # the demo people, with their cases


def export(tmp_path) -> str:
    path = tmp_path / "registrations.csv"
    call_command("export", "registrations", "--area", "DEMO", "--out", str(path), stderr=StringIO())
    return path.read_text()


def run_import(tmp_path, text: str) -> str:
    path = tmp_path / "in.csv"
    path.write_text(text)
    out = StringIO()
    call_command("import", "registrations", str(path), stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_an_export_imports_back_as_the_same_cases(register, tmp_path):
    before = list(MappaCase.objects.order_by("id").values())
    text = export(tmp_path)
    assert text.startswith(HEADER)
    assert "X123456,MAPP,M1,M2,2022-06-01,2026-12-08" in text
    assert run_import(tmp_path, text) == "0 cases created, 0 updated, 5 unchanged"
    assert list(MappaCase.objects.order_by("id").values()) == before


def test_a_registration_changes_the_level_and_records_it(register, tmp_path):
    result = run_import(tmp_path, HEADER + "X123456,MAPP,M1,M3,2022-06-01,2026-12-08\n")
    assert result == "0 cases created, 1 updated, 0 unchanged"
    case = MappaCase.objects.get(nominal__crn="X123456")
    assert case.level == 3
    assert list(case.level_history.values_list("level", flat=True)) == [2, 3]
    assert AuditEvent.objects.filter(event_type=EventType.REGISTRATIONS_IMPORTED).exists()


def test_a_registration_for_someone_without_a_case_creates_one(register, tmp_path):
    nominal = Nominal.objects.get(crn="X123456")
    MappaCase.objects.filter(nominal=nominal).delete()
    assert (
        run_import(tmp_path, HEADER + "X123456,MAPP,X9,M0,2026-11-01,\n")
        == "1 cases created, 0 updated, 0 unchanged"
    )
    case = MappaCase.objects.get(nominal=nominal)
    assert (case.category, case.level) == (None, None)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (
            "X123456,MAPP,M3,M1,2022-06-01,",
            "line 2: level: a category 3 case cannot be managed at level 1",
        ),
        ("X123456,RSO,M1,M2,2022-06-01,", "line 2: register_type: must be MAPP"),
        ("X123456,MAPP,M7,M2,2022-06-01,", "line 2: category: unknown MAPPA category code 'M7'"),
        (
            "X123456,MAPP,M1,M2,2022-02-30,",
            "line 2: start_date: '2022-02-30' is not a real date in the form YYYY-MM-DD",
        ),
        (
            "X999999,MAPP,M1,M2,2022-06-01,",
            "line 2: crn: no nominal on the register has the CRN 'X999999'",
        ),
    ],
)
def test_a_bad_row_is_refused_and_nothing_changes(register, tmp_path, row, problem):
    before = list(MappaCase.objects.order_by("id").values())
    path = tmp_path / "in.csv"
    path.write_text(HEADER + "X234567,MAPP,M2,M2,2025-08-15,2026-12-01\n" + row + "\n")
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import", "registrations", str(path), stdout=StringIO(), stderr=err)
    assert err.getvalue().splitlines()[0].startswith(problem.replace("line 2", "line 3"))
    assert list(MappaCase.objects.order_by("id").values()) == before


def test_a_file_without_the_columns_is_refused(register, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("crn,category\nX123456,M1\n")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import", "registrations", str(path), stdout=StringIO(), stderr=err)
    assert (
        "line 1: header: missing column(s) register_type, level, start_date, review_date"
        in err.getvalue()
    )

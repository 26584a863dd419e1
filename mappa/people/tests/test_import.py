"""`mappa import nominals`: all-or-nothing, idempotent, every problem named (nominal-import.md)."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.offences.models import Conviction
from mappa.people.models import Address, Alias, Association, Nominal
from mappa.people.tests.records import jsonl, record

pytestmark = pytest.mark.django_db


def run_import(tmp_path, text: str) -> tuple[str, str]:
    path = tmp_path / "nominals.jsonl"
    path.write_text(text)
    out, err = StringIO(), StringIO()
    call_command("import", "nominals", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def rejected(tmp_path, text: str) -> list[str]:
    path = tmp_path / "nominals.jsonl"
    path.write_text(text)
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import", "nominals", str(path), stdout=StringIO(), stderr=err)
    assert not Nominal.objects.exists()
    return err.getvalue().splitlines()


def written_only_where_recorded(tmp_path, field: str, recorded: dict):
    """Import `recorded` (its first offence holding `field`) beside `record(2)` (without it),
    export the area, check the export leaves `field` out of `record(2)`'s offence and that
    importing the export changes nothing; the value the export wrote for `recorded`."""
    run_import(tmp_path, jsonl([recorded, record(2)]))
    exported = tmp_path / "export.jsonl"
    call_command("export", "nominals", "--area", "DEMO", "--out", str(exported), stderr=StringIO())
    offences = {
        line["external_ids"]["crn"]: line["offences"][0]
        for line in map(json.loads, exported.read_text().splitlines())
    }
    assert field not in offences[record(2)["external_ids"]["crn"]]
    out, _ = run_import(tmp_path, exported.read_text())
    assert out.strip() == "0 nominals created, 0 updated, 2 unchanged"
    return offences[recorded["external_ids"]["crn"]][field]


def test_it_imports_the_contracts_example_record(demo, tmp_path):
    out, _ = run_import(tmp_path, jsonl([record(1)]))
    assert out.strip() == "1 nominals created, 0 updated, 0 unchanged"
    nominal = Nominal.objects.get()
    assert (nominal.forenames, nominal.surname, nominal.area.code) == ("John Paul", "Smith", "DEMO")
    assert nominal.pnc == "2019/0000001X" and nominal.licence_end_date.isoformat() == "2023-03-13"
    assert Alias.objects.get().forenames == "Johnny"
    assert Address.objects.get(nominal=nominal).postcode_key == "MK428PP"
    assert Association.objects.get().relationship == "child"
    conviction = Conviction.objects.get()
    assert (conviction.offence_code, float(conviction.term_months), conviction.is_index) == (
        "SOA2003/s3",
        18.0,
        True,
    )
    case = MappaCase.objects.get()
    assert (case.category, case.level, case.lead_agency) == (1, 2, "probation")
    assert case.level_history.get().level == 2
    event = AuditEvent.objects.get(event_type=EventType.NOMINALS_IMPORTED)
    assert event.payload == {
        "source": str(tmp_path / "nominals.jsonl"),
        "created": 1,
        "updated": 0,
        "unchanged": 0,
    }


def test_importing_the_same_file_twice_creates_nothing_new(demo, tmp_path):
    text = jsonl([record(n) for n in range(1, 6)])
    run_import(tmp_path, text)
    ids = set(Association.objects.values_list("id", flat=True))
    out, _ = run_import(tmp_path, text)
    assert out.strip() == "0 nominals created, 0 updated, 5 unchanged"
    assert Nominal.objects.count() == 5
    assert set(Association.objects.values_list("id", flat=True)) == ids


def test_a_changed_record_updates_the_nominal_it_matches_by_identifier(demo, tmp_path):
    run_import(tmp_path, jsonl([record(1)]))
    case = MappaCase.objects.get()
    changed = record(1, ethnicity="White Irish")
    changed["external_ids"] = {"crn": "X000001"}  # matched by CRN alone
    changed["mappa"] = dict(
        changed["mappa"],
        level=3,
        level_history=[{"level": 2, "from": "2022-06-01"}, {"level": 3, "from": "2023-01-10"}],
    )
    out, _ = run_import(tmp_path, jsonl([changed]))
    assert out.strip() == "0 nominals created, 1 updated, 0 unchanged"
    nominal = Nominal.objects.get()
    assert nominal.ethnicity == "White Irish"
    assert (
        MappaCase.objects.get().id == case.id
    )  # the case keeps its identity (and its access grants)
    assert MappaCase.objects.get().level == 3
    assert list(case.level_history.values_list("level", flat=True)) == [2, 3]


def test_one_bad_line_among_a_thousand_writes_nothing_and_names_the_line_and_field(demo, tmp_path):
    lines = [record(n) for n in range(1, 1001)]
    lines[736]["offences"][0]["disposal"] = {"type": "imprisonment"}
    problems = rejected(tmp_path, jsonl(lines))
    assert problems == ["line 737: offences[0].disposal.term_months: required for imprisonment"]
    assert not AuditEvent.objects.filter(event_type=EventType.NOMINALS_IMPORTED).exists()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"area": "NOWHERE"}, "line 1: area: no configured area has the code 'NOWHERE'"),
        (
            {"date_of_birth": "1984-02-30"},
            "line 1: date_of_birth: Input should be a valid date in the format YYYY-MM-DD, day value is outside expected range",
        ),
        ({"nickname": "JP"}, "line 1: nickname: unknown field"),
        (
            {"gender": "m"},
            "line 1: gender: Input should be 'male', 'female', 'non_binary' or 'not_known'",
        ),
        (
            {"name": {"surname": "Smith"}, "aliases": []},
            "line 1: name.forenames: give forenames or at least one alias",
        ),
        ({"name": {"forenames": "John"}}, "line 1: name.surname: Field required"),
        (
            {
                "offences": [
                    {"offence": "XYZ1999/s1", "outcome": "conviction", "date": "2020-01-01"}
                ]
            },
            "line 1: offences[0].offence: unknown offence code 'XYZ1999/s1'",
        ),
        (
            {"mappa": {"category": 3, "level": 1}},
            "line 1: mappa.level: a category 3 case cannot be managed at level 1",
        ),
    ],
)
def test_a_bad_record_is_refused_with_its_line_field_and_reason(demo, tmp_path, change, problem):
    assert rejected(tmp_path, jsonl([record(1, **change)])) == [problem]


def test_lines_that_are_not_json_objects_are_refused(demo, tmp_path):
    problems = rejected(tmp_path, jsonl([record(1)]) + "not json\n[]\n")
    assert problems[0].startswith("line 2: (record): Invalid JSON")
    assert problems[1] == "line 3: (record): Input should be an object"


def test_two_lines_with_the_same_identifier_are_refused(demo, tmp_path):
    first, second = record(1), record(2)
    second["external_ids"]["pnc"] = first["external_ids"]["pnc"]
    assert rejected(tmp_path, jsonl([first, second])) == [
        "line 2: external_ids.pnc: '2019/0000001X' is also on line 1"
    ]


def test_every_problem_in_the_file_is_listed(demo, tmp_path):
    lines = [record(1, gender="x"), record(2), record(3, area="NOWHERE")]
    problems = rejected(tmp_path, jsonl(lines))
    assert [problem.split(":")[0] for problem in problems] == ["line 1", "line 3"]


def test_it_reads_standard_input(demo, monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO(jsonl([record(1), record(2)])))
    out = StringIO()
    call_command("import", "nominals", "-", stdout=out, stderr=StringIO())
    assert out.getvalue().strip() == "2 nominals created, 0 updated, 0 unchanged"


def test_an_export_imports_back_unchanged(demo, tmp_path):
    run_import(tmp_path, jsonl([record(n) for n in range(1, 4)]))
    exported = tmp_path / "export.jsonl"
    call_command("export", "nominals", "--area", "DEMO", "--out", str(exported), stderr=StringIO())
    lines = exported.read_text().splitlines()
    assert len(lines) == 3
    assert json.loads(lines[0])["name"] == {"forenames": "John Paul", "surname": "Smith"}
    out, _ = run_import(tmp_path, exported.read_text())
    assert out.strip() == "0 nominals created, 0 updated, 3 unchanged"


def test_a_missing_file_is_a_clear_error(demo):
    with pytest.raises(CommandError, match="no-such-file.jsonl: no such file"):
        call_command("import", "nominals", "no-such-file.jsonl")

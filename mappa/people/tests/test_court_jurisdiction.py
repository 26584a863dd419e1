"""The optional `offences[].court_jurisdiction` (docs/decisions/0013).

CJA 2003 s.327(3)(a) asks for a conviction "by a court in England or Wales", s.327(4)(a) for a
finding by a court in England and Wales. The contract's format has no court, so the field is
optional and England and Wales when absent; an export writes it only where it differs, so files
and exports written before it are unchanged.
"""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from mappa.people.eligibility import for_nominal
from mappa.people.models import Nominal
from mappa.people.tests.pages import with_version
from mappa.people.tests.records import jsonl, record
from mappa.people.tests.test_import import rejected, run_import

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 11, 21)


def wounding(court: str | None = None) -> dict:
    offence = {
        "offence": "OAPA1861/s18",
        "outcome": "conviction",
        "date": "2021-09-14",
        "disposal": {"type": "imprisonment", "term_months": 48},
    }
    return offence if court is None else offence | {"court_jurisdiction": court}


def export(tmp_path) -> dict:
    out = tmp_path / "export.jsonl"
    call_command("export", "nominals", "--area", "DEMO", "--out", str(out), stderr=StringIO())
    [line] = [x for x in out.read_text().splitlines() if '"X000001"' in x]
    return json.loads(line)


# s.327(3)(a): only a conviction by a court in England and Wales counts for category 2
@pytest.mark.parametrize(
    "court, category",
    [(None, 2), ("england_and_wales", 2), ("scotland", None), ("outside_uk", None)],
)
def test_the_court_decides_category_2(demo, tmp_path, court, category):
    run_import(tmp_path, jsonl([record(1, offences=[wounding(court)], custody=None)]))
    assert for_nominal(Nominal.objects.get(), AS_OF).category == category


def test_an_unknown_court_is_refused_naming_the_field(demo, tmp_path):
    [problem] = rejected(tmp_path, jsonl([record(1, offences=[wounding("wales_only")])]))
    assert problem.startswith("line 1: offences[0].court_jurisdiction: Input should be ")
    assert not Nominal.objects.exists()


def test_a_court_elsewhere_round_trips_and_england_and_wales_is_left_out(demo, tmp_path):
    offences = [wounding("northern_ireland"), wounding("england_and_wales"), wounding()]
    run_import(tmp_path, jsonl([record(1, offences=offences)]))
    written = [o.get("court_jurisdiction") for o in export(tmp_path)["offences"]]
    assert sorted(written, key=str) == [None, None, "northern_ireland"]
    assert sum("court_jurisdiction" in o for o in export(tmp_path)["offences"]) == 1
    export(tmp_path)
    output, _ = run_import(tmp_path, (tmp_path / "export.jsonl").read_text())
    assert "0 nominals created, 0 updated" in output, output


def test_the_conviction_form_records_the_court(signed_in, demo, tmp_path):
    run_import(tmp_path, jsonl([record(1, offences=[], custody=None)]))
    nominal = Nominal.objects.get()
    fields = {
        "offence": "OAPA1861/s18",
        "outcome": "conviction",
        "date": "1/3/2024",
        "disposal_type": "imprisonment",
        "term_months": "24",
        "court_jurisdiction": "scotland",
    }
    response = signed_in("probation.om").post(
        f"/people/{nominal.id}/conviction/", with_version(nominal, fields)
    )
    assert response.status_code == 302, response.content
    assert nominal.convictions.get(offence_code="OAPA1861/s18").court_jurisdiction == "scotland"
    assert for_nominal(nominal, AS_OF).category is None

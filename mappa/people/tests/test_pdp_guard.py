"""The register never writes a MAPPA category and level onto a potentially dangerous person's case
(docs/pdp.md, "The register"): a whole-record PUT or PATCH with a `mappa` section is refused, a
registrations import naming the person is refused whole, and a nominal import leaves the PDP as it
is and says so."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.cases.tests.factories import create_nominal
from mappa.desk.services import load_demo
from mappa.people.models import Nominal
from mappa.people.tests.records import BASE, jsonl, record

pytestmark = pytest.mark.django_db

MAPPA = BASE["mappa"]


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def etag_and_body(nominal) -> tuple[str, dict]:
    response = api("police.ppu").get(f"/api/v1/nominals/{nominal.id}/")
    return response["ETag"], response.json()


@pytest.fixture
def pdp(db) -> MappaCase:
    """A person proposed as a PDP by the police, through the API."""
    load_demo()
    person = create_nominal()
    etag, _ = etag_and_body(person)
    response = api("police.ppu").post(
        f"/api/v1/nominals/{person.id}/pdp/",
        {"grounds": "Threats to kill a former partner"},
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 201, response.content
    return MappaCase.objects.get(id=response.json()["id"])


def unchanged(case: MappaCase) -> None:
    again = MappaCase.objects.get(id=case.id)
    assert (again.kind, again.category, again.level, again.closed_on) == ("pdp", None, None, None)
    assert not again.level_history.exists()
    assert MappaCase.objects.filter(nominal_id=case.nominal_id).count() == 1


def refused_naming_the_pdp(response, case) -> None:
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == ["mappa"]
    message = errors[0]["message"]
    assert "potentially dangerous person" in message and "Manage under MAPPA" in message
    assert f"/cases/{case.id}/pdp/mappa/" in message


def test_a_put_with_a_mappa_section_onto_a_pdp_is_refused_and_changes_nothing(pdp):
    etag, body = etag_and_body(pdp.nominal)
    assert body["mappa"] is None  # a PDP is not the record's MAPPA case
    body["mappa"] = MAPPA
    body["ethnicity"] = "Changed too"
    response = api("police.ppu").put(
        f"/api/v1/nominals/{pdp.nominal_id}/",
        body,
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )
    refused_naming_the_pdp(response, pdp)
    unchanged(pdp)
    person = Nominal.objects.get(id=pdp.nominal_id)
    assert person.ethnicity != "Changed too" and f'"{person.version}"' == etag


def test_a_patch_of_the_mappa_section_onto_a_pdp_is_refused(pdp):
    etag, _ = etag_and_body(pdp.nominal)
    response = api("police.ppu").patch(
        f"/api/v1/nominals/{pdp.nominal_id}/",
        {"mappa": MAPPA},
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )
    refused_naming_the_pdp(response, pdp)
    unchanged(pdp)


def test_a_put_without_a_mappa_section_still_changes_a_pdp_persons_record(pdp):
    etag, body = etag_and_body(pdp.nominal)
    body["ethnicity"] = "White Irish"
    response = api("police.ppu").put(
        f"/api/v1/nominals/{pdp.nominal_id}/",
        body,
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    assert Nominal.objects.get(id=pdp.nominal_id).ethnicity == "White Irish"
    unchanged(pdp)


HEADER = "crn,register_type,category,level,start_date,review_date\n"


def import_registrations(tmp_path, text: str) -> str:
    path = tmp_path / "registrations.csv"
    path.write_text(text)
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import", "registrations", str(path), stdout=StringIO(), stderr=err)
    return err.getvalue()


def test_a_registrations_import_naming_a_pdp_is_refused_whole(pdp, tmp_path):
    other = MappaCase.objects.get(nominal__crn="X123456", closed_on__isnull=True)
    text = HEADER + "X123456,MAPP,M1,M3,2022-06-01,2026-12-08\n"
    text += f"{pdp.nominal.crn},MAPP,M2,M2,2024-01-01,2026-12-08\n"
    problems = import_registrations(tmp_path, text)
    assert f"line 3: crn: {pdp.nominal.crn}: this person is managed as a potentially dangerous" in (
        problems
    )
    assert f"Manage under MAPPA, /cases/{pdp.id}/pdp/mappa/" in problems
    unchanged(pdp)
    assert MappaCase.objects.get(id=other.id).level == other.level  # all or nothing
    assert not AuditEvent.objects.filter(event_type=EventType.REGISTRATIONS_IMPORTED).exists()


def test_a_nominal_import_leaves_the_pdp_untouched_and_says_so(pdp, tmp_path):
    line = record(7) | {"external_ids": {"crn": pdp.nominal.crn}}
    path = tmp_path / "nominals.jsonl"
    path.write_text(jsonl([line, record(8)]))
    out = StringIO()
    call_command("import", "nominals", str(path), stdout=out, stderr=StringIO())
    lines = out.getvalue().splitlines()
    assert lines[0] == "1 nominals created, 1 updated, 0 unchanged"
    assert lines[1] == (
        f"nominal {pdp.nominal_id}: managed as a potentially dangerous person; the record's "
        f"mappa section was not applied to the PDP case (Manage under MAPPA, "
        f"/cases/{pdp.id}/pdp/mappa/)"
    )
    person = Nominal.objects.get(id=pdp.nominal_id)
    assert (person.forenames, person.surname) == ("John Paul", "Smith")  # the rest is written
    unchanged(pdp)
    created = MappaCase.objects.get(nominal__crn="X000008")
    assert (created.category, created.level) == (1, 2)  # other people's cases as before
    event = AuditEvent.objects.filter(event_type=EventType.NOMINALS_IMPORTED).latest("sequence")
    assert (event.payload["created"], event.payload["updated"]) == (1, 1)

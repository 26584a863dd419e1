"""The register in the API: scoped, with eligibility as the contract defines it."""

import json
import uuid

import pytest
from django.test import Client

from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.people import services
from mappa.people.import_format import NominalRecord
from mappa.people.models import Nominal
from mappa.people.tests.records import record

pytestmark = pytest.mark.django_db


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


@pytest.fixture
def smith(demo) -> Nominal:
    data = NominalRecord.model_validate_json(json.dumps(record(1)))
    return services.save_nominal(actor=demo["coordinator"], record=data, via="test")


def test_it_returns_a_nominal_with_eligibility_as_the_contract_defines(smith):
    response = api("probation.om").get(f"/api/v1/nominals/{smith.id}/", {"as_of": "2026-11-21"})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(smith.id)
    assert body["name"] == {"forenames": "John Paul", "surname": "Smith"}
    assert body["date_of_birth"] == "1984-03-02"
    assert body["external_ids"] == {"pnc": "2019/0000001X", "crn": "X000001", "noms": "A0001BC"}
    # Sexual assault of a 15-year-old, 18 months' imprisonment: Sch.3 para 18; s.82 10 years.
    assert body["eligibility"]["category"] == 1
    assert body["eligibility"]["notification"] == {
        "period": "P10Y",
        "start_date": "2021-09-14",
        "end_date": "2031-09-13",
    }
    assert body["eligibility"]["eligibility_end_date"] == "2031-09-13"
    assert "s.82" in body["eligibility"]["basis"]
    assert body["mappa"] == {
        "category": 1,
        "level": 2,
        "lead_agency": "probation",
        "start_date": "2022-06-01",
        "next_review_due": "2022-09-21",
        "level_history": [{"level": 2, "from": "2022-06-01"}],
    }


def test_eligibility_is_evaluated_on_the_as_of_date(smith):
    before = (
        api("probation.om").get(f"/api/v1/nominals/{smith.id}/", {"as_of": "2021-09-13"}).json()
    )
    after = api("probation.om").get(f"/api/v1/nominals/{smith.id}/", {"as_of": "2031-09-14"}).json()
    assert before["eligibility"]["category"] is None
    assert after["eligibility"]["category"] is None
    assert after["eligibility"]["notification"]["end_date"] == "2031-09-13"


def test_an_impossible_as_of_date_is_a_400_naming_the_field(smith):
    response = api("probation.om").get(f"/api/v1/nominals/{smith.id}/", {"as_of": "2026-02-30"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "as_of"


def test_reading_a_nominal_is_audited(smith, demo):
    api("police.ppu").get(f"/api/v1/nominals/{smith.id}/")
    read = AuditEvent.objects.get(event_type=EventType.CASE_CONTENT_READ)
    assert (read.actor, read.subject) == (demo["police.ppu"], smith.id)


@pytest.mark.parametrize("username", ["outsider.police", "housing.officer"])
def test_people_outside_the_scope_get_404_and_an_empty_list(smith, username):
    client = api(username)
    detail = client.get(f"/api/v1/nominals/{smith.id}/")
    assert detail.status_code == 404
    assert detail.json() == client.get(f"/api/v1/nominals/{uuid.uuid4()}/").json()
    listed = client.get("/api/v1/nominals/", {"name": "John Smith"}).json()
    assert listed["count"] == 0 and listed["results"] == []


@pytest.mark.parametrize(
    "username, status",
    [("lay.adviser", 404), ("sysadmin", 403), ("mash.manager", 403), ("smb.member", 404)],
)
def test_roles_that_see_no_case_content_are_refused_the_register(smith, username, status):
    # Lay advisers and SMB members see aggregates only: to them case content does not exist.
    assert api(username).get(f"/api/v1/nominals/{smith.id}/").status_code == status
    assert api(username).get("/api/v1/nominals/").status_code == status


def test_a_dtc_user_without_a_grant_gets_404_exactly_as_for_a_missing_nominal(smith):
    client = api("housing.officer")
    assert client.get(f"/api/v1/nominals/{smith.id}/").status_code == 404
    assert client.get("/api/v1/nominals/", {"pnc": "2019/0000001X"}).json()["count"] == 0


def test_a_grant_on_the_case_lets_a_dtc_user_see_the_nominal(smith, demo):
    case = smith.mappa_cases.get()
    access.grant_case_access(
        actor=demo["coordinator"],
        case=case.id,
        reason=AccessReason.MEETING_INVITATION,
        grantee_user=demo["housing.officer"],
    )
    client = api("housing.officer")
    assert client.get(f"/api/v1/nominals/{smith.id}/").status_code == 200
    assert client.get("/api/v1/nominals/").json()["count"] == 1


def test_the_list_filters_by_identifier_and_name(smith, demo):
    other = NominalRecord.model_validate_json(
        json.dumps(record(2, name={"forenames": "Aaron", "surname": "Okafor"}, aliases=[]))
    )
    services.save_nominal(actor=demo["coordinator"], record=other, via="test")
    client = api("coordinator")
    assert client.get("/api/v1/nominals/").json()["count"] == 2
    assert [
        n["name"]["surname"]
        for n in client.get("/api/v1/nominals/", {"crn": "x000001"}).json()["results"]
    ] == ["Smith"]
    assert [
        n["name"]["surname"]
        for n in client.get("/api/v1/nominals/", {"name": "okafor aaron"}).json()["results"]
    ] == ["Okafor"]


def test_a_nominal_is_created_from_a_record_and_audited(demo):
    response = api("probation.om").post(
        "/api/v1/nominals/", json.dumps(record(5)), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    created = Nominal.objects.get(crn="X000005")
    assert response.json()["id"] == str(created.id)
    assert AuditEvent.objects.get(event_type=EventType.NOMINAL_CREATED).subject == created.id


def test_a_bad_record_is_refused_with_field_errors_and_nothing_written(demo):
    bad = record(5, gender="m")
    bad["offences"][0]["offence"] = "NOPE/s1"
    response = api("probation.om").post(
        "/api/v1/nominals/", json.dumps(bad), content_type="application/json"
    )
    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert "gender" in fields
    assert not Nominal.objects.exists()


def test_malformed_json_is_a_400_not_a_500(demo):
    response = api("probation.om").post(
        "/api/v1/nominals/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]


def test_a_record_for_another_area_is_refused(demo):
    response = api("probation.om").post(
        "/api/v1/nominals/", json.dumps(record(5, area="OTHER")), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "area", "message": "you can add and change nominals only in your own area"}
    ]


def test_an_update_replaces_the_record(smith):
    changed = record(1, ethnicity="White Irish")
    response = api("probation.om").put(
        f"/api/v1/nominals/{smith.id}/",
        json.dumps(changed),
        content_type="application/json",
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 200, response.content
    smith.refresh_from_db()
    assert smith.ethnicity == "White Irish"
    assert AuditEvent.objects.get(event_type=EventType.NOMINAL_UPDATED).payload == {
        "via": "api",
        "fields": ["ethnicity"],
    }


def test_a_role_without_edit_rights_cannot_create(demo):
    response = api("chair.police").post(
        "/api/v1/nominals/", json.dumps(record(5)), content_type="application/json"
    )
    assert response.status_code == 403

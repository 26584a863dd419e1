"""Transfers and stays in the JSON API, with If-Match as `/decisions/` has it: the case's ETag to
request a transfer or notify a stay, the transfer's own ETag for each step after (docs/transfers.md)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


@pytest.fixture
def case(db, settings):
    settings.MAPPA_SITE_URL = "https://mappa.example"
    load_demo()
    return MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")


REQUEST = {
    "to_area": "OTHER",
    "reason": "Moving to live with his sister",
    "new_address": "7 Quay Street, Otherford",
    "moving_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
    "proposed_meeting": "Level 2 meeting before the move",
}


def etag(client, case) -> str:
    return client.get(f"/api/v1/cases/{case.id}/")["ETag"]


def post(client, url, body, tag=None):
    headers = {"HTTP_IF_MATCH": tag} if tag else {}
    return client.post(url, body, content_type="application/json", **headers)


def test_request_query_answer_and_accept_through_the_api(case):
    sending, receiving = api("coordinator"), api("coordinator.other")
    url = f"/api/v1/cases/{case.id}/transfers/"
    made = post(sending, url, REQUEST, etag(sending, case))
    assert made.status_code == 201, made.json()
    transfer = made.json()
    assert transfer["from_area"] == "DEMO" and transfer["to_area"] == "OTHER"
    step = f"{url}{transfer['id']}/"

    incoming = receiving.get("/api/v1/transfers/").json()
    assert [t["id"] for t in incoming["results"]] == [transfer["id"]]
    assert api("outsider.police").get("/api/v1/transfers/").status_code == 403

    tag = receiving.get(step)["ETag"]
    queried = post(receiving, f"{step}query/", {"query": "Who else lives there?"}, tag)
    assert queried.status_code == 200 and queried.json()["status"] == "queried"
    answered = post(sending, f"{step}answer/", {"answer": "His sister"}, queried["ETag"])
    assert answered.json()["status"] == "requested"
    accepted = post(
        receiving, f"{step}accept/", {"level": 2, "rationale": "Level 2"}, answered["ETag"]
    )
    assert accepted.status_code == 200 and accepted.json()["accepted_level"] == 2
    assert api("outsider.police").get(f"/api/v1/cases/{case.id}/").status_code == 200


def test_a_change_without_if_match_is_428_and_a_stale_one_412(case):
    sending = api("coordinator")
    url = f"/api/v1/cases/{case.id}/transfers/"
    assert post(sending, url, REQUEST).status_code == 428
    stale = post(sending, url, REQUEST, '"999"')
    assert stale.status_code == 412 and "GET it again" in stale.json()["errors"][0]["message"]
    made = post(sending, url, REQUEST, etag(sending, case)).json()
    step = f"{url}{made['id']}/"
    receiving = api("coordinator.other")
    post(receiving, f"{step}query/", {"query": "?"}, '"1"')
    again = post(sending, f"{step}withdraw/", {"reason": "Not moving"}, '"1"')
    assert again.status_code == 412 and "Nia Okafor" in again.json()["errors"][0]["message"]


def test_bad_input_is_a_400_naming_the_field_and_changes_nothing(case):
    sending = api("coordinator")
    url = f"/api/v1/cases/{case.id}/transfers/"
    bad = post(sending, url, REQUEST | {"to_area": "NOWHERE"}, etag(sending, case))
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "to_area"
    own = post(sending, url, REQUEST | {"proposed_meeting": ""}, etag(sending, case))
    assert own.status_code == 400 and own.json()["errors"][0]["field"] == "proposed_meeting"
    assert sending.get(url).json()["results"] == []


def test_outside_both_areas_the_case_and_its_transfers_are_404(case):
    url = f"/api/v1/cases/{case.id}/transfers/"
    assert api("outsider.police").get(url).status_code == 404
    tag = '"1"'
    assert post(api("outsider.police"), url, REQUEST, tag).status_code == 404
    assert api("lay.adviser").get(url).status_code == 404


def test_a_stay_through_the_api(case):
    sending = api("coordinator")
    body = {
        "host_area": "OTHER",
        "reason": "holiday",
        "address": "Seaview Caravan Park",
        "starts_on": timezone.localdate().isoformat(),
        "ends_on": (timezone.localdate() + timedelta(days=7)).isoformat(),
    }
    made = post(sending, f"/api/v1/cases/{case.id}/stays/", body, etag(sending, case))
    assert made.status_code == 201 and made.json()["host_area"] == "OTHER"
    early = post(
        sending,
        f"/api/v1/cases/{case.id}/stays/",
        body | {"ends_on": "2020-01-01"},
        etag(sending, case),
    )
    assert early.status_code == 400 and early.json()["errors"][0]["field"] == "ends_on"


def test_after_acceptance_the_sending_area_reads_the_record_but_cannot_put_it_back(case):
    sending, receiving = api("coordinator"), api("coordinator.other")
    url = f"/api/v1/cases/{case.id}/transfers/"
    made = post(sending, url, REQUEST, etag(sending, case)).json()
    step = f"{url}{made['id']}/"
    post(receiving, f"{step}accept/", {"level": 2, "rationale": "L2"}, '"1"')
    record = f"/api/v1/nominals/{case.nominal_id}/"
    read = sending.get(record)
    assert read.status_code == 200 and read.json()["area"] == "OTHER"
    body = read.json() | {"area": "DEMO"}
    put = sending.put(record, body, content_type="application/json", HTTP_IF_MATCH=read["ETag"])
    assert put.status_code == 404
    case.nominal.refresh_from_db()
    assert case.nominal.area.code == "OTHER"

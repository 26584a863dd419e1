"""Potentially dangerous persons in the API: propose, decide, review and move into MAPPA, each
with If-Match (the person record's ETag); bad input is a 400 naming the field and changes
nothing; out of the area is a 404; the case API shows each case's `kind`."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from mappa.cases.models import MappaCase
from mappa.cases.tests.factories import convict, create_nominal
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db
TODAY = f"{timezone.localdate():%Y-%m-%d}"
DECISION = {"manage": True, "rank": "inspector", "rationale": "Threats", "decided_on": TODAY}


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def post(username, url, body, etag=None):
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    return api(username).post(url, body, content_type="application/json", **headers)


@pytest.fixture
def person(db):
    load_demo()
    return create_nominal()


def propose(person):
    etag = api("police.ppu").get(f"/api/v1/nominals/{person.id}/").headers["ETag"]
    body = {"grounds": "Threats to kill a former partner"}
    return post("police.ppu", f"/api/v1/nominals/{person.id}/pdp/", body, etag)


def test_a_pdp_is_proposed_decided_and_reviewed_through_the_api(person):
    response = propose(person)
    assert response.status_code == 201, response.content
    case = response.json()
    assert case["kind"] == "pdp" and case["category"] is None and case["level"] is None
    assert [d["step"] for d in case["pdp_decisions"]] == ["proposed"]
    url = f"/api/v1/cases/{case['id']}/pdp/decision/"
    assert post("police.ppu", url, DECISION).status_code == 428
    response = post("police.ppu", url, DECISION, response.headers["ETag"])
    assert response.status_code == 200, response.content
    decided = response.json()
    assert decided["pdp_decisions"][-1]["rank"] == "inspector"
    assert decided["next_review_due"] == decided["pdp_decisions"][-1]["review_due"]
    review = {"carry_on": False, "rank": "superintendent", "rationale": "Left", "held_on": TODAY}
    url = f"/api/v1/cases/{case['id']}/pdp/reviews/"
    response = post("police.ppu", url, review, response.headers["ETag"])
    assert response.status_code == 200, response.content
    assert response.json()["closed_on"] == TODAY
    assert response.json()["closure_reason"] == "pdp_ended"


def test_a_decision_without_a_rank_or_with_a_stale_etag_changes_nothing(person):
    response = propose(person)
    case, etag = response.json(), response.headers["ETag"]
    url = f"/api/v1/cases/{case['id']}/pdp/decision/"
    missing = post("police.ppu", url, {**DECISION, "rank": ""}, etag)
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["field"] == "rank"
    low = post("police.ppu", url, {**DECISION, "rank": "constable"}, etag)
    assert low.status_code == 400 and "inspector or above" in low.content.decode()
    assert post("police.ppu", url, DECISION, '"999"').status_code == 412
    assert MappaCase.objects.get(id=case["id"]).start_date is None


def test_an_eligible_person_cannot_be_proposed(person):
    convict(person)
    response = propose(person)
    assert response.status_code == 400
    assert "eligible for MAPPA (category 1)" in response.content.decode()
    assert not MappaCase.objects.filter(nominal=person).exists()


def test_the_coordinator_moves_the_pdp_into_mappa(person):
    response = propose(person)
    case = response.json()
    response = post(
        "police.ppu",
        f"/api/v1/cases/{case['id']}/pdp/decision/",
        DECISION,
        response.headers["ETag"],
    )
    convict(person)
    body = {"level": 2, "source": "screening", "rationale": "Convicted", "decided_on": TODAY}
    url = f"/api/v1/cases/{case['id']}/pdp/mappa/"
    response = post("coordinator", url, body, response.headers["ETag"])
    assert response.status_code == 200, response.content
    moved = response.json()
    assert moved["kind"] == "mappa" and moved["category"] == 1 and moved["level"] == 2
    assert [d["step"] for d in moved["pdp_decisions"]][-1] == "moved_to_mappa"


def test_pdp_endpoints_are_not_found_outside_the_area(person):
    case = propose(person).json()
    etag = '"1"'
    assert (
        post("outsider.police", f"/api/v1/nominals/{person.id}/pdp/", {}, etag).status_code == 404
    )
    for action in ("decision", "reviews", "mappa"):
        url = f"/api/v1/cases/{case['id']}/pdp/{action}/"
        assert post("outsider.police", url, {}, etag).status_code == 404
    assert api("outsider.police").get(f"/api/v1/cases/{case['id']}/").status_code == 404


def test_the_case_api_shows_each_cases_kind(person):
    case = propose(person).json()
    listed = {
        c["id"]: c["kind"] for c in api("coordinator").get("/api/v1/cases/").json()["results"]
    }
    assert listed[case["id"]] == "pdp"
    assert set(listed.values()) == {"mappa", "pdp"}


def test_the_nominal_api_gives_no_mappa_case_for_a_pdp(person):
    propose(person)
    body = api("coordinator").get(f"/api/v1/nominals/{person.id}/").json()
    assert body["mappa"] is None  # contract: null when the person has no MAPPA case


def test_the_case_list_is_narrowed_by_kind(person):
    case = propose(person).json()
    pdps = api("coordinator").get("/api/v1/cases/?kind=pdp").json()["results"]
    assert [c["id"] for c in pdps] == [case["id"]]
    mappa = api("coordinator").get("/api/v1/cases/?kind=mappa").json()["results"]
    assert mappa and case["id"] not in {c["id"] for c in mappa}
    assert api("coordinator").get("/api/v1/cases/?kind=other").status_code == 400

"""The case's changes between meetings in the API: each POST needs the case's ETag in If-Match,
answers with the changed case and its new ETag, and is a 404 outside the caller's scope."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DECISION = {
    "category": 1,
    "level": 3,
    "source": "meeting",
    "rationale": "New partner with a child under 10",
    "decided_on": f"{TODAY - timedelta(days=1):%Y-%m-%d}",
}


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


@pytest.fixture
def smith(db):
    load_demo()
    return MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")


def post(username, case, action, body, etag=None):
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    url = f"/api/v1/cases/{case.id}/{action}/"
    return api(username).post(url, body, content_type="application/json", **headers)


def test_a_decision_needs_the_etag_and_answers_with_the_new_one(smith):
    read = api("probation.om").get(f"/api/v1/cases/{smith.id}/")
    etag = read.headers["ETag"]
    assert post("probation.om", smith, "decisions", DECISION).status_code == 428
    response = post("probation.om", smith, "decisions", DECISION, etag)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["level"] == 3
    assert body["level_history"][-1]["decided_by"] == "probation.om"
    assert body["level_history"][-1]["rationale"] == "New partner with a child under 10"
    assert response.headers["ETag"] != etag
    stale = post("police.ppu", smith, "decisions", DECISION | {"level": 2}, etag)
    assert stale.status_code == 412
    assert "Tom Adeyemi" in stale.json()["errors"][0]["message"]


def test_a_decision_against_the_rules_is_a_400_naming_the_field(smith):
    etag = api("probation.om").get(f"/api/v1/cases/{smith.id}/").headers["ETag"]
    response = post(
        "probation.om", smith, "decisions", DECISION | {"category": 3, "level": 1}, etag
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "level" and "category 3" in error["message"]


def test_the_officer_is_named_by_username_and_the_case_closed(smith):
    etag = api("coordinator").get(f"/api/v1/cases/{smith.id}/").headers["ETag"]
    wrong = post("coordinator", smith, "responsible-officer", {"officer": "police.ppu"}, etag)
    assert wrong.status_code == 400 and wrong.json()["errors"][0]["field"] == "officer"
    closed = post(
        "coordinator",
        smith,
        "closure",
        {"reason": "died", "closed_on": f"{TODAY:%Y-%m-%d}"},
        etag,
    )
    assert closed.status_code == 200, closed.content
    assert closed.json()["closed_on"] == f"{TODAY:%Y-%m-%d}"
    assert closed.json()["closure_reason"] == "died"


@pytest.mark.parametrize("action", ["decisions", "responsible-officer", "closure"])
@pytest.mark.parametrize(("username", "status"), [("outsider.police", 404), ("lay.adviser", 404)])
def test_changes_outside_the_scope_are_a_404(smith, action, username, status):
    response = post(username, smith, action, DECISION, '"1"')
    assert response.status_code == status
    smith.refresh_from_db()
    assert (smith.level, smith.closed_on) == (2, None)

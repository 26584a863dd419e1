"""The API: raise, list, read, answer and decline, scoped as the pages are; answering and
declining need the request's ETag in If-Match."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.services import load_demo
from mappa.information_requests.models import InformationRequest
from mappa.information_requests.tests.records import QUESTION, ask, smith

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
URL = "/api/v1/information-requests/"


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


@pytest.fixture
def users(db):
    return {user.username: user for user in load_demo()}


def body(users, **overrides):
    return {
        "case": str(smith().id),
        "agency": str(users["housing.officer"].agency_id),
        "basis": "duty_to_cooperate",
        "purpose": "To assess the risk to visiting children",
        "question": QUESTION,
        "due_on": f"{TODAY + timedelta(days=7):%Y-%m-%d}",
    } | overrides


def post(username, url, data, etag=None):
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    return api(username).post(url, data, content_type="application/json", **headers)


def test_raise_then_answer_with_if_match(users):
    raised = post("coordinator", URL, body(users))
    assert raised.status_code == 201, raised.content
    found = raised.json()
    assert found["status"] == "open" and found["rag"] == "green"
    assert found["case"] == str(smith().id)
    read = api("housing.officer").get(f"{URL}{found['id']}/")
    assert read.status_code == 200
    # The agency sees the person and the question, not the case.
    assert read.json()["case"] is None and read.json()["person"] == "John Paul Smith"
    etag = read.headers["ETag"]
    answer_url = f"{URL}{found['id']}/answer/"
    assert post("housing.officer", answer_url, {"answer": "Known"}).status_code == 428
    answered = post("housing.officer", answer_url, {"answer": "Known"}, etag)
    assert answered.status_code == 200, answered.content
    assert answered.json()["answered_by"] == "housing.officer"
    assert answered.headers["ETag"] != etag
    again = post("housing.officer", f"{URL}{found['id']}/decline/", {"reason": "x"}, etag)
    assert again.status_code == 400
    assert again.json()["errors"][0]["message"] == "This request is closed"
    assert AuditEvent.objects.filter(
        event_type=EventType.CASE_CONTENT_READ, payload__content="information request (API)"
    ).exists()


def test_bad_input_is_a_400_naming_the_field(users):
    past = f"{TODAY - timedelta(days=1):%Y-%m-%d}"
    response = post("coordinator", URL, body(users, purpose="", due_on=past))
    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"purpose", "due_on"}
    assert not InformationRequest.objects.exists()
    response = post("coordinator", URL, body(users, addressed_to="police.ppu"))
    assert response.json()["errors"][0]["field"] == "addressed_to"


def test_scoping(users):
    found = ask(users)
    assert api("outsider.police").get(f"{URL}{found.id}/").status_code == 404
    assert api("outsider.police").get(URL).json()["count"] == 0
    assert post("outsider.police", URL, body(users)).status_code == 404
    assert api("mash.manager").get(f"{URL}{found.id}/").status_code == 404
    assert api("housing.officer").get(f"{URL}?to_answer=true").json()["count"] == 1
    assert api("police.ppu").get(f"{URL}?to_answer=true").json()["count"] == 0
    assert api("police.ppu").get(URL).json()["count"] == 1  # the asking side: the area's RA
    etag = '"1"'
    refused = post("police.ppu", f"{URL}{found.id}/answer/", {"answer": "x"}, etag)
    assert refused.status_code == 400
    assert (
        api("housing.officer").post(URL, body(users), content_type="application/json").status_code
        == 403
    )


def test_the_list_filters_by_status(users):
    ask(users)
    assert api("coordinator").get(f"{URL}?status=answered").json()["count"] == 0
    assert api("coordinator").get(f"{URL}?status=open").json()["count"] == 1
    assert api("coordinator").get(f"{URL}?status=maybe").status_code == 400

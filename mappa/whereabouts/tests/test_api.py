"""Whereabouts unknown in the API: report, log a search action, end and read, under
/api/v1/cases/{id}/whereabouts/. Changes to a report need its ETag in If-Match; out of scope is
a 404; bad input is a 400 in the contract's error format and changes nothing."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.whereabouts.models import SearchAction, WhereaboutsReport
from mappa.whereabouts.tests.records import KNOWN, case_of, smith

pytestmark = pytest.mark.django_db


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def at(hours_ago: float) -> str:
    return (timezone.now() - timedelta(hours=hours_ago)).isoformat()


REPORT = {"kind": "wanted", "what_is_known": KNOWN, "police_reference": "WANT/77"}


@pytest.fixture
def case(db):
    return smith()


def post(username, address, body, etag=None):
    headers = {"HTTP_IF_MATCH": etag} if etag else {}
    return api(username).post(address, body, content_type="application/json", **headers)


def base(case) -> str:
    return f"/api/v1/cases/{case.id}/whereabouts/"


def reported(case, username="probation.om"):
    response = post(username, base(case), REPORT | {"started_at": at(4)})
    assert response.status_code == 201, response.content
    return response


def test_reporting_answers_with_the_report_and_its_etag(case):
    response = reported(case)
    body = response.json()
    assert response.headers["ETag"] == '"1"'
    assert body["status"] == "open" and body["kind"] == "wanted"
    assert body["reported_by"] == "probation.om" and body["police_reference"] == "WANT/77"
    assert body["ending"] is None and body["search_actions"] == []
    listed = api("coordinator").get(base(case)).json()
    assert [report["id"] for report in listed["results"]] == [body["id"]]


def test_bad_input_is_a_400_naming_the_field(case):
    future = post("probation.om", base(case), REPORT | {"started_at": at(-2)})
    assert future.status_code == 400
    assert future.json()["errors"][0]["field"] == "started_at"
    assert "future" in future.json()["errors"][0]["message"]
    assert post("probation.om", base(case), {"kind": "lost"}).status_code == 400
    reported(case)
    second = post("coordinator", base(case), REPORT | {"started_at": at(1)})
    assert second.status_code == 400
    assert second.json()["errors"][0]["field"] == "case"
    assert WhereaboutsReport.objects.count() == 1


def test_a_search_action_needs_the_etag_and_a_stale_one_is_412(case):
    report = reported(case).json()
    address = f"{base(case)}{report['id']}/search-actions/"
    action = {"done_at": at(1), "what_was_done": "Checked the hostel", "outcome": "Not seen"}
    assert post("police.ppu", address, action).status_code == 428
    done = post("police.ppu", address, action, '"1"')
    assert done.status_code == 201, done.content
    assert done.headers["ETag"] == '"2"'
    assert done.json()["search_actions"][0]["recorded_by"] == "police.ppu"
    stale = post("probation.om", address, action, '"1"')
    assert stale.status_code == 412
    assert "GET it again" in stale.json()["errors"][0]["message"]
    assert SearchAction.objects.count() == 1


def test_the_end_before_the_start_is_refused_then_recorded(case):
    report = reported(case).json()
    address = f"{base(case)}{report['id']}/end/"
    end = {"ending": "arrested", "note": "Arrested on the warrant"}
    early = post("probation.om", address, end | {"ended_at": at(6)}, '"1"')
    assert early.status_code == 400 and early.json()["errors"][0]["field"] == "ended_at"
    done = post("probation.om", address, end | {"ended_at": at(0.5)}, '"1"')
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "ended" and done.json()["ending"] == "arrested"
    assert done.json()["ended_by"] == "probation.om"


def test_a_police_practitioner_not_leading_the_case_may_not_end_it(case):
    report = reported(case).json()
    address = f"{base(case)}{report['id']}/end/"
    refused = post(
        "police.ppu", address, {"ending": "found", "note": "x", "ended_at": at(1)}, '"1"'
    )
    assert refused.status_code == 403
    assert WhereaboutsReport.objects.get().is_open


@pytest.mark.parametrize("username", ["outsider.police", "housing.officer", "lay.adviser"])
def test_outside_the_case_everything_is_a_404(case, username):
    report = reported(case).json()
    client = api(username)
    assert client.get(base(case)).status_code == 404
    assert client.get(f"{base(case)}{report['id']}/").status_code == 404
    if username == "outsider.police":  # holds the permission to manage cases, not this one
        refused = post(username, f"{base(case)}{report['id']}/end/", {}, '"1"')
        assert refused.status_code == 404
        assert post(username, base(case), REPORT | {"started_at": at(1)}).status_code == 404


def test_a_report_read_through_another_case_is_a_404(case):
    report = reported(case).json()
    other = case_of("X234567")
    assert api("coordinator").get(f"{base(other)}{report['id']}/").status_code == 404


def test_each_read_is_audited(case):
    report = reported(case).json()
    before = AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ).count()
    detail = api("coordinator").get(f"{base(case)}{report['id']}/")
    assert detail.status_code == 200 and detail.headers["ETag"] == '"1"'
    api("coordinator").get(base(case))
    reads = AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ, subject=case.id)
    assert reads.count() >= 2
    assert AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ).count() == before + 2

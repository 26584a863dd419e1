"""Withdrawing a request: the person who asked, or the co-ordinator, with a reason; the agency is
told by a link; the request leaves the lists waiting for an answer and the board counts it as
withdrawn, not late. Bad input, a closed request or a stale version change nothing."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from mappa.agencies.models import Area
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.services import load_demo
from mappa.information_requests import queries, services
from mappa.information_requests.constants import Status
from mappa.information_requests.models import InformationRequest
from mappa.information_requests.tests.records import QUESTION, ask, smith
from mappa.oversight.indicators import definitions as indicators
from mappa.versions import StaleEdit

pytestmark = pytest.mark.django_db
REASON = "The housing file came with the referral after all"


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


def withdrawn_events() -> int:
    return AuditEvent.objects.filter(event_type=EventType.INFORMATION_REQUEST_WITHDRAWN).count()


def test_the_requester_withdraws_and_the_agency_is_told_by_a_link(
    users, django_capture_on_commit_callbacks
):
    found = ask(users)
    mail.outbox.clear()
    coordinator = users["coordinator"]
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_request(actor=coordinator, found=found, version=1, reason=REASON)
    found.refresh_from_db()
    assert (found.status, found.withdrawal_reason, found.withdrawn_by) == (
        Status.WITHDRAWN,
        REASON,
        coordinator,
    )
    assert found.withdrawn_at is not None and found.version == 2
    event = AuditEvent.objects.get(event_type=EventType.INFORMATION_REQUEST_WITHDRAWN)
    assert (event.actor, event.subject) == (coordinator, found.case_id)
    assert event.payload == {"request": str(found.id), "agency": str(found.agency_id)}
    assert [m.to for m in mail.outbox] == [[users["housing.officer"].email]]
    assert "withdrawn" in mail.outbox[0].subject
    assert f"/information-requests/{found.id}/" in mail.outbox[0].body
    for secret in (REASON, QUESTION, "Smith"):
        assert secret not in mail.outbox[0].body


def test_a_withdrawn_request_leaves_the_lists_waiting_for_an_answer(users):
    found = ask(users)
    assert list(queries.to_answer(users["housing.officer"])) == [found]
    services.withdraw_request(actor=users["coordinator"], found=found, version=1, reason=REASON)
    assert list(queries.to_answer(users["housing.officer"])) == []
    assert list(queries.open_in_area(users["coordinator"])) == []
    assert queries.outstanding_before(smith(), timezone.localdate() + timedelta(days=30)) == []


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_withdrawal_without_a_reason_is_refused_and_changes_nothing(users, reason):
    found = ask(users)
    with pytest.raises(ValidationError) as refused:
        services.withdraw_request(actor=users["coordinator"], found=found, version=1, reason=reason)
    assert refused.value.message_dict == {"withdrawal_reason": ["Say why the request is withdrawn"]}
    assert InformationRequest.objects.get(id=found.id).status == Status.OPEN
    assert withdrawn_events() == 0


def test_an_answered_request_cannot_be_withdrawn(users):
    found = ask(users)
    services.answer_request(actor=users["housing.officer"], found=found, version=1, answer="No")
    found.refresh_from_db()
    with pytest.raises(ValidationError, match="This request is closed"):
        services.withdraw_request(actor=users["coordinator"], found=found, version=2, reason="x")
    assert InformationRequest.objects.get(id=found.id).status == Status.ANSWERED


def test_a_stale_withdrawal_is_refused_naming_who_saved_first(users):
    found = ask(users)
    services.decline_request(actor=users["housing.officer"], found=found, version=1, reason="No")
    stale = InformationRequest.objects.get(id=found.id)
    stale.status = Status.OPEN  # as the page read it, before the agency declined
    with pytest.raises(StaleEdit, match="changed by"):
        services.withdraw_request(actor=users["coordinator"], found=stale, version=1, reason="x")
    assert InformationRequest.objects.get(id=found.id).status == Status.DECLINED
    assert withdrawn_events() == 0


def test_only_the_requester_or_the_coordinator_may_withdraw(users):
    case = smith()
    officer = case.responsible_officer
    found = ask(users, actor=officer)
    other = next(
        users[name]
        for name in ("police.ppu", "probation.om", "prison.pom")
        if users[name] != officer
    )
    assert queries.may_withdraw(other, found) is False
    with pytest.raises(ValidationError, match="Only the person who asked"):
        services.withdraw_request(actor=other, found=found, version=1, reason=REASON)
    assert queries.may_withdraw(officer, found) and queries.may_withdraw(
        users["coordinator"], found
    )
    services.withdraw_request(actor=users["coordinator"], found=found, version=1, reason=REASON)
    assert InformationRequest.objects.get(id=found.id).withdrawn_by == users["coordinator"]


def test_the_board_counts_a_withdrawn_request_as_withdrawn_not_late(users):
    def at(day):
        return timezone.make_aware(datetime.combine(day, time(10)))

    late = ask(users)
    withdrawn = ask(users)
    InformationRequest.objects.filter(id=late.id).update(
        requested_at=at(date(2026, 10, 1)), due_on=date(2026, 10, 5)
    )
    InformationRequest.objects.filter(id=withdrawn.id).update(
        requested_at=at(date(2026, 10, 1)),
        due_on=date(2026, 10, 5),
        status=Status.WITHDRAWN,
        withdrawn_at=at(date(2026, 10, 20)),
    )
    indicator = indicators.get("information-requests")
    area = Area.objects.get(code="DEMO")
    result = indicators.compute(
        indicator, area, date(2026, 10, 1), date(2026, 11, 30), date(2026, 12, 3)
    )
    # Requests, on time, late, outstanding, declined, withdrawn, median days.
    assert result.rows == [["Housing authority", 2, 0, 0, 1, 0, 1, None]]
    assert ("Withdrawn", [1]) in result.figure.series


# The page and the API


def test_the_withdraw_page_records_its_read_and_withdraws(users, signed_in):
    found = ask(users)
    client = signed_in("coordinator")
    page = client.get(f"/information-requests/{found.id}/").content.decode()
    assert f"/information-requests/{found.id}/withdraw/" in page
    before = AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ).count()
    form = client.get(f"/information-requests/{found.id}/withdraw/")
    assert form.status_code == 200 and "Why the request is withdrawn" in form.content.decode()
    assert AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ).count() == before + 1
    empty = client.post(f"/information-requests/{found.id}/withdraw/", {"version": 1})
    assert "govuk-error-summary" in empty.content.decode()
    assert InformationRequest.objects.get(id=found.id).status == Status.OPEN
    done = client.post(
        f"/information-requests/{found.id}/withdraw/",
        {"version": 1, "withdrawal_reason": REASON},
    )
    assert done.status_code == 302
    page = client.get(done.url).content.decode()
    assert "Withdrawn" in page and REASON in page
    assert "Withdraw the request" not in page


@pytest.mark.parametrize("who, status", [("outsider.police", 404), ("lay.adviser", 404)])
def test_outside_the_area_the_withdraw_page_is_a_404(users, signed_in, who, status):
    found = ask(users)
    assert signed_in(who).get(f"/information-requests/{found.id}/withdraw/").status_code == status


def test_the_agency_asked_is_not_offered_a_withdrawal(users, signed_in):
    found = ask(users)
    page = signed_in("housing.officer").get(f"/information-requests/{found.id}/").content.decode()
    assert "Withdraw the request" not in page


def api(username: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token demo-{username}")


def test_the_api_withdraws_with_if_match(users):
    found = ask(users)
    url = f"/api/v1/information-requests/{found.id}/withdraw/"
    client = api("coordinator")
    etag = client.get(f"/api/v1/information-requests/{found.id}/")["ETag"]
    assert client.post(url, {"reason": REASON}, content_type="application/json").status_code == 428
    empty = client.post(url, {"reason": ""}, content_type="application/json", HTTP_IF_MATCH=etag)
    assert empty.status_code == 400
    assert [e["field"] for e in empty.json()["errors"]] == ["withdrawal_reason"]
    assert (
        client.post(
            url, {"reason": REASON}, content_type="application/json", HTTP_IF_MATCH='"7"'
        ).status_code
        == 412
    )
    assert InformationRequest.objects.get(id=found.id).status == Status.OPEN
    done = client.post(url, {"reason": REASON}, content_type="application/json", HTTP_IF_MATCH=etag)
    assert done.status_code == 200, done.content
    body = done.json()
    assert (body["status"], body["withdrawal_reason"], body["withdrawn_by"]) == (
        "withdrawn",
        REASON,
        "coordinator",
    )
    assert done["ETag"] == '"2"'
    listed = client.get("/api/v1/information-requests/?status=withdrawn").json()["results"]
    assert [row["id"] for row in listed] == [str(found.id)]


@pytest.mark.parametrize("who", ["outsider.police", "lay.adviser"])
def test_outside_the_area_the_api_withdrawal_is_a_404(users, who):
    found = ask(users)
    response = api(who).post(
        f"/api/v1/information-requests/{found.id}/withdraw/",
        {"reason": REASON},
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 404
    assert InformationRequest.objects.get(id=found.id).status == Status.OPEN

"""The agency answers or declines: who and when, the version claimed, the requester told."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.services import load_demo
from mappa.information_requests import services
from mappa.information_requests.constants import Status
from mappa.information_requests.tests.records import QUESTION, agency, ask
from mappa.versions import StaleEdit

pytestmark = pytest.mark.django_db
ANSWER = "Tenancy in his partner's name since 2022; no other adults registered."


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


def test_the_agency_answers_and_the_requester_is_told(users, django_capture_on_commit_callbacks):
    found = ask(users)
    officer = users["housing.officer"]
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_request(actor=officer, found=found, version=found.version, answer=ANSWER)
    found.refresh_from_db()
    assert (found.status, found.answer, found.answered_by) == (Status.ANSWERED, ANSWER, officer)
    assert found.answered_at is not None and found.version == 2
    event = AuditEvent.objects.get(event_type=EventType.INFORMATION_REQUEST_ANSWERED)
    assert (event.actor, event.subject) == (officer, found.case_id)
    assert [message.to for message in mail.outbox] == [["coordinator@demo.mappa.invalid"]]
    assert f"/information-requests/{found.id}/" in mail.outbox[0].body
    for secret in (ANSWER, QUESTION, "Smith"):
        assert secret not in mail.outbox[0].body


def test_the_agency_declines_with_a_reason(users):
    found = ask(users)
    services.decline_request(
        actor=users["housing.officer"], found=found, version=1, reason="Not held by us"
    )
    found.refresh_from_db()
    assert (found.status, found.decline_reason) == (Status.DECLINED, "Not held by us")
    assert AuditEvent.objects.filter(event_type=EventType.INFORMATION_REQUEST_DECLINED).count() == 1


def test_an_empty_answer_or_reason_is_refused_and_changes_nothing(users):
    found = ask(users)
    with pytest.raises(ValidationError) as refused:
        services.answer_request(actor=users["housing.officer"], found=found, version=1, answer=" ")
    assert refused.value.message_dict == {"answer": ["Write the answer"]}
    with pytest.raises(ValidationError) as refused:
        services.decline_request(actor=users["housing.officer"], found=found, version=1, reason="")
    assert "decline_reason" in refused.value.message_dict
    found.refresh_from_db()
    assert (found.status, found.version) == (Status.OPEN, 1)


def test_a_second_answer_from_the_same_version_is_refused_naming_who_answered(users):
    found = ask(users, agency=agency("Police"))
    first, second = users["police.ppu"], users["marac.coordinator"]
    services.answer_request(actor=first, found=found, version=1, answer="Two call-outs")
    stale_copy = type(found).objects.get(id=found.id)
    stale_copy.status = Status.OPEN  # as the second person loaded it, before the first answer
    with pytest.raises(StaleEdit) as refused:
        services.answer_request(actor=second, found=stale_copy, version=1, answer="None")
    assert first.get_full_name() in str(refused.value)
    found.refresh_from_db()
    assert (found.answer, found.answered_by) == ("Two call-outs", first)


def test_only_the_agency_asked_answers_and_only_once(users):
    found = ask(users)
    with pytest.raises(ValidationError) as refused:
        services.answer_request(actor=users["police.ppu"], found=found, version=1, answer="x")
    assert "Only the agency asked may answer" in str(refused.value)
    services.answer_request(actor=users["housing.officer"], found=found, version=1, answer="x")
    with pytest.raises(ValidationError) as refused:
        services.decline_request(actor=users["housing.officer"], found=found, version=2, reason="y")
    assert "This request is closed" in str(refused.value)


def test_a_named_person_answers_and_their_colleagues_do_not(users):
    found = ask(users, agency=agency("Police"), addressed_to=users["marac.coordinator"])
    with pytest.raises(ValidationError):
        services.answer_request(actor=users["police.ppu"], found=found, version=1, answer="x")
    services.answer_request(actor=users["marac.coordinator"], found=found, version=1, answer="x")


def test_a_refusal_is_sent_to_the_requester_as_a_link(users, django_capture_on_commit_callbacks):
    found = ask(users, actor=users["probation.om"])
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_request(
            actor=users["housing.officer"], found=found, version=1, reason="Not held by us"
        )
    assert [message.to for message in mail.outbox] == [["probation.om@demo.mappa.invalid"]]
    assert "Not held" not in mail.outbox[0].body
    assert f"/information-requests/{found.id}/" in mail.outbox[0].body

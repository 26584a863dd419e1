"""Raising a request: who may, what it must say, the audit event and the link-only e-mail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.services import load_demo
from mappa.information_requests.constants import Occasion, Status
from mappa.information_requests.models import InformationRequest
from mappa.information_requests.tests.records import PURPOSE, QUESTION, agency, ask, smith

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


def test_the_coordinator_asks_the_housing_authority(users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        found = ask(users)
    found.refresh_from_db()
    assert found.status == Status.OPEN
    assert (found.requested_by, found.agency.name) == (users["coordinator"], "Housing authority")
    assert found.occasion == Occasion.CASE
    event = AuditEvent.objects.get(event_type=EventType.INFORMATION_REQUEST_RAISED)
    assert event.subject == found.case_id
    assert event.payload["request"] == str(found.id)
    assert event.payload["basis"] == "duty_to_cooperate"
    # No one named: the agency's people who answer are told, by a link and nothing else.
    assert [message.to for message in mail.outbox] == [["housing.officer@demo.mappa.invalid"]]
    body = mail.outbox[0].body
    assert f"/information-requests/{found.id}/" in body
    for secret in ("Smith", "Mill Lane", QUESTION, PURPOSE, "X123456"):
        assert secret not in body and secret not in mail.outbox[0].subject


def test_a_named_person_alone_is_told(users, django_capture_on_commit_callbacks):
    police = agency("Police")
    with django_capture_on_commit_callbacks(execute=True):
        ask(users, agency=police, addressed_to=users["marac.coordinator"])
    assert [message.to for message in mail.outbox] == [["marac.coordinator@demo.mappa.invalid"]]


def test_the_responsible_officer_may_ask_and_another_practitioner_may_not(users):
    case = smith()
    assert case.responsible_officer == users["probation.om"]
    assert ask(users, actor=users["probation.om"]).requested_by == users["probation.om"]
    with pytest.raises(ValidationError) as refused:
        ask(users, actor=users["police.ppu"])
    assert "co-ordinator or the case's responsible officer" in str(refused.value)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"purpose": "  "}, "purpose", "Say why the information is needed"),
        ({"question": ""}, "question", "Say what the agency is asked"),
        ({"basis": "because"}, "basis", "Choose the basis"),
        ("yesterday", "due_on", "The due date must be today or in the future"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_changes_nothing(
    users, overrides, field, message
):
    if overrides == "yesterday":
        overrides = {"due_on": timezone.localdate() - timedelta(days=1)}
    with pytest.raises(ValidationError) as refused:
        ask(users, **overrides)
    assert message in refused.value.message_dict[field][0]
    assert not InformationRequest.objects.exists()
    assert not AuditEvent.objects.filter(event_type=EventType.INFORMATION_REQUEST_RAISED).exists()


def test_the_agency_and_named_person_must_fit(users):
    with pytest.raises(ValidationError) as refused:
        ask(users, agency=agency("Police", "OTHER"))
    assert "agency" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        ask(users, addressed_to=users["police.ppu"])
    assert "addressed_to" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        ask(users, agency=agency("Police"), addressed_to=users["smb.member"])
    assert "does not answer" in refused.value.message_dict["addressed_to"][0]


def test_a_closed_case_takes_no_requests(users):
    case = smith()
    case.closed_on = timezone.localdate()
    case.save(update_fields=["closed_on"])
    with pytest.raises(ValidationError) as refused:
        ask(users, case=case)
    assert refused.value.message_dict["case"] == ["This case is closed"]


def test_a_category_4_request_is_told_only_to_cleared_people(
    users, django_capture_on_commit_callbacks
):
    case = smith()
    type(case).objects.filter(id=case.id).update(category=4)
    case.refresh_from_db()
    coordinator = users["coordinator"]
    coordinator.terrorism_clearance = True
    coordinator.save(update_fields=["terrorism_clearance"])
    with django_capture_on_commit_callbacks(execute=True):
        ask(users, case=case)
    assert mail.outbox == []  # housing.officer has no clearance
    with pytest.raises(ValidationError) as refused:
        ask(users, case=case, addressed_to=users["housing.officer"])
    assert "needs terrorism clearance" in refused.value.message_dict["addressed_to"][0]

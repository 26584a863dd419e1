"""Agreeing actions, updating them, who sees them, and the weekly overdue e-mail."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.actions import reminders, services
from mappa.actions.constants import Status
from mappa.actions.models import Action
from mappa.actions.queries import actions_visible_to
from mappa.agencies.models import Agency, CaseAccessGrant
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.desk.demo import demo_secret
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


@pytest.fixture
def case(users):
    return MappaCase.objects.get(nominal__crn="X123456")


def housing(users):
    return users["housing.officer"].agency


def agree(users, case, **overrides):
    arguments = {
        "actor": users["coordinator"],
        "case": case,
        "description": "Check the tenancy for children visiting",
        "owner_agency": housing(users),
        "due_on": timezone.localdate() + timedelta(days=14),
    } | overrides
    return services.create_action(**arguments)


def test_a_duty_to_cooperate_owner_sees_the_case_while_the_action_is_open(users, case):
    officer = users["housing.officer"]
    assert not actions_visible_to(officer).exists()
    action = agree(users, case, owner_user=officer)
    assert list(actions_visible_to(officer)) == [action]
    assert CaseAccessGrant.objects.get(id=action.access_grant_id).grantee_user == officer
    services.update_action(actor=officer, action=action, text="Done", status=Status.COMPLETED)
    assert not actions_visible_to(officer).exists()
    action.refresh_from_db()
    assert (action.status, action.closed_on) == (Status.COMPLETED, timezone.localdate())


def test_a_responsible_authority_owner_needs_no_grant(users, case):
    police = Agency.objects.get(area=case.nominal.area, kind="police")
    action = agree(users, case, owner_agency=police)
    assert action.access_grant is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"description": " "}, "description"),
        ({"due_on": timezone.localdate() - timedelta(days=1)}, "due_on"),
    ],
)
def test_bad_actions_are_refused_and_nothing_is_written(users, case, change, field):
    with pytest.raises(ValidationError) as refused:
        agree(users, case, **change)
    assert field in refused.value.message_dict
    assert not Action.objects.exists()
    assert not CaseAccessGrant.objects.filter(case=case.id).exclude(reason="lead_agency").exists()


def test_the_named_owner_must_work_for_the_owning_agency(users, case):
    with pytest.raises(ValidationError) as refused:
        agree(users, case, owner_user=users["probation.om"])
    assert "owner_user" in refused.value.message_dict


def test_an_owner_in_another_area_is_refused(users, case):
    elsewhere = Agency.objects.exclude(area=case.nominal.area).first()
    with pytest.raises(ValidationError) as refused:
        agree(users, case, owner_agency=elsewhere)
    assert "owner_agency" in refused.value.message_dict


def test_a_closed_action_takes_no_more_updates(users, case):
    action = agree(users, case)
    services.update_action(
        actor=users["coordinator"], action=action, text="No longer needed", status="cancelled"
    )
    with pytest.raises(ValidationError, match="closed"):
        services.update_action(actor=users["coordinator"], action=action, text="More")


def test_agreeing_and_updating_are_audited(users, case):
    action = agree(users, case)
    services.update_action(actor=users["coordinator"], action=action, text="Visited")
    assert AuditEvent.objects.filter(event_type=EventType.ACTION_CREATED, subject=case.id).exists()
    updated = AuditEvent.objects.get(event_type=EventType.ACTION_UPDATED)
    assert updated.payload == {"action": str(action.id), "status": "open"}


def test_overdue_actions_are_emailed_to_owner_and_coordinator_without_case_content(
    users, case, django_capture_on_commit_callbacks
):
    action = agree(users, case, owner_user=users["housing.officer"])
    Action.objects.filter(id=action.id).update(due_on=timezone.localdate() - timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        sent = reminders.send_overdue_action_reminders(today=timezone.localdate())
    assert sent == {"recipients": 2, "items": 1}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [users["housing.officer"].email, users["coordinator"].email]
    )
    for message in mail.outbox:
        assert "1 MAPPA action" in message.body and "/actions/" in message.body
        for content in (case.nominal.surname, "tenancy", "X123456", "Housing"):
            assert content not in message.body
    assert AuditEvent.objects.filter(event_type=EventType.ACTION_REMINDERS_SENT).exists()


def test_the_dashboard_shows_overdue_actions_in_red_and_filters_by_status(users, case, signed_in):
    late = agree(users, case, description="Late one")
    Action.objects.filter(id=late.id).update(due_on=timezone.localdate() - timedelta(days=1))
    agree(users, case, description="Future one", due_on=timezone.localdate() + timedelta(days=30))
    client = signed_in("coordinator")
    page = client.get("/actions/").content.decode()
    assert "govuk-tag--red" in page and "govuk-tag--green" in page
    only_late = client.get("/actions/?status=overdue").content.decode()
    assert "Late one" in only_late and "Future one" not in only_late
    own = signed_in("housing.officer").get("/actions/").content.decode()
    assert "Late one" in own


def test_the_owner_records_an_update_through_the_page(users, case, signed_in):
    action = agree(users, case)
    client = signed_in("housing.officer")
    response = client.post(
        f"/actions/{action.id}/", {"text": "Tenancy checked", "status": "completed"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == Status.COMPLETED


def test_an_action_is_agreed_through_the_page(users, case, signed_in):
    client = signed_in("probation.om")
    response = client.post(
        f"/actions/new/for-case/{case.id}/",
        {
            "description": "Arrange a joint home visit",
            "owner_agency": str(housing(users).pk),
            "owner_user": "",
            "due_on": f"{timezone.localdate() + timedelta(days=7):%d/%m/%Y}",
        },
    )
    assert response.status_code == 302
    assert Action.objects.get().description == "Arrange a joint home visit"


def test_outsiders_get_404_for_an_action_on_pages_and_api(users, case, signed_in, client):
    action = agree(users, case)
    assert signed_in("outsider.police").get(f"/actions/{action.id}/").status_code == 404
    token = {"HTTP_AUTHORIZATION": f"Token {demo_secret('outsider.police')}"}
    assert client.get(f"/api/v1/actions/{action.id}/", **token).status_code == 404
    assert client.get("/api/v1/actions/", **token).json()["results"] == []
    mine = {"HTTP_AUTHORIZATION": f"Token {demo_secret('coordinator')}"}
    listed = client.get(f"/api/v1/actions/?case={case.id}", **mine).json()["results"]
    assert [item["id"] for item in listed] == [str(action.id)]


def test_the_case_page_lists_its_actions_with_their_status(users, case, signed_in):
    agree(users, case, description="Check the tenancy")
    page = signed_in("probation.om").get(f"/cases/{case.id}/").content.decode()
    assert "Check the tenancy" in page and "Agree an action" in page
    assert "govuk-tag--green" in page


def test_a_practitioners_dashboard_counts_their_agencys_open_actions(users, case, signed_in):
    late = agree(users, case)
    Action.objects.filter(id=late.id).update(due_on=timezone.localdate() - timedelta(days=1))
    page = signed_in("housing.officer").get("/dashboard/").content.decode()
    assert "1 open action" in page and "1 overdue" in page

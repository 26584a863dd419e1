"""Open actions after a transfer (docs/transfers.md, issue 18): on acceptance, each open action
owned outside the receiving area is assigned to the accepting co-ordinator, who reassigns it at
the area's first meeting; the previous owner is told by a link-only e-mail and reminded no more;
the action keeps an update saying so, and the audit event names both areas and both owners."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from mappa.actions import queries, services
from mappa.actions.constants import Status
from mappa.actions.models import Action
from mappa.actions.reminders import overdue_counts
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.cases.tests.transferring import accept_in_other, request_to_other
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    settings.MAPPA_SITE_URL = "https://mappa.example"
    users = {user.username: user for user in load_demo()}
    case = MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")
    Action.objects.filter(case=case).delete()  # only this test's actions

    def agree(description, **owner):
        return services.create_action(
            actor=users["coordinator"],
            case=case,
            description=description,
            due_on=timezone.localdate() + timedelta(days=7),
            **owner,
        )

    ppu = users["police.ppu"]
    named = agree("Visit the new address", owner_agency=ppu.agency, owner_user=ppu)
    agency = agree("Check the tenancy", owner_agency=users["housing.officer"].agency)
    done = agree("Tell the victim", owner_agency=ppu.agency, owner_user=ppu)
    services.update_action(actor=ppu, action=done, text="Told her", status=Status.COMPLETED)
    transfer = request_to_other(users, case)
    return users, transfer, named, agency, done


def accept(users, transfer):
    accept_in_other(users, transfer)


def test_open_actions_go_to_the_accepting_coordinator_and_closed_ones_stay(
    world, django_capture_on_commit_callbacks
):
    users, transfer, named, agency, done = world
    other = users["coordinator.other"]
    with django_capture_on_commit_callbacks(execute=True):
        accept(users, transfer)
    for action in (named, agency):
        action.refresh_from_db()
        assert (action.owner_user, action.owner_agency) == (other, other.agency)
        assert action.status == Status.OPEN
        assert "Handed over on the transfer from Demoshire MAPPA area" in action.updates.last().text
        assert action in queries.for_area(other)
    done.refresh_from_db()
    assert done.owner_user == users["police.ppu"]  # a completed action keeps its owner
    ppu_name = users["police.ppu"].display_name
    assert f"owned by {ppu_name} until now" in named.updates.last().text
    housing = users["housing.officer"].agency.name
    assert f"owned by {housing} until now" in agency.updates.last().text


def test_the_handover_is_audited_naming_both_areas_and_both_owners(world):
    users, transfer, named, agency, done = world
    accept(users, transfer)
    events = AuditEvent.objects.filter(event_type=EventType.ACTION_HANDED_OVER)
    by_action = {event.payload["action"]: event.payload for event in events}
    assert set(by_action) == {str(named.id), str(agency.id)}
    payload = by_action[str(named.id)]
    assert (payload["from_area"], payload["to_area"]) == ("DEMO", "OTHER")
    assert payload["from_owner"] == str(users["police.ppu"].pk)
    assert payload["to_owner"] == str(users["coordinator.other"].pk)
    assert payload["transfer"] == str(transfer.id)
    assert by_action[str(agency.id)]["from_owner"] == str(users["housing.officer"].agency.pk)


def test_the_previous_owners_are_told_by_a_link_only_email(
    world, django_capture_on_commit_callbacks
):
    users, transfer, named, agency, done = world
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accept(users, transfer)
    handed = [m for m in mail.outbox if m.subject == services.HANDED_OVER_SUBJECT]
    told = {address for message in handed for address in message.to}
    assert users["police.ppu"].email in told  # the named owner
    assert users["housing.officer"].email in told  # the owning agency's members
    for message in handed:
        assert "https://mappa.example/actions/" in message.body
        assert "Smith" not in message.body and "Visit the new address" not in message.body


def test_reminders_go_to_the_new_owner_not_the_old(world):
    users, transfer, named, agency, done = world
    Action.objects.filter(id__in=[named.id, agency.id]).update(
        due_on=timezone.localdate() - timedelta(days=3)
    )
    before, _ = overdue_counts(timezone.localdate())
    assert users["police.ppu"] in before and users["coordinator.other"] not in before
    accept(users, transfer)
    after, items = overdue_counts(timezone.localdate())
    assert users["police.ppu"] not in after and users["housing.officer"] not in after
    assert users["coordinator"] not in after  # the sending co-ordinator oversees them no more
    assert after[users["coordinator.other"]] == 2 and items == 2

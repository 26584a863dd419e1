"""Access from owning an action (issue 16, item 2): the named owner, or else the agency, until
the action is completed or cancelled, or MAPPA_ACTION_ACCESS_DAYS after its due date."""

import importlib
from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.apps import apps
from django.utils import timezone

from mappa.actions import services
from mappa.actions.constants import Status
from mappa.actions.models import Action
from mappa.agencies.constants import AccessReason, Role
from mappa.agencies.models import CaseAccessGrant
from mappa.cases.models import MappaCase
from mappa.cases.queries import cases_visible_to
from mappa.desk.services import load_demo
from tests.factories import create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


@pytest.fixture
def case(users):
    return MappaCase.objects.get(nominal__crn="X123456")


@pytest.fixture
def colleague(users):
    """Someone else at the owning agency (Housing authority), who owns nothing."""
    officer = users["housing.officer"]
    return create_user(role=Role.DTC_PRACTITIONER, agency=officer.agency, area=officer.area)


def agree(users, case, **overrides):
    arguments = {
        "actor": users["coordinator"],
        "case": case,
        "description": "Check the tenancy for children visiting",
        "owner_agency": users["housing.officer"].agency,
        "due_on": timezone.localdate() + timedelta(days=14),
    } | overrides
    return services.create_action(**arguments)


def sees(user, case) -> bool:
    return cases_visible_to(user).filter(id=case.id).exists()


def test_a_named_owner_sees_the_case_and_the_rest_of_their_agency_does_not(users, case, colleague):
    officer = users["housing.officer"]
    agree(users, case, owner_user=officer)
    assert sees(officer, case)
    assert not sees(colleague, case)


def test_with_no_one_named_the_owning_agency_sees_the_case(users, case, colleague):
    action = agree(users, case)
    assert action.access_grant.grantee_agency == users["housing.officer"].agency
    assert sees(colleague, case) and sees(users["housing.officer"], case)


@pytest.mark.parametrize("closing", [Status.COMPLETED, Status.CANCELLED])
def test_completing_or_cancelling_the_action_ends_the_owners_access(users, case, closing):
    officer = users["housing.officer"]
    action = agree(users, case, owner_user=officer)
    services.update_action(actor=officer, action=action, text="Finished", status=closing)
    assert not sees(officer, case)
    assert CaseAccessGrant.objects.get(id=action.access_grant_id).revoked_at is not None


def test_an_update_that_leaves_the_action_open_keeps_the_access(users, case):
    officer = users["housing.officer"]
    action = agree(users, case, owner_user=officer)
    services.update_action(actor=officer, action=action, text="Visited once")
    assert sees(officer, case)


def test_access_ends_the_configured_days_after_the_due_date_if_the_action_is_still_open(
    users, case, settings
):
    settings.MAPPA_ACTION_ACCESS_DAYS = 10
    officer = users["housing.officer"]
    due = timezone.localdate() + timedelta(days=5)
    action = agree(users, case, owner_user=officer, due_on=due)
    ends = datetime.combine(
        due + timedelta(days=11), time.min, tzinfo=timezone.get_current_timezone()
    )
    assert action.access_grant.expires_at == ends
    with time_machine.travel(ends - timedelta(minutes=1), tick=False):
        assert sees(officer, case)
    with time_machine.travel(ends, tick=False):
        assert not sees(officer, case)


def _migration():
    return importlib.import_module("mappa.actions.migrations.0002_action_access_to_the_owner")


def _old_style(users, case, **overrides) -> Action:
    """An action as agreed before this change: its agency granted access with no end."""
    action = agree(users, case, **overrides)
    grant = action.access_grant
    CaseAccessGrant.objects.filter(id=grant.id).update(
        grantee_user=None, grantee_agency=action.owner_agency, expires_at=None
    )
    return action


def test_the_migration_moves_an_open_grant_to_the_named_owner_with_an_end(
    users, case, colleague, settings
):
    settings.MAPPA_ACTION_ACCESS_DAYS = 28
    officer = users["housing.officer"]
    action = _old_style(users, case, owner_user=officer)
    assert sees(colleague, case)
    _migration().forwards(apps, None)
    action.refresh_from_db()
    moved = action.access_grant
    assert (moved.grantee_user, moved.reason) == (officer, AccessReason.ACTION_OWNER)
    assert moved.expires_at.date() == action.due_on + timedelta(days=29)
    assert sees(officer, case) and not sees(colleague, case)


def test_the_migration_ends_the_grant_of_an_action_already_closed(users, case):
    officer = users["housing.officer"]
    action = _old_style(users, case)
    Action.objects.filter(id=action.id).update(
        status=Status.COMPLETED, closed_on=timezone.localdate()
    )
    assert sees(officer, case)
    _migration().forwards(apps, None)
    assert not sees(officer, case)


def test_the_migration_gives_an_unnamed_agency_grant_its_end_and_keeps_the_agency(users, case):
    action = _old_style(users, case)
    _migration().forwards(apps, None)
    grant = CaseAccessGrant.objects.get(id=action.access_grant_id)
    assert grant.grantee_agency == action.owner_agency and grant.revoked_at is None
    assert grant.expires_at is not None

"""A case a transfer shares with another area is read-only there (docs/transfers.md), in the
workflows issue 18 added as in the rest: during hand-over the receiving area reads the case but
reports nothing and asks no one; after acceptance the sending area only reads it, and the
receiving area manages it."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mappa.agencies.models import Agency
from mappa.cases.models import MappaCase
from mappa.cases.tests.transferring import accept_in_other, request_to_other
from mappa.desk.services import load_demo
from mappa.information_requests import queries as information_requests
from mappa.information_requests import services as requests_services
from mappa.whereabouts import queries as whereabouts
from mappa.whereabouts import services as whereabouts_services
from mappa.whereabouts.constants import Kind
from mappa.whereabouts.models import WhereaboutsReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    settings.MAPPA_SITE_URL = "https://mappa.example"
    users = {user.username: user for user in load_demo()}
    case = MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")
    transfer = request_to_other(users, case)
    return users, case, transfer


def accept(users, transfer):
    accept_in_other(users, transfer)


def fresh(case) -> MappaCase:
    return MappaCase.objects.select_related("nominal").get(id=case.id)


def report(actor, case):
    return whereabouts_services.report_whereabouts_unknown(
        actor=actor,
        case=case,
        kind=Kind.MISSING,
        started_at=timezone.now() - timedelta(hours=2),
        what_is_known="Left the hostel at 07:00",
    )


def ask(actor, case, area_code):
    return requests_services.raise_request(
        actor=actor,
        case=case,
        agency=Agency.objects.filter(area__code=area_code, kind="police").first(),
        basis="duty_to_cooperate",
        purpose="To assess the risk to his sister's children",
        question="Any call-outs to the new address?",
        due_on=timezone.localdate() + timedelta(days=10),
    )


@pytest.mark.parametrize(
    ("accepted", "reader", "manager", "manager_area"),
    [
        (False, "coordinator.other", "coordinator", "DEMO"),  # hand-over: the sender manages
        (True, "coordinator", "coordinator.other", "OTHER"),  # accepted: the receiver manages
    ],
)
def test_only_the_managing_area_reports_whereabouts_or_asks_agencies(
    world, accepted, reader, manager, manager_area
):
    users, case, transfer = world
    if accepted:
        accept(users, transfer)
    case = fresh(case)
    assert not whereabouts.may_report(users[reader], case)
    assert not information_requests.may_raise(users[reader], case)
    with pytest.raises(PermissionDenied):
        report(users[reader], case)
    with pytest.raises(ValidationError):
        ask(users[reader], case, manager_area)
    assert not WhereaboutsReport.objects.filter(case=case).exists()

    assert whereabouts.may_report(users[manager], case)
    assert information_requests.may_raise(users[manager], case)
    made = report(users[manager], case)
    assert whereabouts.may_search(users[manager], case)
    assert not whereabouts.may_search(users[reader], case)
    with pytest.raises(PermissionDenied):
        whereabouts_services.add_search_action(
            actor=users[reader],
            report=made,
            version=made.version,
            done_at=timezone.now() - timedelta(hours=1),
            what_was_done="Checked the sister's address",
            outcome="Not there",
        )

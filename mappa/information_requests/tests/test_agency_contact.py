"""An agency's contact e-mail (set by the administrator): a request with no one named is sent
there, by a link only, instead of to each of the agency's people who answer; a named person is
still told alone, and a case needing terrorism clearance never goes to a shared mailbox."""

import pytest
from django.core import mail

from mappa.agencies.models import Agency
from mappa.desk.services import load_demo
from mappa.information_requests import services
from mappa.information_requests.tests.records import QUESTION, agency, ask, smith

pytestmark = pytest.mark.django_db
MAILBOX = "information.requests@housing.example.invalid"


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


@pytest.fixture
def housing(users) -> Agency:
    found = agency("Housing authority")
    found.contact_email = MAILBOX
    found.save(update_fields=["contact_email"])
    return found


def test_a_request_with_no_one_named_goes_to_the_agencys_contact_address(
    users, housing, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        found = ask(users, agency=housing)
    assert [m.to for m in mail.outbox] == [[MAILBOX]]  # not housing.officer as well
    assert f"/information-requests/{found.id}/" in mail.outbox[0].body
    for secret in ("Smith", QUESTION):
        assert secret not in mail.outbox[0].body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_request(actor=users["coordinator"], found=found, version=1, reason="x")
    assert [m.to for m in mail.outbox] == [[MAILBOX]]


def test_a_named_person_is_still_told_alone(users, housing, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask(users, agency=housing, addressed_to=users["housing.officer"])
    assert [m.to for m in mail.outbox] == [["housing.officer@demo.mappa.invalid"]]


def test_a_category_4_request_never_goes_to_a_shared_mailbox(
    users, housing, django_capture_on_commit_callbacks
):
    case = smith()
    type(case).objects.filter(id=case.id).update(category=4)
    case.refresh_from_db()
    coordinator = users["coordinator"]
    coordinator.terrorism_clearance = True
    coordinator.save(update_fields=["terrorism_clearance"])
    with django_capture_on_commit_callbacks(execute=True):
        ask(users, case=case, agency=housing)
    assert mail.outbox == []  # housing.officer has no clearance, and no mailbox is cleared


def test_the_administrator_sets_the_contact_address(users, signed_in):
    from mappa.agencies.tests.test_admin import _admin_form

    client = signed_in("sysadmin")
    housing = agency("Housing authority")
    url = f"/admin/agencies/agency/{housing.pk}/change/"
    form = _admin_form(client, url)
    assert "contact_email" in form
    bad = client.post(url, form | {"contact_email": "not an address"})
    assert bad.status_code == 200 and "Enter a valid email address" in bad.content.decode()
    housing.refresh_from_db()
    assert housing.contact_email == ""
    saved = client.post(url, form | {"contact_email": MAILBOX})
    assert saved.status_code == 302
    housing.refresh_from_db()
    assert housing.contact_email == MAILBOX

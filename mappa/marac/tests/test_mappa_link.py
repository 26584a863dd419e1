"""The link with MAPPA: a perpetrator on the register is found by identifiers, the MAPPA
co-ordinator is alerted by a link-only e-mail, both case pages show the link, facts shared are
recorded, and users authorised for both see the actions side by side."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.actions import services as actions
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo
from mappa.marac.constants import FoundBy
from mappa.marac.services import casework, linking
from mappa.marac.tests.dashes import referred
from mappa.people.models import Nominal

pytestmark = pytest.mark.django_db

SMITH_CRN = "X123456"  # John Paul Smith, a level 2 MAPPA case in the demo area


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


def linked_case(users, django_capture_on_commit_callbacks, **perpetrator):
    with django_capture_on_commit_callbacks(execute=True):
        return referred(users["police.ppu"], perpetrator={"crn": SMITH_CRN} | perpetrator)


def test_a_perpetrator_with_a_crn_on_the_register_raises_the_link(
    users, django_capture_on_commit_callbacks
):
    case = linked_case(users, django_capture_on_commit_callbacks, crn="x123456")
    smith = Nominal.objects.get(crn=SMITH_CRN)
    link = case.mappa_links.get()
    assert link.nominal == smith and link.found_by == FoundBy.IDENTIFIERS
    assert link.mappa_case == MappaCase.objects.get(nominal=smith, closed_on__isnull=True)
    assert link.matched_on == "nDelius CRN x123456"
    assert case.perpetrator_nominal == smith and case.dash.perpetrator_nominal == smith
    event = AuditEvent.objects.get(event_type=EventType.MARAC_MAPPA_LINK_RAISED)
    assert event.payload["mappa_case"] == str(link.mappa_case_id)


def test_the_mappa_coordinator_is_alerted_by_a_link_only(users, django_capture_on_commit_callbacks):
    case = linked_case(users, django_capture_on_commit_callbacks)
    link = case.mappa_links.get()
    (alert,) = [m for m in mail.outbox if users["coordinator"].email in m.to]
    assert f"/cases/{link.mappa_case_id}/" in alert.body
    assert "Nadia" not in alert.body and "Smith" not in alert.body
    assert link.coordinators_alerted == 1


def test_a_perpetrator_not_on_the_register_raises_nothing(users):
    case = referred(users["police.ppu"], perpetrator={"crn": "X999999", "pnc": "1999/0000001A"})
    assert not case.mappa_links.exists()


def test_another_areas_register_is_not_searched(users):
    case = referred(users["police.ppu"], perpetrator={"crn": "X678901"})  # Lee Turner, OTHER
    assert not case.mappa_links.exists()


def test_the_link_is_raised_once(users, django_capture_on_commit_callbacks):
    case = linked_case(users, django_capture_on_commit_callbacks)
    again = linking.raise_link(
        actor=users["marac.coordinator"],
        case=case,
        nominal=case.perpetrator_nominal,
        found_by=FoundBy.LINKAGE,
    )
    assert again == case.mappa_links.get()


def test_a_fact_shared_is_recorded_and_shown_on_the_mappa_case_without_the_victim(
    users, signed_in, django_capture_on_commit_callbacks
):
    case = linked_case(users, django_capture_on_commit_callbacks)
    link = case.mappa_links.get()
    linking.share_fact(
        actor=users["marac.coordinator"],
        link=link,
        text="Non-molestation order in force until June 2027",
    )
    with pytest.raises(ValidationError):
        linking.share_fact(actor=users["marac.coordinator"], link=link, text=" ")
    page = signed_in("coordinator").get(f"/cases/{link.mappa_case_id}/").content.decode()
    assert 'data-testid="marac-link"' in page
    assert "Non-molestation order in force until June 2027" in page
    assert "Nadia" not in page and "07700" not in page
    assert "View the MARAC case" not in page  # the MAPPA co-ordinator takes no part in it
    person = signed_in("coordinator").get(f"/people/{link.nominal_id}/").content.decode()
    assert "perpetrator in a MARAC case" in person and "Nadia" not in person


def test_users_authorised_for_both_see_the_actions_side_by_side(
    users, signed_in, django_capture_on_commit_callbacks
):
    case = linked_case(users, django_capture_on_commit_callbacks)
    link = case.mappa_links.get()
    due = timezone.localdate() + timedelta(days=10)
    actions.create_action(
        actor=users["coordinator"],
        case=link.mappa_case,
        description="Home visit by the offender manager",
        owner_agency=users["probation.om"].agency,
        due_on=due,
    )
    casework.add_action(
        actor=users["marac.coordinator"],
        case=case,
        description="Install a panic alarm",
        owner_agency=users["police.ppu"].agency,
        due_on=due,
    )
    for url in (f"/marac/cases/{case.id}/", f"/cases/{link.mappa_case_id}/"):
        page = signed_in("police.ppu").get(url).content.decode()
        assert 'data-testid="actions-side-by-side"' in page, url
        assert "Home visit by the offender manager" in page and "Install a panic alarm" in page
    marac_only = signed_in("marac.coordinator").get(f"/marac/cases/{case.id}/").content.decode()
    assert "actions-side-by-side" not in marac_only and "Home visit" not in marac_only
    mappa_only = signed_in("coordinator").get(f"/cases/{link.mappa_case_id}/").content.decode()
    assert "actions-side-by-side" not in mappa_only and "Install a panic alarm" not in mappa_only

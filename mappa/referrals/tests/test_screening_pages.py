"""The screening queue and the screening form, through the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo
from mappa.people.models import Nominal
from mappa.referrals.constants import Status
from mappa.referrals.models import Referral
from mappa.referrals.tests.drafts import submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db, demo_mode):
    return {user.username: user for user in load_demo()}


def test_the_queue_lists_submitted_referrals_oldest_first_with_their_age(users, signed_in):
    old = submitted(users["housing.officer"], offender={"surname": "Oldest"})
    new = submitted(users["housing.officer"], offender={"surname": "Newest"})
    Referral.objects.filter(id=old.id).update(submitted_at=timezone.now() - timedelta(days=12))
    page = signed_in("coordinator").get("/referrals/screening/").content.decode()
    assert page.index("Oldest") < page.index("Newest")
    assert "govuk-tag--red" in page and "12 days" in page
    assert "govuk-tag--green" in page and str(new.id) in page


def test_a_practitioner_cannot_open_the_queue(users, signed_in):
    assert signed_in("probation.om").get("/referrals/screening/").status_code == 403


def test_the_screening_form_offers_matching_people_and_links_the_one_chosen(users, signed_in):
    nominal = Nominal.objects.get(crn="X345678")
    referral = submitted(
        users["housing.officer"],
        offender={"forenames": nominal.forenames, "surname": nominal.surname, "crn": "X345678"},
        category={"category": "1"},
    )
    client = signed_in("coordinator")
    page = client.get(f"/referrals/{referral.id}/screen/").content.decode()
    assert f'value="{nominal.id}"' in page
    response = client.post(
        f"/referrals/{referral.id}/screen/",
        {"person": str(nominal.id), "outcome": "level_2", "rationale": "Needs housing input"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.ACCEPTED
    assert MappaCase.objects.get(nominal=nominal, closed_on__isnull=True).level == 2


def test_a_bad_decision_shows_the_error_and_changes_nothing(users, signed_in):
    referral = submitted(users["housing.officer"])
    client = signed_in("coordinator")
    response = client.post(f"/referrals/{referral.id}/screen/", {"outcome": "returned"})
    assert response.status_code == 200
    assert "Say what information is missing" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == Status.SUBMITTED


def test_the_person_page_timeline_shows_the_referral_and_its_screening(users, signed_in):
    nominal = Nominal.objects.get(crn="X345678")
    referral = submitted(users["probation.om"], nominal)
    client = signed_in("coordinator")
    client.post(
        f"/referrals/{referral.id}/screen/",
        {"outcome": "level_2", "rationale": "Needs housing input"},
    )
    page = client.get(f"/people/{nominal.id}/").content.decode()
    assert "Referred to level 2" in page
    assert "Screening: accept at level 2" in page


def test_the_referrers_dashboard_shows_where_their_referrals_are(users, signed_in):
    referral = submitted(users["housing.officer"])
    client = signed_in("housing.officer")
    page = client.get("/dashboard/").content.decode()
    assert f"/referrals/{referral.id}/" in page
    assert "Submitted: awaiting screening" in page


def test_the_confirmation_after_screening_links_to_the_new_case(users, signed_in):
    referral = submitted(users["housing.officer"], category={"category": "2"})
    client = signed_in("coordinator")
    response = client.post(
        f"/referrals/{referral.id}/screen/",
        {
            "person": "add",
            "outcome": "level_2",
            "rationale": "Needs multi-agency management",
            "lead_agency": "probation",
        },
        follow=True,
    )
    referral.refresh_from_db()
    assert referral.case_id is not None
    page = response.content.decode()
    assert "Decision recorded" in page
    assert f'href="/cases/{referral.case_id}/">Open the case</a>' in page


def test_a_declined_referral_confirms_without_a_case_link(users, signed_in):
    referral = submitted(users["housing.officer"])
    client = signed_in("coordinator")
    response = client.post(
        f"/referrals/{referral.id}/screen/",
        {"person": "add", "outcome": "declined", "rationale": "Not MAPPA eligible"},
        follow=True,
    )
    page = response.content.decode()
    assert "Decision recorded" in page and "Open the case" not in page

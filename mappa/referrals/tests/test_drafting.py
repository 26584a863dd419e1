"""Drafting a referral section by section, pre-filled from the register, then submitting it."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.desk.services import load_demo
from mappa.people.models import Nominal
from mappa.referrals import services
from mappa.referrals.constants import Status
from mappa.referrals.tests.drafts import ANSWERS, fill_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db):
    return {user.username: user for user in load_demo()}


def test_a_started_referral_is_a_draft_of_the_referrers_agency_and_area(users):
    referral = services.start_referral(actor=users["housing.officer"])
    assert referral.status == Status.DRAFT
    assert referral.referring_agency == users["housing.officer"].agency
    assert referral.area == users["housing.officer"].area
    assert AuditEvent.objects.filter(
        event_type=EventType.REFERRAL_STARTED, subject=referral.id
    ).exists()


def test_saving_the_category_section_sets_the_level_and_category_for_screening(users):
    referral = services.start_referral(actor=users["housing.officer"])
    services.save_section(
        actor=users["housing.officer"],
        referral=referral,
        key="category",
        data={"level": "3", "category": "tbd"},
    )
    referral.refresh_from_db()
    assert (referral.level_requested, referral.category) == (3, None)
    assert referral.category_to_be_determined


def test_submitting_needs_every_section(users):
    officer = users["housing.officer"]
    referral = services.start_referral(actor=officer)
    services.save_section(
        actor=officer, referral=referral, key="category", data=ANSWERS["category"]
    )
    with pytest.raises(ValidationError) as refused:
        services.submit(actor=officer, referral=referral)
    assert "Complete the section: Offender information" in refused.value.messages
    referral.refresh_from_db()
    assert referral.status == Status.DRAFT


def test_a_level_3_referral_cannot_be_submitted_without_saying_what_level_2_cannot_deliver(users):
    officer = users["housing.officer"]
    referral = fill_in(services.start_referral(actor=officer), officer, category={"level": "3"})
    with pytest.raises(ValidationError) as refused:
        services.submit(actor=officer, referral=referral)
    assert refused.value.messages == ["A level 3 referral must say what level 2 cannot deliver"]


def test_a_referral_cannot_be_edited_after_submission(users):
    officer = users["housing.officer"]
    referral = fill_in(services.start_referral(actor=officer), officer)
    services.submit(actor=officer, referral=referral)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.save_section(
            actor=officer, referral=referral, key="reason", data={"reason": "Changed"}
        )
    referral.refresh_from_db()
    assert referral.sections["reason"] == ANSWERS["reason"]


def test_only_the_referrer_can_change_a_draft(users):
    referral = services.start_referral(actor=users["housing.officer"])
    with pytest.raises(ValidationError, match="Only the referrer"):
        services.save_section(
            actor=users["coordinator"], referral=referral, key="reason", data={"reason": "x"}
        )


def test_the_form_refuses_a_submitted_referral_and_changes_nothing(users, signed_in):
    officer = users["housing.officer"]
    referral = fill_in(services.start_referral(actor=officer), officer)
    services.submit(actor=officer, referral=referral)
    client = signed_in("housing.officer")
    response = client.post(f"/referrals/{referral.id}/reason/", {"reason": "Changed"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.sections["reason"] == ANSWERS["reason"]
    assert "can no longer be changed" in client.get(response.url).content.decode()


def test_sections_are_prefilled_from_the_persons_record(users, signed_in):
    nominal = Nominal.objects.get(crn="X123456")
    client = signed_in("probation.om")
    response = client.post("/referrals/new/", {"person": str(nominal.id)})
    page = client.get(response.url + "offender/").content.decode()
    assert f'value="{nominal.surname}"' in page
    assert 'value="X123456"' in page
    category = client.get(response.url + "category/").content.decode()
    checked = re.findall(r'name="category"[^>]*value="(\w+)"\s*checked', category)
    assert checked == ["1"]  # the category the rules compute from the record


def test_a_referral_for_someone_released_within_six_months_warns(users, signed_in, settings):
    officer = users["housing.officer"]
    referral = services.start_referral(actor=officer)
    soon = {"in_custody": "yes", "release_date": "2099-01-01"}
    fill_in(referral, officer, dates=soon)
    client = signed_in("housing.officer")
    assert "release-warning" not in client.get(f"/referrals/{referral.id}/").content.decode()
    settings.MAPPA_REFERRAL_RELEASE_WARNING_MONTHS = 12 * 100
    assert "release-warning" in client.get(f"/referrals/{referral.id}/").content.decode()


def test_submitting_through_the_pages_locks_the_referral(users, signed_in):
    officer = users["housing.officer"]
    referral = fill_in(services.start_referral(actor=officer), officer)
    client = signed_in("housing.officer")
    response = client.post(f"/referrals/{referral.id}/submit/")
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.SUBMITTED
    page = client.get(f"/referrals/{referral.id}/").content.decode()
    assert "task-list" not in page
    assert "Submitted: awaiting screening" in page
    assert mail.outbox == []


def test_a_referral_about_a_person_out_of_scope_or_a_malformed_id_is_404(users, signed_in):
    other_area = Nominal.objects.exclude(area=users["probation.om"].area).first()
    client = signed_in("probation.om")
    assert client.get(f"/referrals/new/?person={other_area.id}").status_code == 404
    assert client.get("/referrals/new/?person=not-a-uuid").status_code == 404
    assert client.post("/referrals/new/", {"person": "not-a-uuid"}).status_code == 404


def test_the_referrer_may_withdraw_a_waiting_referral_but_not_a_decided_one(users, signed_in):
    officer = users["housing.officer"]
    referral = fill_in(services.start_referral(actor=officer), officer)
    services.submit(actor=officer, referral=referral)
    signed_in("housing.officer").post(f"/referrals/{referral.id}/withdraw/")
    referral.refresh_from_db()
    assert referral.status == Status.WITHDRAWN
    with pytest.raises(ValidationError, match="cannot be withdrawn"):
        services.withdraw(actor=officer, referral=referral)

"""Screening and thresholding: a level, a return for information, or a decline; the referrer is told."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from mappa.agencies.constants import AccessReason
from mappa.agencies.models import CaseAccessGrant
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.constants import DecisionSource
from mappa.cases.models import MappaCase
from mappa.desk.services import load_demo
from mappa.people.models import Nominal
from mappa.referrals import services
from mappa.referrals.constants import Outcome, Status
from mappa.referrals.forms import ADD_TO_REGISTER
from mappa.referrals.tests.drafts import submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(db):
    return {user.username: user for user in load_demo()}


def screen(users, referral, **arguments):
    return services.screen(actor=users["coordinator"], referral=referral, **arguments)


def test_accepting_at_level_2_raises_an_existing_case_and_records_it_in_the_level_history(users):
    nominal = Nominal.objects.get(crn="X345678")  # category 1, level 1
    referral = submitted(users["probation.om"], nominal)
    screen(users, referral, outcome=Outcome.LEVEL_2, rationale="Needs housing and police input")
    case = MappaCase.objects.get(nominal=nominal, closed_on__isnull=True)
    latest = case.level_history.order_by("-id").first()
    assert (case.level, latest.level, latest.source) == (2, 2, DecisionSource.SCREENING)
    assert latest.decided_by == users["coordinator"]
    assert latest.rationale == "Needs housing and police input"
    assert case.first_meeting_needed_since is not None
    referral.refresh_from_db()
    assert (referral.status, referral.case) == (Status.ACCEPTED, case)


def test_accepting_someone_not_on_the_register_adds_them_and_opens_a_case(users):
    referral = submitted(users["housing.officer"])
    screen(
        users,
        referral,
        outcome=Outcome.LEVEL_3,
        rationale="Imminent risk; police resources needed",
        lead_agency="police",
        nominal=ADD_TO_REGISTER,
    )
    referral.refresh_from_db()
    case = referral.case
    assert (case.nominal.surname, case.category, case.level) == ("Fenwick", 3, 3)
    assert case.start_date is not None and case.next_review_due is not None
    police = CaseAccessGrant.objects.get(case=case.id, reason=AccessReason.LEAD_AGENCY)
    assert police.grantee_agency.kind == "police"


def test_a_level_decision_needs_the_person_on_the_register(users):
    referral = submitted(users["housing.officer"])
    with pytest.raises(ValidationError) as refused:
        screen(users, referral, outcome=Outcome.LEVEL_2, rationale="Yes", lead_agency="police")
    assert "person" in refused.value.message_dict
    referral.refresh_from_db()
    assert referral.status == Status.SUBMITTED


def test_level_1_needs_a_rationale(users):
    nominal = Nominal.objects.get(crn="X123456")
    referral = submitted(users["probation.om"], nominal, category={"category": "1"})
    with pytest.raises(ValidationError) as refused:
        screen(users, referral, outcome=Outcome.LEVEL_1, rationale=" ")
    assert refused.value.message_dict == {"rationale": ["Give the rationale for the decision"]}


def test_level_1_is_refused_for_category_3_and_nothing_changes(users):
    nominal = Nominal.objects.get(crn="X345678")
    referral = submitted(users["probation.om"], nominal)  # category 3 in the referral
    with pytest.raises(ValidationError) as refused:
        screen(users, referral, outcome=Outcome.LEVEL_1, rationale="Single agency will do")
    assert "category 3" in refused.value.message_dict["outcome"][0]
    referral.refresh_from_db()
    assert referral.status == Status.SUBMITTED
    assert not referral.decisions.exists()


def test_a_returned_referral_says_what_is_missing_and_can_be_edited_and_resubmitted(users):
    officer = users["housing.officer"]
    referral = submitted(officer)
    with pytest.raises(ValidationError):
        screen(users, referral, outcome=Outcome.RETURNED)
    screen(users, referral, outcome=Outcome.RETURNED, missing_information="Date of birth")
    referral.refresh_from_db()
    assert referral.status == Status.RETURNED
    services.save_section(
        actor=officer,
        referral=referral,
        key="reason",
        data={"reason": "Threats, and now a date of birth"},
    )
    services.submit(actor=officer, referral=referral)
    assert referral.status == Status.SUBMITTED


def test_declining_needs_reasons_and_leaves_cases_alone(users):
    nominal = Nominal.objects.get(crn="X345678")
    referral = submitted(users["probation.om"], nominal)
    screen(users, referral, outcome=Outcome.DECLINED, rationale="Level 1 plan is defensible")
    assert MappaCase.objects.get(nominal=nominal, closed_on__isnull=True).level == 1
    referral.refresh_from_db()
    assert referral.status == Status.DECLINED


def test_only_a_submitted_referral_can_be_screened(users):
    referral = services.start_referral(actor=users["housing.officer"])
    with pytest.raises(ValidationError, match="Only a submitted referral"):
        screen(users, referral, outcome=Outcome.DECLINED, rationale="No")


def test_the_referrer_is_told_by_email_without_case_content(
    users, django_capture_on_commit_callbacks
):
    referral = submitted(users["housing.officer"])
    with django_capture_on_commit_callbacks(execute=True):
        screen(users, referral, outcome=Outcome.RETURNED, missing_information="Date of birth")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [users["housing.officer"].email]
    assert f"/referrals/{referral.id}/" in message.body
    for content in ("Fenwick", "Dale", "Date of birth", "Wounding", "returned"):
        assert content not in message.body and content not in message.subject


def test_every_decision_is_audited(users):
    referral = submitted(users["housing.officer"])
    screen(users, referral, outcome=Outcome.RETURNED, missing_information="Date of birth")
    event = AuditEvent.objects.get(event_type=EventType.REFERRAL_SCREENED, subject=referral.id)
    assert event.payload == {"referral": str(referral.id), "outcome": "returned"}
    assert event.actor == users["coordinator"]

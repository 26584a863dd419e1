"""Writing minutes: starting them, carry-over, decisions, disclosure, actions and approval."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from mappa.actions.models import Action
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.constants import DecisionSource
from mappa.disclosures.constants import Decision, Method
from mappa.disclosures.models import DisclosureDecision
from mappa.meetings.constants import CarriedFrom, MeetingStatus
from mappa.meetings.services import approval, minutes

from .minutes_setup import case_minutes, decide, hold_meeting, no_disclosure, ready_to_approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    return hold_meeting(world)


def test_starting_the_minutes_makes_a_draft_with_one_record_per_case(world, meeting):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_DRAFT
    walsh = case_minutes(meeting, "X456789")
    assert (walsh.category, walsh.level) == (3, 2)
    assert meeting.minutes.items.count() == 2
    assert AuditEvent.objects.filter(event_type=EventType.MINUTES_STARTED).exists()


def test_minutes_cannot_be_started_before_the_meeting_is_held(world):
    from .factories import create_meeting

    planned = create_meeting(world.users["coordinator"])
    with pytest.raises(ValidationError, match="recorded as held"):
        minutes.start_minutes(actor=world.users["chair.police"], meeting=planned)


def test_a_practitioner_cannot_write_minutes(world, meeting):
    with pytest.raises(ValidationError, match="chairs and co-ordinators"):
        minutes.start_minutes(actor=world.users["probation.om"], meeting=meeting)


def test_a_next_review_beyond_16_weeks_for_level_2_is_refused_with_the_limit(world, meeting):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    latest = world.today + timedelta(weeks=16)
    with pytest.raises(ValidationError) as error:
        decide(world, meeting, "X123456", next_review_on=latest + timedelta(days=1))
    assert error.value.message_dict["next_review_on"] == [
        "The next review of a level 2 case must be no more than 16 weeks after the meeting: "
        f"on or before {latest.day} {latest:%B %Y}"
    ]
    decide(world, meeting, "X123456", next_review_on=latest)  # the limit itself is allowed


def test_category_3_cannot_go_down_to_level_1(world, meeting):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        decide(world, meeting, "X456789", level_decision="down", new_level=1)
    assert "leaves MAPPA instead" in error.value.message_dict["new_level"][0]


def test_a_meeting_cannot_be_approved_without_a_disclosure_decision_for_every_case(world, meeting):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    for crn in ("X456789", "X123456"):
        decide(world, meeting, crn)
    no_disclosure(world, meeting, "X456789")
    with pytest.raises(ValidationError) as error:
        approval.approve_minutes(actor=world.users["chair.police"], meeting=meeting)
    assert error.value.messages == ["Record whether to disclose information about John Paul Smith"]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_DRAFT


def test_a_case_not_discussed_needs_a_reason_and_no_decision(world, meeting):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    smith = case_minutes(meeting, "X123456")
    with pytest.raises(ValidationError):
        minutes.save_case_minutes(
            actor=world.users["chair.police"],
            case_minutes=smith,
            version=smith.version,
            discussed=False,
        )
    minutes.save_case_minutes(
        actor=world.users["chair.police"],
        case_minutes=smith,
        version=smith.version,
        discussed=False,
        not_discussed_reason="Out of time: listed next week",
    )
    decide(world, meeting, "X456789")
    no_disclosure(world, meeting, "X456789")
    approval.approve_minutes(actor=world.users["chair.police"], meeting=meeting)
    assert world.case("X123456").level_history.filter(source=DecisionSource.MEETING).count() == 0


def test_only_the_chair_or_co_chair_approves(world, meeting):
    ready_to_approve(world, meeting)
    with pytest.raises(ValidationError, match="chair or co-chair"):
        approval.approve_minutes(actor=world.users["coordinator"], meeting=meeting)


def test_approval_is_refused_when_the_statement_was_not_read(world):
    meeting = hold_meeting(world, statement_read=False)
    ready_to_approve(world, meeting)
    with pytest.raises(ValidationError, match="statement was read"):
        approval.approve_minutes(actor=world.users["chair.police"], meeting=meeting)


def test_approval_applies_the_decisions_to_the_level_history_and_next_review(world, meeting):
    ready_to_approve(world, meeting)
    next_review = world.today + timedelta(weeks=6)
    decide(
        world,
        meeting,
        "X123456",
        level_decision="up",
        new_level=3,
        rationale="Needs senior resources at short notice",
        dissent="Probation thought level 2 enough",
        next_review_on=next_review,
    )
    approval.approve_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_APPROVED
    smith = world.case("X123456")
    assert (smith.level, smith.next_review_due) == (3, next_review)
    change = smith.level_history.last()
    assert (change.source, change.level, change.effective_from) == (
        DecisionSource.MEETING,
        3,
        meeting.date,
    )
    assert "Dissent recorded: Probation thought level 2 enough" in change.rationale
    assert change.decided_by == world.users["chair.police"]
    walsh = world.case("X456789")
    assert walsh.level == 2 and walsh.next_review_due == world.today + timedelta(weeks=12)
    assert case_minutes(meeting, "X123456").decision_applied_at is not None


def test_a_case_leaving_mappa_is_closed_on_approval(world, meeting):
    ready_to_approve(world, meeting)
    decide(
        world,
        meeting,
        "X456789",
        level_decision="leaves",
        closure_reason="risk_reduced",
        next_review_on=None,
    )
    approval.approve_minutes(actor=world.users["chair.police"], meeting=meeting)
    walsh = world.case("X456789")
    assert walsh.closed_on == meeting.date and walsh.closure_reason == "risk_reduced"


def test_decisions_are_not_applied_before_approval(world, meeting):
    ready_to_approve(world, meeting)
    decide(
        world,
        meeting,
        "X123456",
        level_decision="up",
        new_level=3,
        next_review_on=world.today + timedelta(weeks=4),
    )
    assert world.case("X123456").level == 2


def test_a_yes_creates_a_disclosure_decision_sourced_from_the_agenda_item(world, meeting):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    walsh = case_minutes(meeting, "X456789")
    recorded = minutes.record_disclosure(
        actor=world.users["chair.police"],
        case_minutes=walsh,
        decision=Decision.DISCLOSE,
        rationale="His new partner has two children",
        recipient="Ms A (new partner)",
        relationship="new_partner",
        what_to_disclose="His conviction for sexual assault of a child",
        risk_protected_against="Sexual harm to her children",
        discloser="DC Whitfield with his probation officer",
        method=Method.IN_PERSON,
        disclose_by=world.today + timedelta(days=7),
    )
    assert DisclosureDecision.objects.get(source=walsh.agenda_item_id) == recorded
    assert recorded.case_id == walsh.agenda_item.case_id
    with pytest.raises(ValidationError, match="already been decided"):
        no_disclosure(world, meeting, "X456789")


def test_a_no_still_needs_its_reasons(world, meeting):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError):
        minutes.record_disclosure(
            actor=world.users["chair.police"],
            case_minutes=case_minutes(meeting, "X456789"),
            decision=Decision.DO_NOT_DISCLOSE,
            rationale=" ",
        )


def test_actions_agreed_at_the_meeting_are_sourced_from_the_agenda_item(world, meeting):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    walsh = case_minutes(meeting, "X456789")
    housing = world.users["housing.officer"]
    action = minutes.agree_action(
        actor=world.users["chair.police"],
        case_minutes=walsh,
        description="Find move-on accommodation outside the exclusion zone",
        owner_agency=housing.agency,
        owner_user=housing,
        due_on=world.today + timedelta(days=28),
    )
    assert Action.objects.get(source=walsh.agenda_item_id) == action


def test_sections_are_carried_over_from_the_last_approved_minutes(world, meeting):
    ready_to_approve(world, meeting)
    chair = world.users["chair.police"]
    walsh = case_minutes(meeting, "X456789")
    minutes.save_case_minutes(
        actor=chair,
        case_minutes=walsh,
        version=walsh.version,
        victim_issues="Former partner: VLO in contact",
        relevant_information="Moved to a hostel",
    )
    approval.approve_minutes(actor=chair, meeting=meeting)

    later = hold_later_meeting(world)
    minutes.start_minutes(actor=chair, meeting=later)
    carried = later.minutes.items.get(agenda_item__case__nominal__crn="X456789")
    assert carried.victim_issues == "Former partner: VLO in contact"
    assert carried.relevant_information == ""  # always new at each meeting
    assert (carried.carried_from, carried.carried_from_date) == (CarriedFrom.MINUTES, meeting.date)


def hold_later_meeting(world):
    """Another held level 2 meeting today that lists Kieran Walsh urgently."""
    from datetime import time

    from mappa.meetings.services import attendance, scheduling

    coordinator, chair = world.users["coordinator"], world.users["chair.police"]
    later = scheduling.schedule_meeting(
        actor=coordinator,
        level=2,
        on=world.today,
        start_time=time(14),
        end_time=time(15),
        venue="Police HQ",
    )
    scheduling.add_urgent_item(
        actor=coordinator, meeting=later, case=world.case("X456789"), reason="New intelligence"
    )
    attendance.record_attendance(actor=chair, meeting=later, status="attended", user=chair)
    attendance.record_statement(actor=chair, meeting=later, read=True)
    attendance.mark_held(actor=chair, meeting=later, today=world.today)
    later.refresh_from_db()
    return later


def test_a_first_meeting_is_pre_filled_from_the_accepted_referral(world):
    from mappa.referrals import services as referrals
    from mappa.referrals.constants import Outcome
    from mappa.referrals.tests.drafts import submitted

    walsh_case = world.case("X456789")
    referral = submitted(world.users["probation.om"], nominal=walsh_case.nominal)
    referrals.screen(
        actor=world.users["coordinator"],
        referral=referral,
        outcome=Outcome.LEVEL_2,
        rationale="High risk to neighbours",
    )
    meeting = hold_meeting(world)
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    walsh = case_minutes(meeting, "X456789")
    assert walsh.carried_from == CarriedFrom.REFERRAL
    assert "Previous victim lives two streets away" in walsh.victim_issues
    assert "Threats to a housing officer" in walsh.relevant_information
    assert "Wounding with intent" in walsh.conviction
    assert case_minutes(meeting, "X123456").carried_from == CarriedFrom.NOTHING

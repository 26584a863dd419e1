"""Hazard flags, the pre-meeting summary, feedback after the meeting, outcomes, referrals."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.audit.models import AuditEvent
from mappa.safeguarding.services import exchange, matching
from mappa.safeguarding.tests.factories import published_list, upload


@pytest.fixture
def entry(users):
    return published_list(users).entries.get()


def test_someone_unknown_to_social_care_gets_a_flag_with_the_meeting_date(entry, users):
    exchange.complete_check(actor=users["mash.manager"], entry=entry)
    flag = entry.hazard_flags.get()
    day = entry.meeting_date
    assert flag.text.startswith(f"To be discussed at MAPPA on {day.day} {day:%B %Y}.")
    assert flag.status == "to_enter"
    assert entry.known_to_social_care is False


def test_someone_known_to_social_care_gets_no_pre_meeting_flag(
    entry, users, django_capture_on_commit_callbacks
):
    case_list = entry.case_list
    text = (
        "record_id,forenames,surname,date_of_birth,address_line_1,postcode\n"
        "P1,John,Smith,1984-03-02,9 Elm Road,LU2 2BB\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        run = matching.start_matching(
            actor=users["mash.manager"], case_list=case_list, upload=upload(text)
        )
    person = run.candidates.get(record_id="P1")
    assert person.kind == "person"
    matching.decide(
        actor=users["mash.manager"], candidate=person, version=person.version, decision="confirmed"
    )
    exchange.complete_check(actor=users["mash.manager"], entry=entry)
    assert not entry.hazard_flags.exists() and entry.known_to_social_care


def test_a_flag_is_entered_then_confirmed_recording_who(entry, users):
    exchange.complete_check(actor=users["mash.manager"], entry=entry)
    flag = entry.hazard_flags.get()
    exchange.advance_flag(actor=users["mash.manager"], flag=flag, version=1)
    exchange.advance_flag(actor=users["mash.manager"], flag=flag, version=2)
    assert flag.status == "confirmed" and flag.entered_by == users["mash.manager"]
    with pytest.raises(ValidationError):
        exchange.advance_flag(actor=users["mash.manager"], flag=flag, version=3)


def test_after_the_meeting_the_hazard_states_the_level_and_the_concern(entry, users):
    exchange.complete_check(actor=users["mash.manager"], entry=entry)
    exchange.record_feedback(
        actor=users["coordinator"],
        entry=entry,
        subject_to_mappa=True,
        level=2,
        concerns=["sexual_harm_children"],
        decisions="Remains at level 2.",
        actions_for_social_care="Visit the household.",
    )
    live = entry.hazard_flags.get(superseded_at__isnull=True)
    assert "Subject to MAPPA level 2 management" in live.text
    assert "risk of sexual harm to children" in live.text
    assert entry.hazard_flags.filter(superseded_at__isnull=False).count() == 1


def test_someone_not_made_subject_to_mappa_gets_a_hazard_reflecting_the_risk(entry, users):
    exchange.record_feedback(
        actor=users["coordinator"],
        entry=entry,
        subject_to_mappa=False,
        level=None,
        concerns=["violent_behaviour", "drug_use"],
        decisions="Not to be managed at level 2 or 3.",
    )
    flag = entry.hazard_flags.get()
    assert flag.kind == "not_subject"
    assert "not subject to MAPPA" in flag.text and "violent behaviour; drug use" in flag.text


def test_feedback_waits_for_the_meeting(users):
    entry = published_list(users).entries.get()
    entry.meeting_date = timezone.localdate() + timedelta(days=2)
    with pytest.raises(ValidationError, match="once the meeting has taken place"):
        exchange.record_feedback(
            actor=users["coordinator"],
            entry=entry,
            subject_to_mappa=True,
            level=2,
            concerns=[],
            decisions="x",
        )


def test_social_cares_action_outcomes_flow_back(entry, users):
    feedback = exchange.record_feedback(
        actor=users["coordinator"],
        entry=entry,
        subject_to_mappa=True,
        level=3,
        concerns=[],
        decisions="Up.",
    )
    exchange.record_action_outcome(actor=users["mash.manager"], feedback=feedback, text="Visited.")
    assert feedback.outcomes.get().text == "Visited."
    assert AuditEvent.objects.filter(event_type="mash.action_outcome_recorded").exists()


def test_a_summary_is_recorded_for_the_meeting(entry, users):
    summary = exchange.record_summary(
        actor=users["mash.manager"], entry=entry, text="Known 2019–2021."
    )
    assert entry.summaries.get() == summary
    with pytest.raises(ValidationError, match="minutes"):
        exchange.share_summary(actor=users["coordinator"], summary=summary)


def test_a_referral_to_the_mash_and_its_outcome(entry, users):
    referral = exchange.raise_referral(
        actor=users["coordinator"], case=entry.case, reason="Assess Amy."
    )
    exchange.record_referral_outcome(
        actor=users["mash.manager"], referral=referral, version=1, outcome="Child in need."
    )
    assert referral.outcome == "Child in need."
    assert AuditEvent.objects.filter(event_type="mash.referral_outcome_recorded").exists()


def test_the_coordinator_adds_the_summary_to_the_draft_minutes(entry, users):
    from mappa.meetings.services import minutes

    summary = exchange.record_summary(actor=users["mash.manager"], entry=entry, text="Known 2019.")
    meeting = entry.meeting
    meeting.status = "held"  # the meeting took place (attendance is the meetings app's concern)
    meeting.save(update_fields=["status"])
    minutes.start_minutes(actor=users["coordinator"], meeting=meeting)
    exchange.share_summary(actor=users["coordinator"], summary=summary)
    entry.agenda_item.minutes.refresh_from_db()
    assert "Children's social care (MASH): Known 2019." in (
        entry.agenda_item.minutes.relevant_information
    )
    assert summary.shared_to_minutes_by == users["coordinator"]

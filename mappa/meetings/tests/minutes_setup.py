"""A held level 2 meeting today reviewing Kieran Walsh (X456789, category 3) and John Paul Smith
(X123456, category 1): chair.police chairs; housing.officer is invited to Kieran Walsh only and
attends with probation.om; the statement was read."""

from __future__ import annotations

from datetime import time, timedelta

from mappa.disclosures.constants import Decision
from mappa.meetings.services import attendance, invitations, minutes, scheduling


def hold_meeting(world, *, statement_read: bool = True):
    coordinator, chair = world.users["coordinator"], world.users["chair.police"]
    meeting = scheduling.schedule_meeting(
        actor=coordinator,
        level=2,
        on=world.today,
        start_time=time(10),
        end_time=time(13),
        venue="Probation head office",
    )
    world.due("X456789", world.today - timedelta(days=3))
    world.due("X123456", world.today)
    scheduling.build_agenda(actor=coordinator, meeting=meeting)
    scheduling.change_meeting(
        actor=coordinator,
        meeting=meeting,
        version=meeting.version,
        chair=chair,
        chair_name="Gareth Evans",
    )
    walsh = meeting.agenda.get(case__nominal__crn="X456789")
    housing = world.users["housing.officer"]
    invitation = invitations.invite(actor=coordinator, item=walsh, user=housing)
    attendance.record_attendance(
        actor=chair, meeting=meeting, status="attended", user=housing, invitation=invitation
    )
    attendance.record_attendance(
        actor=chair, meeting=meeting, status="attended", user=world.users["probation.om"]
    )
    attendance.record_attendance(
        actor=chair, meeting=meeting, status="apologies", user=world.users["police.ppu"]
    )
    attendance.record_statement(actor=chair, meeting=meeting, read=statement_read)
    attendance.mark_held(actor=chair, meeting=meeting, today=world.today)
    meeting.refresh_from_db()
    return meeting


def case_minutes(meeting, crn: str):
    return meeting.minutes.items.select_related("agenda_item__case__nominal").get(
        agenda_item__case__nominal__crn=crn
    )


def decide(world, meeting, crn: str, **overrides):
    fields = {
        "level_decision": "stays",
        "rationale": "Risk unchanged; the plan is working",
        "next_review_on": world.today + timedelta(weeks=12),
    } | overrides
    found = case_minutes(meeting, crn)
    return minutes.record_level_decision(
        actor=world.users["chair.police"], case_minutes=found, version=found.version, **fields
    )


def no_disclosure(world, meeting, crn: str):
    return minutes.record_disclosure(
        actor=world.users["chair.police"],
        case_minutes=case_minutes(meeting, crn),
        decision=Decision.DO_NOT_DISCLOSE,
        rationale="No identified third party at risk",
    )


def ready_to_approve(world, meeting):
    """Minutes started, both cases decided and disclosure considered."""
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    for crn in ("X456789", "X123456"):
        decide(world, meeting, crn)
        no_disclosure(world, meeting, crn)
    return meeting

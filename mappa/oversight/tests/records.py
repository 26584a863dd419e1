"""Plain `create_<thing>(**overrides)` factories for the oversight tests, dated as each test needs.

Meetings, minutes and decisions are written directly: the tests set dates in the past that the
services (which date things today) would not allow.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time

from django.utils import timezone

from mappa.actions.models import Action
from mappa.agencies.models import Agency, Area, User
from mappa.cases.models import LevelChange, MappaCase, Review
from mappa.disclosures.models import DisclosureDecision
from mappa.meetings.models import AgendaItem, CaseMinutes, Meeting, Minutes
from mappa.people.models import Nominal
from mappa.referrals.models import Referral, ScreeningDecision

_numbers = itertools.count(700001)


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def coordinator() -> User:
    return User.objects.get(username="coordinator")


def create_case(
    *, level=2, category=2, start=date(2024, 1, 1), history=(), source="screening", **overrides
):
    n = next(_numbers)
    nominal = Nominal.objects.create(
        area=Area.objects.get(code="DEMO"), forenames="Test", surname=f"Person{n}", crn=f"O{n}"
    )
    case = MappaCase.objects.create(
        nominal=nominal,
        category=category,
        level=level,
        lead_agency="probation",
        start_date=start,
        **overrides,
    )
    for effective, lvl in history:
        LevelChange.objects.create(case=case, level=lvl, effective_from=effective, source=source)
    return case


def create_meeting(
    day: date, *, level=2, status="held", cases=(), kind="review", due_on=None
) -> Meeting:
    meeting = Meeting.objects.create(
        area=Area.objects.get(code="DEMO"),
        level=level,
        date=day,
        start_time=time(10),
        end_time=time(13),
        status=status,
        created_by=coordinator(),
        created_at=at(day, 9),
    )
    for position, case in enumerate(cases, start=1):
        create_item(meeting, case, kind=kind, position=position, due_on=due_on)
    return meeting


def create_item(meeting, case, *, kind="review", position=1, due_on=None) -> AgendaItem:
    return AgendaItem.objects.create(
        meeting=meeting,
        case=case,
        kind=kind,
        position=position,
        due_on=due_on,
        starts_at=time(10),
        ends_at=time(10, 30),
        added_by=coordinator(),
        added_at=at(meeting.date, 9),
    )


def create_minutes(meeting, *, circulated_on: date | None = None) -> Minutes:
    return Minutes.objects.create(
        meeting=meeting,
        started_by=coordinator(),
        started_at=at(meeting.date, 14),
        circulated_by=coordinator() if circulated_on else None,
        circulated_at=at(circulated_on, 12) if circulated_on else None,
    )


def create_case_minutes(minutes, item, *, discussed=True, disclosure=False) -> CaseMinutes:
    decision = None
    if disclosure:
        decision = DisclosureDecision.objects.create(
            nominal=item.case.nominal,
            case=item.case,
            decision="do_not_disclose",
            rationale="No one to protect by disclosing.",
            decided_by=coordinator(),
            decided_on=minutes.meeting.date,
            recorded_at=at(minutes.meeting.date, 11),
        )
    return CaseMinutes.objects.create(
        minutes=minutes, agenda_item=item, discussed=discussed, disclosure=decision
    )


def create_referral(submitted: date, *, decided: date | None = None, outcome="level_2", case=None):
    user = coordinator()
    referral = Referral.objects.create(
        area=Area.objects.get(code="DEMO"),
        referred_by=user,
        referring_agency=user.agency,
        status="accepted" if decided else "submitted",
        level_requested=2,
        submitted_at=at(submitted),
        case=case,
    )
    if decided:
        ScreeningDecision.objects.create(
            referral=referral, outcome=outcome, decided_by=user, decided_at=at(decided, 15)
        )
    return referral


def create_review(case, held_on: date) -> Review:
    return Review.objects.create(
        case=case,
        held_on=held_on,
        reviewed_by=coordinator(),
        what_was_reviewed="The plan.",
        risk_changed=False,
        plan_changed=False,
        decision="stay",
        rationale="No change.",
    )


def create_action(agency_name: str, due_on: date, *, status="open", closed_on=None) -> Action:
    agency = Agency.objects.get(area__code="DEMO", name=agency_name)
    return Action.objects.create(
        case=create_case(),
        description="Check the address.",
        owner_agency=agency,
        due_on=due_on,
        status=status,
        closed_on=closed_on,
        created_by=coordinator(),
        created_at=at(date(2025, 3, 1)),
    )

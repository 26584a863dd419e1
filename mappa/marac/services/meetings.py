"""Every change around MARAC meetings: scheduling on the area's cycle, listing cases, research
requests to agencies and their answers, what was shared at the meeting, and hearing a case."""

from __future__ import annotations

from datetime import date, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.marac import notices, rules
from mappa.marac.constants import CaseStatus, MeetingStatus, ParticipantReason
from mappa.marac.models import (
    AgendaItem,
    InformationShared,
    MaracCase,
    MaracMeeting,
    ResearchRequest,
)
from mappa.marac.services.casework import add_participant
from mappa.meetings import rules as meeting_rules


def schedule_meetings(
    *,
    actor,
    first_on: date,
    start_time: time,
    end_time: time,
    venue: str = "",
    frequency: str | None = None,
    count: int | None = None,
) -> list[MaracMeeting]:
    """The area's next `count` meetings on its cycle from `first_on`; days already held are kept."""
    frequency = frequency or settings.MAPPA_MARAC_MEETING_FREQUENCY
    count = count or settings.MAPPA_MARAC_MEETINGS_SCHEDULED_AHEAD
    if end_time <= start_time:
        raise ValidationError({"end_time": "The meeting must end after it starts"})
    rule = meeting_rules.recurrence_rule(
        frequency=frequency, weekday=first_on.weekday(), starts_on=first_on
    )
    dates = meeting_rules.meeting_dates(
        rule=rule, starts_on=first_on, on_or_after=first_on, count=count
    )
    taken = set(
        MaracMeeting.objects.filter(area_id=actor.area_id, date__in=dates).values_list(
            "date", flat=True
        )
    )
    with transaction.atomic():
        made = [
            MaracMeeting.objects.create(
                area_id=actor.area_id,
                date=day,
                start_time=start_time,
                end_time=end_time,
                venue=venue,
                created_by=actor,
                created_at=timezone.now(),
            )
            for day in dates
            if day not in taken
        ]
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_MEETINGS_SCHEDULED,
            payload={"meetings": [str(m.id) for m in made], "frequency": frequency},
        )
    return made


def list_case(*, actor, case: MaracCase, meeting: MaracMeeting) -> AgendaItem:
    """Put a referred (or heard, for review) case on a planned meeting's agenda."""
    if meeting.status != MeetingStatus.PLANNED or meeting.area_id != case.area_id:
        raise ValidationError("Cases can be listed only on a planned meeting of the case's area")
    if meeting.agenda.filter(case=case).exists():
        raise ValidationError("The case is already on this meeting's agenda")
    with transaction.atomic():
        last = meeting.agenda.aggregate(last=Max("position"))["last"] or 0
        item = AgendaItem.objects.create(
            meeting=meeting, case=case, position=last + 1, added_by=actor, added_at=timezone.now()
        )
        if case.status == CaseStatus.REFERRED:
            case.status = CaseStatus.LISTED
            case.save(update_fields=["status"])
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_CASE_LISTED,
            subject=case.id,
            payload={"meeting": str(meeting.id), "case": str(case.id)},
        )
    return item


def request_research(*, actor, item: AgendaItem, agencies) -> list[ResearchRequest]:
    """Ask each agency to research the case by the deadline before the meeting."""
    agencies = [
        a
        for a in agencies
        if not item.case.research_requests.filter(agenda_item=item, agency=a).exists()
    ]
    if not agencies:
        raise ValidationError({"agencies": "Choose at least one agency not already asked"})
    deadline = rules.research_deadline(
        meeting_on=item.meeting.date,
        today=timezone.localdate(),
        days_before=settings.MAPPA_MARAC_RESEARCH_DAYS_BEFORE,
    )
    made = []
    with transaction.atomic():
        for agency in agencies:
            if agency.area_id != item.case.area_id:
                raise ValidationError("Research can be asked only of the case's area's agencies")
            request = ResearchRequest.objects.create(
                case=item.case,
                agenda_item=item,
                agency=agency,
                deadline=deadline,
                requested_by=actor,
                requested_at=timezone.now(),
            )
            add_participant(
                actor=actor, case=item.case, agency=agency, reason=ParticipantReason.RESEARCH
            )
            audit.record(
                actor=actor,
                event_type=EventType.MARAC_RESEARCH_REQUESTED,
                subject=item.case_id,
                payload={
                    "case": str(item.case_id),
                    "request": str(request.id),
                    "agency": str(agency.id),
                    "deadline": deadline.isoformat(),
                },
            )
            transaction.on_commit(lambda request=request: notices.tell_agency_of_research(request))
            made.append(request)
    return made


def answer_research(*, actor, request: ResearchRequest, response: str) -> ResearchRequest:
    """The agency's answer: what it knows of the victim, the perpetrator and the children."""
    if actor.agency_id != request.agency_id:
        raise ValidationError("Only the agency asked can answer a research request")
    if request.responded_on is not None:  # written once: a colleague's answer is not replaced
        who = request.responded_by
        raise ValidationError(
            f"{who.get_full_name() or who.username} has already answered this request, on "
            f"{request.responded_on:%-d %B %Y}, so your answer has not been saved"
        )
    if not response.strip():
        raise ValidationError(
            {"response": "Enter what your agency knows, or that it holds nothing"}
        )
    with transaction.atomic():
        request.response = response.strip()
        request.responded_by = actor
        request.responded_on = timezone.localdate()
        request.save(update_fields=["response", "responded_by", "responded_on"])
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_RESEARCH_ANSWERED,
            subject=request.case_id,
            payload={
                "case": str(request.case_id),
                "request": str(request.id),
                "late": rules.answered_late(
                    answered_on=request.responded_on, deadline=request.deadline
                ),
            },
        )
    return request


def record_information(*, actor, item: AgendaItem, agency, text: str) -> InformationShared:
    """What an agency shared at the meeting, as the minutes record it."""
    if not text.strip():
        raise ValidationError({"text": "Enter the information the agency shared"})
    with transaction.atomic():
        shared = InformationShared.objects.create(
            agenda_item=item,
            agency=agency,
            text=text.strip(),
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        add_participant(
            actor=actor, case=item.case, agency=agency, reason=ParticipantReason.COORDINATOR
        )
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_INFORMATION_RECORDED,
            subject=item.case_id,
            payload={"case": str(item.case_id), "item": str(item.id), "agency": str(agency.id)},
        )
    return shared


def hear(*, actor, item: AgendaItem) -> AgendaItem:
    """Record that the meeting heard the case (on or after the meeting's date)."""
    if item.meeting.date > timezone.localdate():
        raise ValidationError("A case can be recorded as heard only on or after the meeting day")
    with transaction.atomic():
        item.heard = True
        item.save(update_fields=["heard"])
        case = item.case
        case.status, case.heard_on = CaseStatus.HEARD, item.meeting.date
        case.save(update_fields=["status", "heard_on"])
        item.meeting.status = MeetingStatus.HELD
        item.meeting.save(update_fields=["status"])
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_CASE_HEARD,
            subject=case.id,
            payload={"meeting": str(item.meeting_id), "case": str(case.id)},
        )
    return item

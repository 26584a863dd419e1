"""Every change to meeting series, meetings, agendas and attendance.

Invitations (which grant access and send e-mail) are in `invitations.py` and what the chair
records on the day in `attendance.py`, with the same rules: keyword-only arguments, a
required actor, one transaction with its audit event.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.meetings import rules
from mappa.meetings.constants import ItemKind, MeetingStatus
from mappa.meetings.models import AgendaItem, Meeting, MeetingSeries
from mappa.meetings.queries import meetings
from mappa.meetings.services import invitations, standing

CHANGEABLE = (
    "start_time",
    "end_time",
    "venue",
    "video_link",
    "chair",
    "chair_name",
    "chair_agency",
    "chair_rank",
    "co_chair",
    "co_chair_name",
    "co_chair_agency",
    "co_chair_rank",
)


def _check_times_and_place(*, start_time: time, end_time: time, venue: str, video_link: str):
    problems = {}
    if end_time <= start_time:
        problems["end_time"] = "The end time must be after the start time"
    if not venue.strip() and not video_link.strip():
        problems["venue"] = "Enter a venue or a video link"
    if problems:
        raise ValidationError(problems)


def create_series(
    *,
    actor,
    level: int,
    name: str,
    frequency: str,
    weekday: int,
    starts_on: date,
    start_time: time,
    end_time: time,
    venue: str = "",
    video_link: str = "",
) -> MeetingSeries:
    """Set up the area's standing meeting for a level, e.g. every Tuesday 10:00 to 13:00."""
    if level not in (2, 3):
        raise ValidationError({"level": "Meetings are for level 2 or level 3 cases"})
    if not name.strip():
        raise ValidationError({"name": "Enter a name for the series"})
    _check_times_and_place(
        start_time=start_time, end_time=end_time, venue=venue, video_link=video_link
    )
    with transaction.atomic():
        series = MeetingSeries.objects.create(
            area=actor.area,
            level=level,
            name=name.strip(),
            frequency=frequency,
            weekday=weekday,
            recurrence=rules.recurrence_rule(
                frequency=frequency, weekday=weekday, starts_on=starts_on
            ),
            starts_on=starts_on,
            start_time=start_time,
            end_time=end_time,
            venue=venue,
            video_link=video_link,
            created_by=actor,
            created_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_SERIES_CREATED,
            payload={"series": str(series.id), "level": level},
        )
    return series


def chair_defaults(level: int) -> dict[str, str]:
    """The chair's and co-chair's agency and rank for a level, from settings."""
    chairs = settings.MAPPA_MEETING_CHAIRS[level]
    return {
        "chair_agency": chairs["chair"][0],
        "chair_rank": chairs["chair"][1],
        "co_chair_agency": chairs["co_chair"][0],
        "co_chair_rank": chairs["co_chair"][1],
    }


def _create_meeting(*, actor, area, level, on: date, series=None, **details) -> Meeting:
    meeting = Meeting.objects.create(
        area=area,
        series=series,
        level=level,
        date=on,
        created_by=actor,
        created_at=timezone.now(),
        **(chair_defaults(level) | details),
    )
    audit.record(
        actor=actor,
        event_type=EventType.MEETING_SCHEDULED,
        payload={"meeting": str(meeting.id), "date": on.isoformat(), "level": level},
    )
    return meeting


def schedule_series_meetings(
    *, actor, series: MeetingSeries, today: date, count: int | None = None
) -> list[Meeting]:
    """Add the series' next meetings after the last one scheduled (or from today)."""
    count = count or settings.MAPPA_MEETINGS_SCHEDULED_AHEAD
    last = series.meetings.order_by("-date").values_list("date", flat=True).first()
    start = max(today, last + timedelta(days=1)) if last else today
    dates = rules.meeting_dates(
        rule=series.recurrence, starts_on=series.starts_on, on_or_after=start, count=count
    )
    with transaction.atomic():
        return [
            _create_meeting(
                actor=actor,
                area=series.area,
                level=series.level,
                on=on,
                series=series,
                start_time=series.start_time,
                end_time=series.end_time,
                venue=series.venue,
                video_link=series.video_link,
            )
            for on in dates
        ]


def schedule_meeting(
    *,
    actor,
    level: int,
    on: date,
    start_time: time,
    end_time: time,
    venue: str = "",
    video_link: str = "",
) -> Meeting:
    """A meeting outside any series, for example an urgent level 3 meeting."""
    if level not in (2, 3):
        raise ValidationError({"level": "Meetings are for level 2 or level 3 cases"})
    _check_times_and_place(
        start_time=start_time, end_time=end_time, venue=venue, video_link=video_link
    )
    with transaction.atomic():
        return _create_meeting(
            actor=actor,
            area=actor.area,
            level=level,
            on=on,
            start_time=start_time,
            end_time=end_time,
            venue=venue,
            video_link=video_link,
        )


def change_meeting(*, actor, meeting: Meeting, version: int | None, **changes) -> Meeting:
    """Change a planned meeting's times, place or chairs (its date stays: cancel and rearrange).

    `version` is the meeting's version the editor started from: a meeting changed since is
    not overwritten (`versions.StaleEdit`).
    """
    unknown = set(changes) - set(CHANGEABLE)
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)}")
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.HELD):
        raise ValidationError("This meeting can no longer be changed")
    proposed = {field: changes.get(field, getattr(meeting, field)) for field in CHANGEABLE}
    _check_times_and_place(
        start_time=proposed["start_time"],
        end_time=proposed["end_time"],
        venue=proposed["venue"],
        video_link=proposed["video_link"],
    )
    changed = sorted(field for field, value in changes.items() if getattr(meeting, field) != value)
    if not changed:
        return meeting
    with transaction.atomic():
        versions.claim(meeting, version=version, actor=actor)
        for field in changed:
            setattr(meeting, field, changes[field])
        meeting.save(update_fields=changed)
        if {"start_time"} & set(changed):
            _reslot(meeting)
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_CHANGED,
            payload={"meeting": str(meeting.id), "fields": changed},
        )
    return meeting


def _reslot(meeting: Meeting) -> None:
    """Number the items in order and give each its slot from the meeting's start."""
    items = list(meeting.agenda.order_by("position", "added_at"))
    lengths = [settings.MAPPA_MEETING_SLOT_MINUTES[item.kind] for item in items]
    for position, (item, (starts, ends)) in enumerate(
        zip(items, rules.slots(start=meeting.start_time, minutes=lengths), strict=True), 1
    ):
        item.position, item.starts_at, item.ends_at = position, starts, ends
    AgendaItem.objects.bulk_update(items, ["position", "starts_at", "ends_at"])


def _require_planned(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError("The agenda can be changed only while the meeting is planned")


def _add_item(*, actor, meeting: Meeting, case, kind: str, reason: str = "") -> AgendaItem:
    position = meeting.agenda.count() + 1
    item = AgendaItem.objects.create(
        meeting=meeting,
        case=case,
        kind=kind,
        review_number=rules.review_number(
            kind=kind, earlier_listings=meetings.earlier_listings(case, meeting)
        ),
        position=position,
        starts_at=meeting.start_time,
        ends_at=meeting.start_time,
        reason=reason,
        due_on=case.next_review_due,
        added_by=actor,
        added_at=timezone.now(),
    )
    audit.record(
        actor=actor,
        event_type=EventType.AGENDA_ITEM_ADDED,
        subject=case.id,
        payload={"meeting": str(meeting.id), "item": str(item.id), "kind": kind},
    )
    standing.invite_standing_members(actor=actor, item=item)
    return item


def horizon(meeting: Meeting) -> date:
    """Reviews due up to the series' following meeting are listed now; else those due by the day."""
    if meeting.series is None:
        return meeting.date
    following = rules.following_date(
        rule=meeting.series.recurrence, starts_on=meeting.series.starts_on, after=meeting.date
    )
    return following or meeting.date


def build_agenda(*, actor, meeting: Meeting) -> list[AgendaItem]:
    """Add every case due at this meeting that is not already on it: initial meetings, then reviews."""
    _require_planned(meeting)
    due = rules.due_items(
        meetings.due_candidates(actor, meeting, horizon(meeting)),
        level=meeting.level,
        horizon=horizon(meeting),
        interval_weeks=settings.MAPPA_REVIEW_INTERVAL_WEEKS[meeting.level],
    )
    with transaction.atomic():
        added = [
            _add_item(actor=actor, meeting=meeting, case=case, kind=kind) for case, kind in due
        ]
        _reslot(meeting)
    return added


def add_urgent_item(*, actor, meeting: Meeting, case, reason: str) -> AgendaItem:
    """The co-ordinator lists a case that is not due, with the reason it cannot wait."""
    _require_planned(meeting)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the case needs to be discussed at this meeting"})
    if not meetings.open_cases_in_area(actor, meeting).filter(id=case.id).exists():
        raise ValidationError({"case": "Choose an open case of this area not already listed"})
    with transaction.atomic():
        item = _add_item(
            actor=actor, meeting=meeting, case=case, kind=ItemKind.URGENT, reason=reason.strip()
        )
        _reslot(meeting)
    return item


def remove_item(*, actor, item: AgendaItem) -> None:
    """Take a case off a planned agenda; its invitations are withdrawn and their access ends."""
    meeting = item.meeting
    _require_planned(meeting)
    with transaction.atomic():
        for invitation in meetings.live_invitations(item):
            invitations.withdraw(actor=actor, invitation=invitation)
        audit.record(
            actor=actor,
            event_type=EventType.AGENDA_ITEM_REMOVED,
            subject=item.case_id,
            payload={"meeting": str(meeting.id), "item": str(item.id)},
        )
        item.delete()
        _reslot(meeting)


def cancel_meeting(*, actor, meeting: Meeting) -> Meeting:
    """Cancel a planned meeting: every invitation is withdrawn and its access grant revoked."""
    _require_planned(meeting)
    with transaction.atomic():
        withdrawn = meetings.meeting_invitations(meeting)
        revoked = sum(invitations.withdraw(actor=actor, invitation=i) for i in withdrawn)
        meeting.status = MeetingStatus.CANCELLED
        meeting.save(update_fields=["status"])
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_CANCELLED,
            payload={"meeting": str(meeting.id), "grants_revoked": revoked},
        )
    return meeting

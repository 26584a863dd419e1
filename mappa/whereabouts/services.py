"""Every change to a time of whereabouts unknown: reporting it, logging the search, listing the
case at an urgent meeting, and its end.

Keyword-only arguments, a required actor, one transaction with its audit event; the notice to
the chairs and co-ordinators is sent once the report is committed. Searching and ending claim
the report's version (decision 0011), so a page read before someone else's change cannot end
it unseen.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from mappa import versions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.custody import queries as custody_queries
from mappa.custody.constants import ReturnReason
from mappa.custody.services import movements as custody
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models import AgendaItem
from mappa.meetings.services import scheduling
from mappa.meetings.services.circulation import bank_holidays
from mappa.whereabouts import notices, queries, rules
from mappa.whereabouts.constants import Ending, Kind
from mappa.whereabouts.models import SearchAction, WhereaboutsReport

NOT_YOURS = (
    "Only the MAPPA co-ordinator, the responsible officer or a practitioner of the lead agency "
    "may do this"
)


def _require_reporter(actor, case) -> None:
    if not queries.may_report(actor, case):
        raise PermissionDenied(NOT_YOURS)


def _day_and_time(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def report_whereabouts_unknown(
    *,
    actor,
    case,
    kind: Kind,
    started_at: datetime,
    what_is_known: str,
    police_reference: str = "",
) -> WhereaboutsReport:
    """Report that the person is missing, wanted or absconded, from a time not in the future.
    A case has one open report at a time. The area's chairs and co-ordinators are sent a
    link-only notice once it is recorded."""
    _require_reporter(actor, case)
    problems = {}
    if case.closed_on is not None:
        problems["case"] = "This case is closed"
    elif (open_report := queries.open_report(case)) is not None:
        problems["case"] = (
            "Their whereabouts are already reported unknown since "
            f"{_day_and_time(open_report.started_at)}: record its end before reporting again"
        )
    if kind not in Kind.values:
        problems["kind"] = "Select whether they are missing, wanted or absconded"
    if (problem := rules.start_problem(started_at=started_at, now=timezone.now())) is not None:
        problems["started_at"] = problem
    if not what_is_known.strip():
        problems["what_is_known"] = "Say what is known: where and when they were last seen"
    if len(police_reference.strip()) > 100:
        problems["police_reference"] = "The police reference must be 100 characters or fewer"
    if problems:
        raise ValidationError(problems)
    report = WhereaboutsReport(
        case=case,
        kind=kind,
        started_at=started_at,
        what_is_known=what_is_known.strip(),
        police_reference=police_reference.strip(),
        reported_by=actor,
        reported_at=timezone.now(),
    )
    notices.report_link(report)  # refuse now, not after committing, if links cannot be made
    with transaction.atomic():
        try:
            with transaction.atomic():
                report.save(force_insert=True)
        except IntegrityError:  # someone else reported it a moment ago
            raise ValidationError(
                {"case": "Their whereabouts have just been reported unknown by someone else"}
            ) from None
        told = notices.recipients(case)
        audit.record(
            actor=actor,
            event_type=EventType.WHEREABOUTS_REPORTED,
            subject=case.id,
            payload={
                "report": str(report.id),
                "kind": str(kind),
                "started_at": started_at.isoformat(),
                "notified": len(told),
            },
        )
        transaction.on_commit(lambda: notices.tell_chairs_and_coordinators(report, told))
    return report


def _require_open(report: WhereaboutsReport) -> None:
    if not report.is_open:
        raise ValidationError(
            f"This report ended on {_day_and_time(report.ended_at)}: nothing more can be added"
        )


def add_search_action(
    *,
    actor,
    report: WhereaboutsReport,
    version: int | None,
    done_at: datetime,
    what_was_done: str,
    outcome: str,
) -> SearchAction:
    """Log something done to find the person, and what came of it, while the report is open."""
    if not queries.may_search(actor, report.case):
        raise PermissionDenied(NOT_YOURS)
    _require_open(report)
    problems = {}
    if not what_was_done.strip():
        problems["what_was_done"] = "Say what was done to find them"
    if not outcome.strip():
        problems["outcome"] = "Say what came of it"
    problem = rules.search_action_problem(
        started_at=report.started_at, done_at=done_at, now=timezone.now()
    )
    if problem is not None:
        problems["done_at"] = problem
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        versions.claim(report, version=version, actor=actor)
        action = SearchAction.objects.create(
            report=report,
            done_at=done_at,
            what_was_done=what_was_done.strip(),
            outcome=outcome.strip(),
            recorded_by=actor,
            recorded_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.WHEREABOUTS_SEARCH_ACTION_RECORDED,
            subject=report.case_id,
            payload={"report": str(report.id), "search_action": str(action.id)},
        )
    return action


def end_whereabouts_unknown(
    *,
    actor,
    report: WhereaboutsReport,
    version: int | None,
    ending: Ending,
    ended_at: datetime,
    note: str,
) -> WhereaboutsReport:
    """Record the end: found, arrested or returned to custody, at a time not before the start
    and not in the future, with a note. The report leaves the dashboards and the banners."""
    _require_reporter(actor, report.case)
    _require_open(report)
    problems = {}
    if ending not in Ending.values:
        problems["ending"] = "Select how it ended: found, arrested or returned to custody"
    problem = rules.end_problem(started_at=report.started_at, ended_at=ended_at, now=timezone.now())
    if problem is not None:
        problems["ended_at"] = problem
    if not note.strip():
        problems["note"] = "Say where they were found and what happens next"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        versions.claim(report, version=version, actor=actor)
        report.ending, report.ended_at = ending, ended_at
        report.end_note, report.ended_by = note.strip(), actor
        report.save(update_fields=["ending", "ended_at", "end_note", "ended_by"])
        if ending == Ending.RETURNED_TO_CUSTODY:
            record_return_to_custody(actor=actor, report=report)
        audit.record(
            actor=actor,
            event_type=EventType.WHEREABOUTS_ENDED,
            subject=report.case_id,
            payload={
                "report": str(report.id),
                "ending": str(ending),
                "ended_at": ended_at.isoformat(),
            },
        )
    return report


def record_return_to_custody(*, actor, report: WhereaboutsReport) -> None:
    """The one place a return to custody reaches the custody app, inside the end's transaction:
    a custody period opens on the day the report ended (`mappa.custody`), unless the custody
    record already shows the person in custody. The reason is recorded as another reason: a
    recall for breach of licence, which the annual figures count, is recorded on the custody
    page, where the recall is known."""
    nominal = report.case.nominal
    if custody_queries.open_period(nominal) is not None:
        return
    try:
        custody.record_return_to_custody(
            actor, nominal, timezone.localdate(report.ended_at), ReturnReason.OTHER
        )
    except ValidationError as error:
        raise ValidationError({"ended_at": error.messages}) from error


def list_at_urgent_meeting(
    *, actor, report: WhereaboutsReport, version: int | None
) -> tuple[AgendaItem, bool]:
    """One click: list the case at the next urgent meeting, calling one if none is planned.

    The meeting joined is the soonest planned meeting of the area at the urgent level
    (`MAPPA_WHEREABOUTS_URGENT_MEETING_LEVEL`) within `MAPPA_WHEREABOUTS_URGENT_MEETING_DAYS`;
    if there is none, one is scheduled on the next working day through the meetings app's own
    scheduling. The case is added as an urgent item (`scheduling.add_urgent_item`), or kept if
    already on that agenda. Returns the agenda item and whether a meeting was scheduled.
    `version` is the report's as the page showed it: a report changed since is refused.
    """
    _require_open(report)
    current = report.urgent_item
    if current is not None and current.meeting.status == MeetingStatus.PLANNED:
        return current, False
    today = timezone.localdate()
    level = settings.MAPPA_WHEREABOUTS_URGENT_MEETING_LEVEL
    within = settings.MAPPA_WHEREABOUTS_URGENT_MEETING_DAYS
    planned = queries.planned_meetings(actor, level=level, today=today, within_days=within)
    meeting = rules.next_urgent_meeting(
        [(m.date, m) for m in planned], today=today, within_days=within
    )
    with transaction.atomic():
        versions.claim(report, version=version, actor=actor)
        scheduled = meeting is None
        if scheduled:
            start = settings.MAPPA_WHEREABOUTS_URGENT_MEETING_START
            meeting = scheduling.schedule_meeting(
                actor=actor,
                level=level,
                on=rules.urgent_meeting_date(today=today, holidays=bank_holidays()),
                start_time=start,
                end_time=rules.meeting_end(
                    start=start, minutes=settings.MAPPA_WHEREABOUTS_URGENT_MEETING_MINUTES
                ),
                venue=settings.MAPPA_WHEREABOUTS_URGENT_MEETING_VENUE,
            )
        item = meeting.agenda.filter(case=report.case).first() or scheduling.add_urgent_item(
            actor=actor,
            meeting=meeting,
            case=report.case,
            reason=f"{report.get_kind_display()}: whereabouts unknown since "
            f"{_day_and_time(report.started_at)}",
        )
        report.urgent_item = item
        report.save(update_fields=["urgent_item"])
        audit.record(
            actor=actor,
            event_type=EventType.WHEREABOUTS_URGENT_MEETING_LISTED,
            subject=report.case_id,
            payload={
                "report": str(report.id),
                "meeting": str(meeting.id),
                "item": str(item.id),
                "scheduled": scheduled,
            },
        )
    return item, scheduled

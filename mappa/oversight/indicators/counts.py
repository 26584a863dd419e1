"""What each performance indicator counts, read from the area's records for a period.

Each function returns plain rows (no names, no free text): the indicator tables in
`definitions` are built from them. Dates are local dates; "today" decides whether something
not yet done is late or still pending (rules.timeliness).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from mappa.actions.constants import Status as ActionStatus
from mappa.actions.models import Action
from mappa.cases import rules as case_rules
from mappa.cases.constants import CaseKind, DecisionSource
from mappa.cases.models import LevelChange, Review
from mappa.custody.constants import MovementKind
from mappa.custody.models import Movement
from mappa.meetings import rules as meeting_rules
from mappa.meetings.constants import ItemKind, MeetingStatus
from mappa.meetings.models import AgendaItem, CaseMinutes, Meeting
from mappa.meetings.services import circulation
from mappa.oversight import rules
from mappa.oversight.queries import HELD
from mappa.oversight.statistics import annual
from mappa.referrals.constants import Outcome
from mappa.referrals.models import Referral

ACCEPTED = (Outcome.LEVEL_2, Outcome.LEVEL_3)


def _local(moment) -> date | None:
    return None if moment is None else timezone.localdate(moment)


def _tally(found: list[tuple[date, str]], start: date, end: date) -> dict[date, Counter]:
    """Outcomes counted by month, every month of the period present."""
    months = {month: Counter() for month in rules.months(start, end)}
    for day, outcome in found:
        months[rules.month_of(day)][outcome] += 1
    return months


def screening(area, start: date, end: date, today: date) -> dict[date, Counter]:
    """Referrals submitted in the period by month: first screening decision within the target."""
    days = settings.MAPPA_SCREENING_TARGET_DAYS
    found = []
    for referral in Referral.objects.filter(area=area, submitted_at__isnull=False).prefetch_related(
        "decisions"
    ):
        submitted = _local(referral.submitted_at)
        if not rules.within(submitted, start, end):
            continue
        first = min((_local(d.decided_at) for d in referral.decisions.all()), default=None)
        deadline = submitted + timedelta(days=days)
        found.append((submitted, rules.timeliness(done_on=first, deadline=deadline, today=today)))
    return _tally(found, start, end)


def initial_meetings(area, start: date, end: date, today: date) -> dict[date, Counter]:
    """Referrals accepted at level 2 or 3 in the period, by month of acceptance: the first held
    meeting with the case on its agenda within the target of working days."""
    working_days = settings.MAPPA_INITIAL_MEETING_TARGET_WORKING_DAYS
    holidays = circulation.bank_holidays()
    found = []
    referrals = Referral.objects.filter(area=area, case__isnull=False).prefetch_related("decisions")
    held = defaultdict(list)
    for case_id, day in AgendaItem.objects.filter(
        meeting__area=area, meeting__status__in=HELD
    ).values_list("case_id", "meeting__date"):
        held[case_id].append(day)
    for referral in referrals:
        accepted = [_local(d.decided_at) for d in referral.decisions.all() if d.outcome in ACCEPTED]
        if not accepted or not rules.within(accepted[0], start, end):
            continue
        on = accepted[0]
        first = min((day for day in held[referral.case_id] if day >= on), default=None)
        deadline = meeting_rules.add_working_days(on, working_days, holidays)
        found.append((on, rules.timeliness(done_on=first, deadline=deadline, today=today)))
    return _tally(found, start, end)


def _due_dates(case_ids) -> dict:
    """Each case's review due dates as this service set them: (set on, due), from its level
    decisions (a meeting's own date when it set one) and its level 1 reviews, worked out by the
    rule the case page uses (cases.rules.next_review_due). A level history imported from another
    system carries no due date of its own, so it sets none here."""
    intervals = settings.MAPPA_REVIEW_INTERVAL_WEEKS
    set_at_meeting = {
        (case_id, day): due
        for case_id, day, due in CaseMinutes.objects.filter(
            agenda_item__case_id__in=case_ids, next_review_on__isnull=False
        ).values_list("agenda_item__case_id", "minutes__meeting__date", "next_review_on")
    }
    dues = defaultdict(list)
    for case_id, level, day, source in (
        LevelChange.objects.filter(case_id__in=case_ids)
        .exclude(source=DecisionSource.IMPORT)
        .values_list("case_id", "level", "effective_from", "source")
    ):
        due = set_at_meeting.get((case_id, day)) if source == DecisionSource.MEETING else None
        latest = case_rules.next_review_due(level=level, last_review=day, interval_weeks=intervals)
        dues[case_id].append((day, due or latest))
    for case_id, day in Review.objects.filter(case_id__in=case_ids).values_list(
        "case_id", "held_on"
    ):
        due = case_rules.next_review_due(level=1, last_review=day, interval_weeks=intervals)
        dues[case_id].append((day, due))
    return dues


def reviews(area, start: date, end: date) -> dict[int, Counter]:
    """Reviews held in the period by level: level 1 reviews and level 2 and 3 review meetings.

    Each is judged by the rule the case page shows (cases.rules.review_status): late when held
    after the due date the case carried: for a level 1 review the one recorded with it; for a
    review meeting the one set by the case's latest level decision or review before it, or,
    with none recorded here (a case imported with its review date), the one the case carried
    when it was listed. A review with no due date cannot be judged and is not counted."""
    held = [
        (case_id, day, 1, due_on, True)
        for case_id, day, due_on in Review.objects.filter(
            case__nominal__area=area, held_on__range=(start, end), case__kind=CaseKind.MAPPA
        ).values_list("case_id", "held_on", "due_on")
    ]
    held += [
        (*row, False)
        for row in AgendaItem.objects.filter(
            meeting__area=area,
            meeting__status__in=HELD,
            meeting__date__range=(start, end),
            kind=ItemKind.REVIEW,
            case__kind=CaseKind.MAPPA,  # a PDP on the agenda is not a MAPPA review (docs/pdp.md)
        ).values_list("case_id", "meeting__date", "meeting__level", "due_on")
    ]
    dues = _due_dates({case_id for case_id, *_ in held})
    by_level = {level: Counter() for level in rules.LEVELS}
    for case_id, day, level, recorded_due, recorded_first in held:
        before = [entry for entry in dues[case_id] if entry[0] < day]
        history_due = max(before)[1] if before else None
        due = (recorded_due or history_due) if recorded_first else (history_due or recorded_due)
        if due is None:
            continue
        status = case_rules.review_status(due=due, today=day)
        by_level[level][rules.LATE if status == case_rules.OVERDUE else rules.ON_TIME] += 1
    return by_level


def minutes(area, start: date, end: date, today: date) -> dict[date, Counter]:
    """Meetings in the period with cases on the agenda, by month: minutes circulated within the
    working days allowed (MAPPA_MINUTES_CIRCULATION_WORKING_DAYS)."""
    found = []
    for meeting in (
        Meeting.objects.filter(
            area=area,
            date__range=(start, min(end, today)),
            agenda__case__kind=CaseKind.MAPPA,  # a meeting of PDPs alone is not MAPPA's
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("minutes")
        .distinct()
    ):
        record = getattr(meeting, "minutes", None)
        done = _local(record.circulated_at) if record else None
        deadline = circulation.deadline(meeting)
        found.append((meeting.date, rules.timeliness(done_on=done, deadline=deadline, today=today)))
    return _tally(found, start, end)


def actions(area, start: date, end: date, today: date) -> dict[str, Counter]:
    """Actions due in the period, by the owning agency: completed by the due date."""
    by_agency: dict[str, Counter] = defaultdict(Counter)
    for agency, status, due_on, closed_on in (
        Action.objects.filter(
            case__nominal__area=area, due_on__range=(start, end), case__kind=CaseKind.MAPPA
        )
        .exclude(status=ActionStatus.CANCELLED)
        .values_list("owner_agency__name", "status", "due_on", "closed_on")
    ):
        done = closed_on if status == ActionStatus.COMPLETED else None
        by_agency[agency][rules.timeliness(done_on=done, deadline=due_on, today=today)] += 1
    return dict(sorted(by_agency.items()))


CONSIDERED, NOT_RECORDED = "considered", "not_recorded"


def disclosure(area, start: date, end: date) -> dict[date, Counter]:
    """Cases discussed at meetings in the period, by month: a disclosure decision recorded."""
    found = [
        (day, CONSIDERED if decision else NOT_RECORDED)
        for day, decision in CaseMinutes.objects.filter(
            minutes__meeting__area=area,
            minutes__meeting__date__range=(start, end),
            discussed=True,
            agenda_item__case__kind=CaseKind.MAPPA,
        ).values_list("minutes__meeting__date", "disclosure_id")
    ]
    return _tally(found, start, end)


def levels_over_time(area, start: date, end: date) -> dict[date, Counter]:
    """People managed at level 2 and level 3 at the end of each month of the period."""
    register = annual.register_for(area, end, with_events=False)
    people = rules.by_person(register.cases)
    counts = {}
    for day in rules.month_ends(start, end):
        counts[day] = Counter(
            level
            for cases in people.values()
            if (level := rules.person_level_on(cases, day)) in (2, 3)
        )
    return counts


PREPARED, UNPREPARED = "prepared", "unprepared"


def releases(area, start: date, end: date) -> dict[date, Counter]:
    """Releases from custody in the period, by month: whether the case had a level decided in
    the custody and a risk management plan in place by the release (custody.Movement)."""
    found = [
        (day, PREPARED if level_set and plan else UNPREPARED)
        for day, level_set, plan in Movement.objects.filter(
            nominal__area=area, kind=MovementKind.RELEASED, occurred_on__range=(start, end)
        ).values_list("occurred_on", "level_set_in_custody", "plan_in_place")
    ]
    return _tally(found, start, end)

"""Custody reads, scoped to the acting user through the register's one rule: out of scope is a 404.

The releases queue is the area's: co-ordinators and the area's responsible-authority
practitioners see it (`people.queries.nominals_visible_to`, narrowed to the user's area).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.cases import timeline
from mappa.cases.constants import DecisionSource
from mappa.cases.models import MappaCase
from mappa.custody import rules
from mappa.custody.constants import MovementKind, ScreeningStatus
from mappa.custody.models import CustodyRecord, Movement, Screening
from mappa.offences.models import CustodyPeriod
from mappa.people import queries as people
from mappa.people.eligibility import for_nominal
from mappa.people.models import Nominal


def area_register(user) -> QuerySet[Nominal]:
    """The people of the user's own area that the user may see; none for a role without the
    area's cases (a duty-to-co-operate practitioner, a lay adviser)."""
    if not permissions.role_has(user, permissions.VIEW_AREA_CASES):
        return Nominal.objects.none()
    return people.nominals_visible_to(user).filter(area_id=user.area_id)


def get_person(user, nominal_id: UUID) -> Nominal:
    """A person in the user's area, with what the custody page reads, or 404."""
    nominal = (
        area_register(user)
        .select_related("area")
        .prefetch_related("custody_periods", "mappa_cases")
        .filter(id=nominal_id)
        .first()
    )
    if nominal is None:
        raise Http404("No such person")
    return nominal


def get_screening(user, screening_id: UUID) -> Screening:
    screening = (
        Screening.objects.filter(nominal__in=area_register(user), id=screening_id)
        .select_related(
            "nominal__area", "made_by__agency", "offender_manager__agency", "decided_by"
        )
        .first()
    )
    if screening is None:
        raise Http404("No such screening")
    return screening


def screenings_visible_to(user) -> QuerySet[Screening]:
    return Screening.objects.filter(nominal__in=area_register(user)).select_related(
        "nominal", "made_by", "offender_manager", "decided_by"
    )


def open_period(nominal) -> CustodyPeriod | None:
    """The custody period still running (expects `custody_periods` prefetched or cheap)."""
    return next((p for p in nominal.custody_periods.all() if p.ended_on is None), None)


def last_left_custody(nominal) -> date | None:
    ended = [p.ended_on for p in nominal.custody_periods.all() if p.ended_on is not None]
    return max(ended, default=None)


def open_case(nominal) -> MappaCase | None:
    return next((c for c in nominal.mappa_cases.all() if c.closed_on is None), None)


def custody_record(nominal) -> CustodyRecord | None:
    return CustodyRecord.objects.filter(nominal=nominal).first()


def expected_release(nominal, period: CustodyPeriod | None, record: CustodyRecord | None):
    """The release date this custody is expected to end on: the custody record's, else the
    person record's release date when it falls within this custody (after a recall, the
    person record keeps the first release, which the notification rules count from)."""
    if record is not None and record.expected_release_on is not None:
        return record.expected_release_on
    if period is not None and nominal.release_date and nominal.release_date >= period.started_on:
        return nominal.release_date
    return None


def level_decisions(case: MappaCase | None) -> list[date]:
    """The dates of the case's level decisions made here (screening, meeting, review), not
    imported ones (expects `level_history` prefetched, or reads it)."""
    if case is None:
        return []
    return [
        change.effective_from
        for change in case.level_history.all()
        if change.source != DecisionSource.IMPORT
    ]


def level_decided_in(case, period: CustodyPeriod | None, until: date) -> bool:
    if period is None:
        return False
    return rules.level_set_in_custody(
        decisions=level_decisions(case), custody_started_on=period.started_on, released_on=until
    )


@dataclass(frozen=True)
class QueueRow:
    nominal: Nominal
    case: MappaCase | None
    due: rules.DueDate
    deadline: date
    status: str
    level_decided: bool
    screening: Screening | None
    category: int | None


def _eligible_category(nominal, case, today) -> int | None:
    if case is not None and case.category:
        return case.category
    return for_nominal(nominal, today).category


def releases_queue(user, today: date) -> list[QueueRow]:
    """Every MAPPA-eligible person of the area in custody whose release or parole hearing is
    within MAPPA_RELEASES_MONTHS, most urgent first (red, amber, green; then soonest)."""
    in_custody = (
        area_register(user)
        .filter(custody_periods__ended_on__isnull=True)
        .distinct()
        .prefetch_related(
            "custody_periods",
            "convictions",
            "events",
            Prefetch(
                "mappa_cases",
                queryset=MappaCase.objects.filter(closed_on__isnull=True).prefetch_related(
                    "level_history"
                ),
            ),
            Prefetch("screenings", queryset=Screening.objects.order_by("-custody_started_on")),
        )
    )
    records = {r.nominal_id: r for r in CustodyRecord.objects.filter(nominal__in=in_custody)}
    rows = []
    for nominal in in_custody:
        period = open_period(nominal)
        record = records.get(nominal.id)
        due = rules.level_due_against(
            release_on=expected_release(nominal, period, record),
            parole_hearing_on=record.parole_hearing_on if record else None,
            today=today,
        )
        if due is None or not rules.in_window(
            on=due.on, today=today, months=settings.MAPPA_RELEASES_MONTHS
        ):
            continue
        case = open_case(nominal)
        category = _eligible_category(nominal, case, today)
        if category is None and case is None:
            continue
        rows.append(_row(nominal, case, period, due, category, today))
    return sorted(
        rows, key=lambda row: (rules.URGENCY[row.status], row.due.on, row.nominal.surname)
    )


def _row(nominal, case, period, due, category, today) -> QueueRow:
    decided = level_decided_in(case, period, today)
    lead = settings.MAPPA_LEVEL_SET_MONTHS_BEFORE_RELEASE
    screening = next(
        (s for s in nominal.screenings.all() if s.custody_started_on == period.started_on), None
    )
    return QueueRow(
        nominal=nominal,
        case=case,
        due=due,
        deadline=rules.level_deadline(due_on=due.on, lead_months=lead),
        status=rules.level_status(
            due_on=due.on,
            level_decided=decided,
            today=today,
            lead_months=lead,
            soon_days=settings.MAPPA_LEVEL_DUE_SOON_DAYS,
        ),
        level_decided=decided,
        screening=screening,
        category=category,
    )


def releases_unprepared(user, today: date) -> QuerySet[Movement]:
    """Releases of the area's people in the last MAPPA_RELEASES_RECENT_DAYS without a level
    set in custody or without a risk management plan: red on the co-ordinator's dashboard."""
    since = today - timedelta(days=settings.MAPPA_RELEASES_RECENT_DAYS)
    released = Movement.objects.filter(
        nominal__in=area_register(user), kind=MovementKind.RELEASED, occurred_on__gte=since
    )
    return released.exclude(level_set_in_custody=True, plan_in_place=True).select_related("nominal")


def awaiting_decision(user) -> QuerySet[Screening]:
    return screenings_visible_to(user).filter(status=ScreeningStatus.AWAITING_DECISION)


def movements_of(nominal) -> QuerySet[Movement]:
    """A person's releases and returns (for a reader who may see the person)."""
    return nominal.custody_movements.select_related("recorded_by__agency")


def screenings_of(nominal) -> QuerySet[Screening]:
    return nominal.screenings.select_related("made_by__agency", "offender_manager", "decided_by")


def timeline_entries(nominal) -> list[timeline.Entry]:
    """Releases, returns and screenings, for the person page's timeline (a reader in scope)."""
    found = []
    for movement in movements_of(nominal):
        about = movement.get_reason_display() if movement.reason else _release_note(movement)
        found.append(
            timeline.Entry(
                movement.occurred_on,
                movement.get_kind_display(),
                about,
                _by(movement.recorded_by),
                4,
            )
        )
    for screening in screenings_of(nominal):
        found.append(
            timeline.Entry(
                screening.made_at.date(),
                f"Pre-release screening: level {screening.proposed_level} proposed",
                screening.get_status_display(),
                _by(screening.made_by),
                1,
            )
        )
    return found


def _by(user) -> str:
    if user is None:
        return ""
    return f"{user.display_name}, {user.agency.name}" if user.agency else user.display_name


def _release_note(movement: Movement) -> str:
    if movement.kind != MovementKind.RELEASED:
        return ""
    if movement.prepared:
        return f"Level {movement.level} set in custody and a risk management plan in place"
    return "Released without a level set in custody or without a risk management plan"


def on_record() -> dict[str, Exists]:
    """Annotations for a person's own query: whether they have custody movements or screenings
    (the person page reads them only then)."""
    return {
        "has_custody_movements": Exists(Movement.objects.filter(nominal=OuterRef("pk"))),
        "has_screenings": Exists(Screening.objects.filter(nominal=OuterRef("pk"))),
    }


def may_see_custody(user, nominal) -> bool:
    """Whether a reader of the person (already in their scope) may open the custody page."""
    return (
        permissions.role_has(user, permissions.VIEW_AREA_CASES) and user.area_id == nominal.area_id
    )


def with_custody(entries: list, nominal) -> list:
    """The person's timeline with the custody entries among the cases' ones, newest first
    (read only when the person's query found some: `on_record`)."""
    found = getattr(nominal, "has_custody_movements", True) or getattr(
        nominal, "has_screenings", True
    )
    merged = [*entries, *(timeline_entries(nominal) if found else [])]
    return sorted(merged, key=lambda entry: (entry.on, entry.rank), reverse=True)

"""What the dashboards show about cases, scoped to the acting user through `cases_visible_to`.

Review status (red, amber, green) comes from `rules.review_status`; filtering by it is done in
the database with the same boundaries, so a filtered table and its tags always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple
from uuid import UUID

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet

from mappa.cases import rules
from mappa.cases.constants import CaseKind, Category, LeadAgency, Level
from mappa.cases.models import MappaCase
from mappa.cases.queries import cases_visible_to
from mappa.people import eligibility

REVIEW_STATUSES = {
    rules.OVERDUE: "Overdue",
    rules.DUE_SOON: "Due soon",
    rules.ON_TRACK: "On track",
    rules.NOT_SET: "Not set",
}
ELIGIBILITY_CATEGORIES = (Category.REGISTERED_SEXUAL_OFFENDER, Category.VIOLENT_OFFENDER)


def due_soon_days() -> int:
    return settings.MAPPA_REVIEW_DUE_SOON_WEEKS * 7


@dataclass(frozen=True)
class CaseFilter:
    """The dashboard's filter: a level, a category, a review status and a lead agency, each
    optional."""

    level: int | None = None
    category: int | None = None
    review_status: str = ""
    lead_agency: str = ""

    @classmethod
    def from_query(cls, query) -> CaseFilter:
        """Read the filter from GET parameters, ignoring values that are not choices."""

        def number(name: str, choices) -> int | None:
            value = query.get(name, "")
            return int(value) if value in {str(choice) for choice in choices} else None

        status = query.get("review_status", "")
        lead = query.get("lead_agency", "")
        return cls(
            level=number("level", Level.values),
            category=number("category", Category.values),
            review_status=status if status in REVIEW_STATUSES else "",
            lead_agency=lead if lead in LeadAgency.values else "",
        )

    @property
    def is_empty(self) -> bool:
        return (
            self.level is None
            and self.category is None
            and not self.review_status
            and not self.lead_agency
        )

    def without(self, name: str) -> CaseFilter:
        """The same filter with one of its fields let go (for counting that field's values)."""
        return replace(self, **{name: "" if name in ("review_status", "lead_agency") else None})

    def apply(self, cases: QuerySet[MappaCase], today: date) -> QuerySet[MappaCase]:
        if self.level is not None:
            cases = cases.filter(level=self.level)
        if self.category is not None:
            cases = cases.filter(category=self.category)
        if self.review_status:
            cases = cases.filter(review_status_q(self.review_status, today))
        if self.lead_agency:
            cases = cases.filter(lead_agency=self.lead_agency)
        return cases


def review_status_q(status: str, today: date) -> Q:
    """The cases whose `rules.review_status` is `status` on `today`, as a query."""
    soon = today + timedelta(days=due_soon_days())
    return {
        rules.OVERDUE: Q(next_review_due__lt=today),
        rules.DUE_SOON: Q(next_review_due__gte=today, next_review_due__lte=soon),
        rules.ON_TRACK: Q(next_review_due__gt=soon),
        rules.NOT_SET: Q(next_review_due__isnull=True),
    }[status]


@dataclass(frozen=True)
class CaseRow:
    case: MappaCase
    review_status: str

    @property
    def review_status_label(self) -> str:
        return REVIEW_STATUSES[self.review_status]

    @property
    def review_status_rank(self) -> int:
        """Most urgent first when a table is sorted by status."""
        return list(REVIEW_STATUSES).index(self.review_status)


def soonest_first(cases: QuerySet[MappaCase]) -> QuerySet[MappaCase]:
    """Soonest review first (unset last), then by name."""
    return cases.select_related("nominal", "responsible_officer").order_by(
        F("next_review_due").asc(nulls_last=True), "nominal__surname", "nominal__forenames", "id"
    )


def with_status(cases, today: date) -> list[CaseRow]:
    return [
        CaseRow(
            case,
            rules.review_status(
                due=case.next_review_due, today=today, due_soon_days=due_soon_days()
            ),
        )
        for case in cases
    ]


def rows(cases: QuerySet[MappaCase], today: date, limit: int | None = None) -> list[CaseRow]:
    """Cases with their review status, soonest review first (unset last); at most `limit`."""
    return with_status(soonest_first(cases)[:limit], today)


def counts_by_value(user, today: date, case_filter: CaseFilter) -> dict[str, dict[str, int]]:
    """For each filter field, how many open cases each of its values would show, the other
    fields as chosen (faceted counts), keyed by the value as the filter reads it."""
    open_ = open_mappa_cases(user)
    counts: dict[str, dict[str, int]] = {}
    for name in ("level", "category", "lead_agency"):
        others = case_filter.without(name).apply(open_, today)
        counts[name] = {
            str(row[name]): row["n"]
            for row in others.values(name).annotate(n=Count("id")).order_by()
            if row[name] not in (None, "")
        }
    others = case_filter.without("review_status").apply(open_, today)
    counts["review_status"] = {
        status: others.filter(review_status_q(status, today)).count() for status in REVIEW_STATUSES
    }
    return counts


def open_cases(user) -> QuerySet[MappaCase]:
    """The open cases the user's area manages (or the user was granted): a case a transfer only
    shares with the area is on its transfers page, not in its counts (docs/transfers.md)."""
    return cases_visible_to(user, changing=True).filter(closed_on__isnull=True)


def open_mappa_cases(user) -> QuerySet[MappaCase]:
    """The open MAPPA cases (not potentially dangerous persons'), for the list of open cases."""
    return open_cases(user).filter(kind=CaseKind.MAPPA)


def reviews_due_cases(user, today: date, case_filter: CaseFilter) -> QuerySet[MappaCase]:
    """Open cases whose review is overdue or due soon; a status filter shows that status instead."""
    cases = open_cases(user)
    if not case_filter.review_status:
        cases = cases.filter(
            review_status_q(rules.OVERDUE, today) | review_status_q(rules.DUE_SOON, today)
        )
    return case_filter.apply(cases, today)


def reviews_due(user, today: date, case_filter: CaseFilter, limit: int | None = None):
    return rows(reviews_due_cases(user, today, case_filter), today, limit)


def your_open_cases(user) -> QuerySet[MappaCase]:
    """A practitioner's cases: those they are responsible officer for, and their agency leads."""
    mine = Q(responsible_officer=user)
    if user.agency_id is not None:
        mine |= Q(lead_agency=user.agency.kind)
    return open_cases(user).filter(mine)


def your_cases(user, today: date, case_filter: CaseFilter, limit: int | None = None):
    return rows(case_filter.apply(your_open_cases(user), today), today, limit)


def review_counts(cases: QuerySet[MappaCase], today: date) -> dict[str, int]:
    """How many of the cases there are, and how many are overdue or due soon, counted in SQL."""
    return {
        "total": cases.count(),
        rules.OVERDUE: cases.filter(review_status_q(rules.OVERDUE, today)).count(),
        rules.DUE_SOON: cases.filter(review_status_q(rules.DUE_SOON, today)).count(),
    }


@dataclass(frozen=True)
class CountTable:
    """Open cases counted by category (rows) and level (columns), with totals."""

    levels: list[tuple[int | None, str]]
    rows: list[tuple[str, list[int], int]]
    column_totals: list[int]
    total: int


def counts_by_category_and_level(user) -> CountTable:
    """MAPPA cases only: a potentially dangerous person has no category or level (docs/pdp.md)."""
    mappa = open_cases(user).filter(kind=CaseKind.MAPPA)
    counts = {
        (row["category"], row["level"]): row["n"]
        for row in mappa.values("category", "level").annotate(n=Count("id"))
    }
    levels = [(value, f"Level {value}") for value in Level.values] + [(None, "Level not set")]
    categories = [(value, f"Category {value}") for value in Category.values] + [
        (None, "Category to be determined")
    ]
    table = []
    for category, label in categories:
        cells = [counts.get((category, level), 0) for level, _ in levels]
        table.append((label, cells, sum(cells)))
    columns = [sum(row[1][i] for row in table) for i in range(len(levels))]
    return CountTable(levels, table, columns, sum(columns))


@dataclass(frozen=True)
class EligibilityEnding:
    case: MappaCase
    ends_on: date | None
    warning: str  # rules.ENDED or rules.ENDING_SOON


def eligibility_ending(
    user, today: date, limit: int | None = None
) -> tuple[list[EligibilityEnding], int]:
    """Open category 1 and 2 cases whose eligibility has ended or ends within the warning
    window, soonest first: the first `limit` of them (all without one), and how many there are.

    Eligibility is computed from each person's record (`people.eligibility.for_record`). An
    area holds thousands of such cases, so the record is read as plain rows (three queries,
    whatever the number of cases) and only the cases shown are fetched as models.
    """
    cases = open_cases(user).filter(category__in=ELIGIBILITY_CATEGORIES)
    rows = _PersonRow.fetch(cases)
    convictions, events = eligibility.record_rows(cases.values("nominal_id"))
    found = {}
    for row in rows:
        ends_on, warning = _eligibility_warning(
            row, convictions[row.nominal_id], events[row.nominal_id], today
        )
        if warning is not None:
            found[row.case_id] = (ends_on, warning)
    shown = sorted(found, key=lambda case_id: (found[case_id][0] or date.min, str(case_id)))
    shown = shown[:limit] if limit is not None else shown
    models = MappaCase.objects.select_related("nominal").in_bulk(shown)
    return [EligibilityEnding(models[case_id], *found[case_id]) for case_id in shown], len(found)


class _PersonRow(NamedTuple):
    case_id: UUID
    nominal_id: UUID
    date_of_birth: date | None
    release_date: date | None
    licence_end_date: date | None

    @classmethod
    def fetch(cls, cases: QuerySet[MappaCase]) -> list[_PersonRow]:
        fields = ("id", "nominal_id", *(f"nominal__{name}" for name in cls._fields[2:]))
        return [cls(*row) for row in cases.values_list(*fields)]


def _eligibility_warning(
    person, convictions, events, today: date
) -> tuple[date | None, str | None]:
    result = eligibility.for_record(person, convictions=convictions, events=events, as_of=today)
    if result.category is None:
        # The record no longer makes the person eligible: the case outlives its basis.
        return _ended_on(result, person, today), rules.ENDED
    warn_weeks = settings.MAPPA_ELIGIBILITY_WARNING_WEEKS
    end = result.eligibility_end_date
    return end, rules.eligibility_warning(eligibility_end=end, today=today, warn_weeks=warn_weeks)


def _ended_on(result, nominal, today: date) -> date | None:
    """When eligibility ended, where the record says: the notification's or the licence's end."""
    candidates = [
        result.notification.end_date if result.notification else None,
        nominal.licence_end_date,
    ]
    past = [day for day in candidates if day is not None and day < today]
    return max(past) if past else None

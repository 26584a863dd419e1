"""Reports of whereabouts unknown, scoped to the acting user as their cases are: out of scope is
a 404. Queries that take a case expect one a scoped query returned (docs/architecture.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.constants import Role
from mappa.cases.queries import cases_visible_to, may_change
from mappa.cases.timeline import Entry
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models import Meeting
from mappa.meetings.queries.meetings import meetings_visible_to
from mappa.whereabouts import rules
from mappa.whereabouts.models import WhereaboutsReport


def reports_visible_to(user) -> QuerySet[WhereaboutsReport]:
    return WhereaboutsReport.objects.filter(case__in=cases_visible_to(user))


def get_report(user, report_id: UUID) -> WhereaboutsReport:
    report = (
        reports_visible_to(user)
        .select_related(
            "case__nominal__area",
            "case__responsible_officer",
            "reported_by__agency",
            "ended_by__agency",
            "urgent_item__meeting",
        )
        .prefetch_related("search_actions__recorded_by__agency")
        .filter(id=report_id)
        .first()
    )
    if report is None:
        raise Http404("No such report")
    return report


def get_case_report(user, case, report_id: UUID) -> WhereaboutsReport:
    """A report of that case (a case a scoped query returned); else 404."""
    report = get_report(user, report_id)
    if report.case_id != case.id:
        raise Http404("No such report")
    return report


def open_report(case) -> WhereaboutsReport | None:
    """The case's open report (whereabouts still unknown), if there is one."""
    return (
        case.whereabouts_reports.filter(ended_at__isnull=True)
        .select_related("reported_by__agency")
        .first()
    )


def reports_of(case) -> QuerySet[WhereaboutsReport]:
    """Every report of the case, the latest first, with its search actions."""
    return case.whereabouts_reports.select_related(
        "reported_by__agency", "ended_by__agency"
    ).prefetch_related("search_actions__recorded_by__agency")


def summaries_of(case) -> QuerySet[WhereaboutsReport]:
    """Every report of the case, the latest first, for the case page's banner and list."""
    return case.whereabouts_reports.all()


def may_report(user, case) -> bool:
    """Whether the user reports whereabouts unknown on this case and records its end
    (`rules.may_report`): the co-ordinator, the responsible officer, or a practitioner of the
    lead agency, each holding the permission to manage cases, in the area that manages the case
    (a case a transfer shares with another area is read-only there: `cases.queries.may_change`)."""
    if not permissions.role_has(user, permissions.MANAGE_CASES) or not may_change(user, case):
        return False
    agency = getattr(user, "agency", None)
    return rules.may_report(
        is_coordinator=user.role == Role.COORDINATOR,
        is_responsible_officer=case.responsible_officer_id == user.pk,
        of_lead_agency=user.role == Role.RA_PRACTITIONER
        and agency is not None
        and bool(case.lead_agency)
        and agency.kind == case.lead_agency,
    )


def may_search(user, case) -> bool:
    """Anyone who manages cases and may change this one logs search actions (police officers
    too); a case a transfer shares with another area is read-only there."""
    return permissions.role_has(user, permissions.MANAGE_CASES) and may_change(user, case)


def may_call_meeting(user) -> bool:
    return permissions.role_has(user, permissions.MANAGE_MEETINGS)


def open_for_dashboard(user) -> list[WhereaboutsReport]:
    """The open reports a dashboard lists, the person missing longest first: every one in the
    co-ordinator's area; a practitioner's where they are the responsible officer or their
    agency leads the case."""
    reports = reports_visible_to(user).filter(ended_at__isnull=True)
    if user.role == Role.COORDINATOR:
        reports = reports.filter(case__nominal__area_id=user.area_id)
    else:
        mine = Q(case__responsible_officer=user)
        if user.agency_id is not None:
            mine |= Q(case__lead_agency=user.agency.kind)
        reports = reports.filter(mine)
    reports = reports.select_related("case__nominal", "case__responsible_officer")
    return rules.longest_missing_first(reports, started_at=lambda report: report.started_at)


def planned_meetings(user, *, level: int, today: date, within_days: int) -> QuerySet[Meeting]:
    """Planned meetings of the user's area at a level, from today to `within_days` ahead."""
    return meetings_visible_to(user).filter(
        area_id=user.area_id,
        level=level,
        status=MeetingStatus.PLANNED,
        date__gte=today,
        date__lte=today + timedelta(days=within_days),
    )


def on_record() -> dict[str, Exists]:
    """An annotation for a person's own query: whether any of their cases has a report of
    whereabouts unknown. Most have none; `of_person` then looks for nothing."""
    reports = WhereaboutsReport.objects.filter(case__nominal=OuterRef("pk"))
    return {"has_whereabouts_reports": Exists(reports)}


@dataclass(frozen=True)
class PersonWhereabouts:
    """What the person page shows: the open report (for its banner) and the timeline's entries."""

    open: WhereaboutsReport | None
    entries: list[Entry]

    def with_timeline(self, entries: list[Entry]) -> list[Entry]:
        """The person's timeline with the reports' entries in it, newest first (as
        `cases.timeline.entries` orders it)."""
        merged = [*entries, *self.entries]
        return sorted(merged, key=lambda entry: (entry.on, entry.rank), reverse=True)


def of_person(nominal, cases) -> PersonWhereabouts:
    """The reports of a person's cases (a scoped query's), in one query, or none when
    `on_record` found none."""
    if not getattr(nominal, "has_whereabouts_reports", True):
        return PersonWhereabouts(None, [])
    reports = list(
        WhereaboutsReport.objects.filter(case__in=list(cases)).select_related(
            "reported_by__agency", "ended_by__agency"
        )
    )
    entries = [entry for report in reports for entry in _entries(report)]
    return PersonWhereabouts(next((r for r in reports if r.is_open), None), entries)


def _entries(report: WhereaboutsReport) -> list[Entry]:
    """A report on the person's timeline: when whereabouts became unknown, and when that ended."""
    found = [
        Entry(
            timezone.localtime(report.started_at).date(),
            f"Whereabouts unknown: {report.get_kind_display().lower()}",
            report.what_is_known,
            _name(report.reported_by),
        )
    ]
    if report.ended_at is not None:
        found.append(
            Entry(
                timezone.localtime(report.ended_at).date(),
                f"Whereabouts known: {report.get_ending_display().lower()}",
                report.end_note,
                _name(report.ended_by),
                1,
            )
        )
    return found


def _name(user) -> str:
    if user is None:
        return ""
    return f"{user.display_name}, {user.agency.name}" if user.agency else user.display_name

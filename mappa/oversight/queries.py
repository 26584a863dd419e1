"""Oversight reads, scoped to the acting user's area and role. Out of scope is a 404.

Aggregates (statistics, indicators, audit summaries) are for every holder of the
view_aggregates permission in the area. Audits and serious case reviews are the board's
(oversee): an auditor sees only the audits assigned to them, and a review is seen beyond the
board only once the board has approved its circulation, and then only by those who see the
area's cases. Lay advisers see aggregates only.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.agencies.models import Area, User
from mappa.cases.models import MappaCase
from mappa.cases.queries import cases_visible_to
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models import Meeting
from mappa.oversight import rules
from mappa.oversight.models import PracticeAudit, SeriousCaseReview
from mappa.oversight.statistics import annual
from mappa.people.constants import EventKind
from mappa.people.models import RecordedEvent

HELD = (
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_DRAFT,
    MeetingStatus.MINUTES_APPROVED,
    MeetingStatus.CIRCULATED,
)


def area_of(user) -> Area:
    """The area whose figures the user may see; 404 for a user with none."""
    if user.area_id is None:
        raise Http404("No area")
    return user.area


def area_for_code(user, code: str | None) -> Area:
    """The area named by `code`, which must be the user's own (another area is a 404)."""
    area = area_of(user)
    if code not in (None, "", area.code):
        raise Http404("No such area")
    return area


def may_oversee(user) -> bool:
    return permissions.role_has(user, permissions.OVERSEE)


def audits_visible_to(user) -> QuerySet[PracticeAudit]:
    audits = PracticeAudit.objects.select_related("meeting", "case", "auditor__agency")
    if may_oversee(user):
        return audits.filter(area_id=user.area_id)
    return audits.filter(area_id=user.area_id, auditor=user)


def get_audit(user, audit_id: UUID) -> PracticeAudit:
    found = audits_visible_to(user).prefetch_related("scores").filter(id=audit_id).first()
    if found is None:
        raise Http404("No such audit")
    return found


def auditors(area: Area) -> QuerySet[User]:
    """Who may be asked to audit: active users of the area who see its meetings and cases and
    its aggregates (co-ordinators and chairs)."""
    roles = [
        role
        for role, held in permissions.ROLE_PERMISSIONS.items()
        if {permissions.VIEW_AREA_CASES, permissions.VIEW_AGGREGATES} <= held
    ]
    return User.objects.filter(area=area, role__in=roles, is_active=True).order_by(
        "last_name", "first_name"
    )


def auditable_meetings(area: Area) -> QuerySet[Meeting]:
    return Meeting.objects.filter(area=area, status__in=HELD).order_by("-date")


def auditable_cases(area: Area) -> QuerySet[MappaCase]:
    """Level 2 and 3 cases of the area, open or closed, newest first."""
    return MappaCase.objects.filter(nominal__area=area, level__in=(2, 3)).order_by("-start_date")


def reviews_visible_to(user) -> QuerySet[SeriousCaseReview]:
    reviews = SeriousCaseReview.objects.filter(area_id=user.area_id)
    if may_oversee(user):
        return reviews
    if permissions.role_has(user, permissions.VIEW_AREA_CASES) and permissions.role_has(
        user, permissions.VIEW_AGGREGATES
    ):
        return reviews.filter(approved_on__isnull=False)
    return reviews.none()


def get_review(user, review_id: UUID) -> SeriousCaseReview:
    found = (
        reviews_visible_to(user)
        .select_related("case__nominal", "lay_adviser", "notified_by", "decided_by")
        .prefetch_related("action_plan")
        .filter(id=review_id)
        .first()
    )
    if found is None:
        raise Http404("No such review")
    return found


def case_link_visible(user, case_id: UUID) -> bool:
    """Whether the user may open the case itself (its page shows who the person is)."""
    return cases_visible_to(user).filter(id=case_id).exists()


def charges_awaiting_notification(user, today: date) -> list[dict]:
    """Serious further offence charges against people with a MAPPA case on the day, recorded on
    their record, that the board has not been notified of; oldest first, with the deadline."""
    if not may_oversee(user):
        return []
    area = area_of(user)
    notified = set(SeriousCaseReview.objects.filter(area=area).values_list("case_id", "charged_on"))
    charges = RecordedEvent.objects.filter(
        nominal__area=area, kind=EventKind.SFO_CHARGED
    ).values_list("nominal_id", "occurred_on")
    people = {nominal for nominal, _ in charges}
    cases = {}
    for case in (
        MappaCase.objects.filter(nominal_id__in=people)
        .select_related("nominal")
        .prefetch_related("level_history")
    ):
        cases.setdefault(case.nominal_id, []).append((case, annual.case_facts(case, None)))
    found = []
    for nominal, charged_on in sorted(charges, key=lambda pair: pair[1]):
        active = [(c, f) for c, f in cases.get(nominal, []) if rules.active_on(f, charged_on)]
        if not active:
            continue
        case, facts = max(active, key=lambda pair: pair[1].start)
        if (case.id, charged_on) in notified:
            continue
        due = rules.notification_due(
            charged_on=charged_on, days=settings.MAPPA_SCR_NOTIFICATION_DAYS
        )
        found.append(
            {
                "case": case,
                "charged_on": charged_on,
                "level": rules.level_on(facts, charged_on),
                "due_on": due,
                "overdue": today > due,
            }
        )
    return found

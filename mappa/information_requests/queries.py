"""Information requests, scoped to the acting user: out of scope is a 404.

Two sides see a request. The asking side: whoever may see the case (the co-ordinator and the
responsible authority in the area, agencies granted the case). The answering side: the named
person, or, when no one is named, the agency's active users who answer requests; they see only
what they need to answer (the person's name and date of birth, the purpose, basis and question:
`asked_of`), never the case unless they may already see it. A request on an open category 4 case
reaches only users with terrorism clearance (cases.rules.NEEDS_CLEARANCE).
"""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.agencies.models import User
from mappa.cases.queries import cases_visible_to, may_change, open_cases_needing_clearance
from mappa.cases.rules import NEEDS_CLEARANCE
from mappa.information_requests import rules
from mappa.information_requests.constants import Status
from mappa.information_requests.models import InformationRequest
from mappa.referrals.queries import referrals_visible_to

RELATED = (
    "case__nominal",
    "referral__nominal",
    "agency",
    "addressed_to",
    "requested_by__agency",
    "answered_by",
    "withdrawn_by",
)


def _answering_scope(user) -> Q | None:
    if not permissions.role_has(user, permissions.ANSWER_INFORMATION_REQUESTS):
        return None
    if user.agency_id is None:
        return None
    scope = Q(addressed_to=user) | Q(addressed_to__isnull=True, agency_id=user.agency_id)
    if not user.terrorism_clearance:
        scope &= ~Q(case__in=open_cases_needing_clearance())
        scope &= ~Q(case__isnull=True, referral__category__in=NEEDS_CLEARANCE)
    return scope


def asked_of(user) -> QuerySet[InformationRequest]:
    """The requests the user answers: addressed to them, or to their agency with no one named."""
    scope = _answering_scope(user)
    if scope is None:
        return InformationRequest.objects.none()
    return InformationRequest.objects.filter(scope)


def asked_by_area(user) -> QuerySet[InformationRequest]:
    """The requests on cases the user may see (the asking side); before a case, those raised at
    screening on referrals the user may see."""
    if not permissions.role_has(user, permissions.VIEW_CASES):
        return InformationRequest.objects.none()
    return InformationRequest.objects.filter(
        Q(case__in=cases_visible_to(user))
        | Q(case__isnull=True, referral__in=referrals_visible_to(user))
    )


def visible_to(user) -> QuerySet[InformationRequest]:
    """Every request the user may open, from either side."""
    asking = Q(id__in=asked_by_area(user).values("id"))
    answering = Q(id__in=asked_of(user).values("id"))
    return InformationRequest.objects.filter(asking | answering)


def get_request(user, request_id: UUID) -> InformationRequest:
    found = visible_to(user).select_related(*RELATED).filter(id=request_id).first()
    if found is None:
        raise Http404("No such information request")
    return found


def sees_case(user, found: InformationRequest) -> bool:
    """Whether the user may see the request's case, or before a case its referral (and so
    everything on its page)."""
    return asked_by_area(user).filter(id=found.id).exists()


def may_answer(user, found: InformationRequest) -> bool:
    return found.is_open and asked_of(user).filter(id=found.id).exists()


def may_withdraw(user, found: InformationRequest) -> bool:
    """The person who asked, or the co-ordinator of the area managing the case, may withdraw an
    open request (docs/information-requests.md)."""
    if not found.is_open or not permissions.role_has(user, permissions.MANAGE_CASES):
        return False
    if found.case_id is None:
        if found.referral.area_id != user.area_id or not sees_case(user, found):
            return False
    elif not may_change(user, found.case) or not sees_case(user, found):
        return False
    return found.requested_by_id == user.id or permissions.role_has(
        user, permissions.MANAGE_MEETINGS
    )


def may_raise(user, case) -> bool:
    """The co-ordinator, or the case's responsible officer, asks agencies for information, in
    the area that manages the case (a case a transfer shares is read-only to the other area)."""
    if not permissions.role_has(user, permissions.MANAGE_CASES) or not may_change(user, case):
        return False
    return (
        permissions.role_has(user, permissions.MANAGE_MEETINGS)
        or case.responsible_officer_id == user.id
    )


def may_raise_at_screening(user, referral) -> bool:
    """Before the person has an open case, the area's co-ordinator screening the referral asks
    (the referral must be one the user may see: `referrals.queries.get_referral`)."""
    return (
        permissions.role_has(user, permissions.MANAGE_CASES)
        and permissions.role_has(user, permissions.SCREEN_REFERRALS)
        and referral.area_id == user.area_id
    )


def answering_roles() -> list[str]:
    return [
        role
        for role, held in permissions.ROLE_PERMISSIONS.items()
        if permissions.ANSWER_INFORMATION_REQUESTS in held
    ]


def people_who_answer(agencies) -> QuerySet[User]:
    """The active users of these agencies whose role answers information requests: who may be
    named on a request, and who is told of one addressed to their agency with no one named."""
    return (
        User.objects.filter(agency__in=agencies, is_active=True, role__in=answering_roles())
        .select_related("agency")
        .order_by("agency__name", "last_name", "first_name", "username")
    )


def to_answer(user) -> QuerySet[InformationRequest]:
    """Open requests the user answers, soonest due first (the agency's dashboard)."""
    return asked_of(user).filter(status=Status.OPEN).select_related(*RELATED)


def open_in_area(user) -> QuerySet[InformationRequest]:
    """Open requests on the area's cases (the co-ordinator's dashboard), soonest due first."""
    return (
        asked_by_area(user)
        .filter(
            Q(case__nominal__area_id=user.area_id)
            | Q(case__isnull=True, referral__area_id=user.area_id),
            status=Status.OPEN,
        )
        .select_related(*RELATED)
    )


def of_case(case) -> QuerySet[InformationRequest]:
    """A case's requests (for a reader who may see the case), soonest due first."""
    return case.information_requests.select_related(*RELATED)


def outstanding_before(case, day) -> list[InformationRequest]:
    """A case's open requests due on or before `day` (its next review): what the review needs."""
    if day is None:
        return []
    return list(of_case(case).filter(status=Status.OPEN, due_on__lte=day))


def status_of(found: InformationRequest, today) -> str:
    return rules.request_status(
        status=found.status,
        due_on=found.due_on,
        today=today,
        amber_days=settings.MAPPA_INFORMATION_REQUEST_AMBER_DAYS,
    )


def with_status(requests, today) -> list[tuple[InformationRequest, str]]:
    return [(found, status_of(found, today)) for found in requests]


def for_case_page(user, case, today) -> dict:
    """The case page's section (for a reader who may see the case): its requests with their
    status, those outstanding before the next review, and whether the reader may raise one."""
    return {
        "rows": with_status(of_case(case), today),
        "before_review": outstanding_before(case, case.next_review_due)
        if case.closed_on is None
        else [],
        "may_raise": case.closed_on is None and may_raise(user, case),
    }

"""Cases, scoped to the acting user exactly as the register is: out of scope is a 404."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.agencies import rules as agency_rules
from mappa.agencies.constants import Role
from mappa.agencies.models import Agency, CaseAccessGrant, User
from mappa.agencies.queries import granted_case_ids
from mappa.cases import rules
from mappa.cases.models import MappaCase


def open_cases_needing_clearance() -> QuerySet[MappaCase]:
    """Open cases only a user with terrorism clearance may see (`rules.NEEDS_CLEARANCE`)."""
    return MappaCase.objects.filter(category__in=rules.NEEDS_CLEARANCE, closed_on__isnull=True)


def register_scope(user, to_nominal: str = "") -> Q | None:
    """Who sees which person: the one scoping rule for the register and every case on it.

    `to_nominal` is the path from the model filtered to its nominal: "" for a nominal,
    "nominal__" for a case. RA roles see their area's register; others only people whose case
    (or record) they were granted. A person with an open category 4 case needs the user's
    terrorism clearance. None when the user's role sees no one.
    """
    person = f"{to_nominal}id__in"
    if permissions.role_has(user, permissions.VIEW_AREA_CASES):
        scope = Q(**{f"{to_nominal}area_id": user.area_id})
    elif permissions.role_has(user, permissions.VIEW_CASES):
        granted = granted_case_ids(user)
        of_granted_cases = MappaCase.objects.filter(id__in=granted).values("nominal_id")
        scope = Q(**{person: granted}) | Q(**{person: of_granted_cases})
    else:
        return None
    if not user.terrorism_clearance:
        scope &= ~Q(**{person: open_cases_needing_clearance().values("nominal_id")})
    return scope


def cases_visible_to(user) -> QuerySet[MappaCase]:
    scope = register_scope(user, "nominal__")
    return MappaCase.objects.none() if scope is None else MappaCase.objects.filter(scope)


def get_case(user, case_id: UUID) -> MappaCase:
    case = (
        cases_visible_to(user)
        .select_related("nominal")
        .prefetch_related("level_history__decided_by", "reviews")
        .filter(id=case_id)
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case


def get_case_in_full(user, case_id: UUID) -> MappaCase:
    """One case in the user's scope with everything its page shows, or 404."""
    case = (
        cases_visible_to(user)
        .select_related("nominal__area", "responsible_officer__agency")
        .prefetch_related("level_history__decided_by__agency", "reviews__reviewed_by__agency")
        .filter(id=case_id)
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case


def grants_for_case(user, case_id: UUID) -> QuerySet[CaseAccessGrant]:
    """Every access grant of a case in the user's scope, active or not, newest first; else 404."""
    if not cases_visible_to(user).filter(id=case_id).exists():
        raise Http404("No such case")
    return CaseAccessGrant.objects.filter(case=case_id).select_related(
        "grantee_user__agency", "grantee_agency", "granted_by__agency", "revoked_by"
    )


def get_active_grant(user, case_id: UUID, grant_id: UUID) -> CaseAccessGrant:
    """A grant of that case, not yet revoked, with the case in the user's scope; else 404."""
    grant = grants_for_case(user, case_id).filter(id=grant_id, revoked_at__isnull=True).first()
    if grant is None:
        raise Http404("No such grant")
    return grant


def agencies_to_grant(case: MappaCase) -> QuerySet[Agency]:
    """Duty-to-co-operate agencies of the case's area: those a co-ordinator may let see it."""
    return Agency.objects.filter(
        area_id=case.nominal.area_id, kind__in=agency_rules.DUTY_TO_COOPERATE_KINDS
    ).order_by("name")


def people_to_grant(case: MappaCase) -> QuerySet[User]:
    """Active users of the case's area whose role sees cases only when granted them.

    Roles that see every case in the area need no grant; roles that see no cases gain
    nothing from one.
    """
    roles = [
        role
        for role, held in permissions.ROLE_PERMISSIONS.items()
        if permissions.VIEW_CASES in held and permissions.VIEW_AREA_CASES not in held
    ]
    return (
        User.objects.filter(area_id=case.nominal.area_id, role__in=roles, is_active=True)
        .select_related("agency")
        .order_by("last_name", "first_name", "username")
    )


def officers_for(case: MappaCase) -> QuerySet[User]:
    """Who may be named the case's responsible officer: the lead agency's active practitioners
    in the case's area (the offender manager or police officer managing the person, not the
    co-ordination unit), with terrorism clearance for a category 4 case."""
    officers = User.objects.filter(
        area_id=case.nominal.area_id,
        agency__kind=case.lead_agency,
        role=Role.RA_PRACTITIONER,
        is_active=True,
    )
    if rules.NEEDS_CLEARANCE & {case.category}:
        officers = officers.filter(terrorism_clearance=True)
    return officers.select_related("agency").order_by("last_name", "first_name", "username")

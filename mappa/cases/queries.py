"""Cases, scoped to the acting user exactly as the register is: out of scope is a 404."""

from __future__ import annotations

from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies import rules as agency_rules
from mappa.agencies.constants import Role
from mappa.agencies.models import Agency, Area, CaseAccessGrant, User
from mappa.agencies.queries import granted_case_ids
from mappa.cases import rules
from mappa.cases.models import MappaCase, TemporaryStay, Transfer


def open_cases_needing_clearance() -> QuerySet[MappaCase]:
    """Open cases only a user with terrorism clearance may see (`rules.NEEDS_CLEARANCE`)."""
    return MappaCase.objects.filter(category__in=rules.NEEDS_CLEARANCE, closed_on__isnull=True)


def shared_by_transfer(area_id) -> QuerySet[MappaCase]:
    """Cases another area manages that this area reads (read-only) because of a transfer: those
    in hand-over to it, and those it sent, accepted within `MAPPA_TRANSFER_READ_DAYS`."""
    today = timezone.localdate()
    receiving = Q(to_area_id=area_id, status__in=rules.IN_HAND_OVER)
    sent = Q(from_area_id=area_id, status=rules.ACCEPTED, sending_reads_until__gte=today)
    return MappaCase.objects.filter(
        id__in=Transfer.objects.filter(receiving | sent).values("case_id")
    ).exclude(nominal__area_id=area_id)


def register_scope(user, to_nominal: str = "", *, changing: bool = False) -> Q | None:
    """Who sees which person: the one scoping rule for the register and every case on it.

    `to_nominal` is the path from the model filtered to its nominal: "" for a nominal,
    "nominal__" for a case. RA roles see their area's register, and (to read, not when
    `changing`) the cases a transfer shares with their area (`shared_by_transfer`); others only
    people whose case (or record) they were granted. A person with an open category 4 case
    needs the user's terrorism clearance. None when the user's role sees no one.
    """
    person = f"{to_nominal}id__in"
    if permissions.role_has(user, permissions.VIEW_AREA_CASES):
        scope = Q(**{f"{to_nominal}area_id": user.area_id})
        if not changing and user.area_id:
            scope |= Q(**{person: shared_by_transfer(user.area_id).values("nominal_id")})
    elif permissions.role_has(user, permissions.VIEW_CASES):
        granted = granted_case_ids(user)
        of_granted_cases = MappaCase.objects.filter(id__in=granted).values("nominal_id")
        scope = Q(**{person: granted}) | Q(**{person: of_granted_cases})
    else:
        return None
    if not user.terrorism_clearance:
        scope &= ~Q(**{person: open_cases_needing_clearance().values("nominal_id")})
    return scope


def may_change_readable(user, area_id) -> bool:
    """Whether the user may change a person `register_scope` already lets them read, in the
    person's area `area_id`: as `register_scope(user, changing=True)` would answer, without its
    query. Only what a transfer shares with an RA role's area is read-only (docs/transfers.md);
    everyone else changes what they read."""
    return not permissions.role_has(user, permissions.VIEW_AREA_CASES) or area_id == user.area_id


def cases_visible_to(user, *, changing: bool = False) -> QuerySet[MappaCase]:
    """The cases the user reads; with `changing`, only those the user's area may change (a case
    shared by a transfer is read-only to the area that does not manage it)."""
    scope = register_scope(user, "nominal__", changing=changing)
    return MappaCase.objects.none() if scope is None else MappaCase.objects.filter(scope)


def get_case(user, case_id: UUID, *, changing: bool = False) -> MappaCase:
    """A case in the user's scope, or 404; `changing` for a page or endpoint that changes it."""
    case = (
        cases_visible_to(user, changing=changing)
        .select_related("nominal")
        .prefetch_related("level_history__decided_by", "reviews")
        .filter(id=case_id)
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case


def may_change(user, case: MappaCase) -> bool:
    """Whether the user's scope lets them change the case (not only read it)."""
    return cases_visible_to(user, changing=True).filter(id=case.id).exists()


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


def grants_for_case(user, case_id: UUID, *, changing: bool = False) -> QuerySet[CaseAccessGrant]:
    """Every access grant of a case in the user's scope, active or not, newest first; else 404."""
    if not cases_visible_to(user, changing=changing).filter(id=case_id).exists():
        raise Http404("No such case")
    return CaseAccessGrant.objects.filter(case=case_id).select_related(
        "grantee_user__agency", "grantee_agency", "granted_by__agency", "revoked_by"
    )


def get_active_grant(user, case_id: UUID, grant_id: UUID) -> CaseAccessGrant:
    """A grant of that case, not yet revoked, with the case in the user's scope to change (to
    revoke it); else 404."""
    grants = grants_for_case(user, case_id, changing=True)
    grant = grants.filter(id=grant_id, revoked_at__isnull=True).first()
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


# Transfers and temporary stays (docs/transfers.md).


def transfers_of(case: MappaCase) -> QuerySet[Transfer]:
    """A case's transfers (the case already in the reader's scope), newest first."""
    return case.transfers.select_related(
        "from_area", "to_area", "requested_by__agency", "decided_by__agency"
    ).prefetch_related("messages__written_by__agency")


def get_transfer(user, transfer_id: UUID) -> Transfer:
    """A transfer of a case in the user's scope (either area while it waits), or 404."""
    transfer = (
        Transfer.objects.filter(id=transfer_id, case__in=cases_visible_to(user))
        .select_related("case__nominal__area", "from_area", "to_area", "requested_by__agency")
        .prefetch_related("messages__written_by__agency")
        .first()
    )
    if transfer is None:
        raise Http404("No such transfer")
    return transfer


def incoming_transfers(user) -> QuerySet[Transfer]:
    """Transfers waiting for the user's area to answer (its co-ordinators' queue), oldest first;
    queried ones are waiting for the sending area and are listed too, marked so."""
    if user.area_id is None or not permissions.role_has(user, permissions.SCREEN_REFERRALS):
        return Transfer.objects.none()
    return (
        Transfer.objects.filter(
            to_area_id=user.area_id,
            status__in=rules.IN_HAND_OVER,
            case__in=cases_visible_to(user),
        )
        .select_related("case__nominal", "from_area", "requested_by__agency")
        .order_by("requested_at")
    )


def outgoing_transfers(user) -> QuerySet[Transfer]:
    """Transfers the user's area has asked for that are not yet accepted or withdrawn."""
    if user.area_id is None or not permissions.role_has(user, permissions.VIEW_AREA_CASES):
        return Transfer.objects.none()
    return (
        Transfer.objects.filter(
            from_area_id=user.area_id,
            status__in=rules.IN_HAND_OVER,
            case__in=cases_visible_to(user, changing=True),
        )
        .select_related("case__nominal", "to_area")
        .order_by("requested_at")
    )


def areas_to_receive(case: MappaCase) -> QuerySet[Area]:
    """Every MAPPA area but the case's own: where it may be transferred or a stay may be."""
    return Area.objects.exclude(id=case.nominal.area_id).order_by("name")


def stays_of(case: MappaCase) -> QuerySet[TemporaryStay]:
    """A case's temporary stays (the case already in the reader's scope), soonest first."""
    return case.stays.select_related("host_area", "recorded_by__agency")


def hosted_stays(user) -> QuerySet[TemporaryStay]:
    """Stays in the user's area of people another area manages, until each stay's last day: for
    the area's co-ordinators only (need to know: docs/transfers.md), with terrorism clearance for
    a category 4 case."""
    if user.area_id is None or not permissions.role_has(user, permissions.SCREEN_REFERRALS):
        return TemporaryStay.objects.none()
    stays = TemporaryStay.objects.filter(
        host_area_id=user.area_id,
        ends_on__gte=timezone.localdate(),
        case__closed_on__isnull=True,
    ).exclude(case__nominal__area_id=user.area_id)
    if not user.terrorism_clearance:
        stays = stays.exclude(case__category__in=rules.NEEDS_CLEARANCE)
    return stays.select_related("case__nominal", "home_area", "recorded_by__agency")


def get_stay(user, stay_id: UUID) -> TemporaryStay:
    """A stay the user may see: of a case in their scope, or hosted by their area (until its
    last day, `hosted_stays`); else 404."""
    seen = Q(case__in=cases_visible_to(user)) | Q(id__in=hosted_stays(user).values("id"))
    stay = (
        TemporaryStay.objects.filter(seen, id=stay_id)
        .select_related(
            "case__nominal__area",
            "case__responsible_officer__agency",
            "home_area",
            "host_area",
            "recorded_by__agency",
            "ended_early_by",
        )
        .first()
    )
    if stay is None:
        raise Http404("No such stay")
    return stay


def get_stay_to_change(user, stay_id: UUID) -> TemporaryStay:
    """A stay the user's area recorded, of a case it may change (`changing`), to change or end
    early; else 404 (the host area, or an area that only reads the case, changes nothing)."""
    stay = (
        TemporaryStay.objects.filter(
            id=stay_id,
            home_area_id=user.area_id,
            case__in=cases_visible_to(user, changing=True),
        )
        .select_related("case__nominal__area", "home_area", "host_area")
        .first()
    )
    if stay is None:
        raise Http404("No such stay")
    return stay


def transfer_sharing(nominal, area_id) -> Transfer | None:
    """The transfer that shares the person's open case with the area without the area managing
    it alone: one waiting (requested or queried) that the area sends or receives, or one the
    area sent that was accepted, the case now managed elsewhere. None if there is none."""
    waiting = Q(status__in=rules.IN_HAND_OVER) & (Q(from_area_id=area_id) | Q(to_area_id=area_id))
    sent = Q(status=rules.ACCEPTED, from_area_id=area_id) & ~Q(case__nominal__area_id=area_id)
    return (
        Transfer.objects.filter(waiting | sent, case__nominal=nominal, case__closed_on__isnull=True)
        .select_related("case__nominal", "from_area", "to_area")
        .order_by("-requested_at")
        .first()
    )

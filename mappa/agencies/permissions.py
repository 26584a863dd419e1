"""The fixed vocabulary of permissions, which roles hold them, and how routes declare them.

Every HTML route is wrapped in `requires(...)` (or is a view class with a
`permission` attribute) and every API view sets `permission`; a structural
test walks the URL resolver and fails on any route that declares none.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from rest_framework.permissions import BasePermission

from mappa.agencies.constants import Role


class UnknownPermission(LookupError):
    pass


# Route-level markers that are not held by roles.
PUBLIC = "public"  # anyone, signed in or not (sign-in page, public pages, API schema)
SIGNING_IN = "signing_in"  # password accepted, second factor still to come
SIGNED_IN = "signed_in"  # any fully signed-in staff user (dashboard, own API tokens)

# Permissions held through roles.
VIEW_CASES = "view_cases"  # cases in scope: the area's for RA roles, granted ones for others
VIEW_AREA_CASES = "view_area_cases"  # every case in the user's area
EDIT_REGISTER = "edit_register"  # add and change nominals
GRANT_CASE_ACCESS = "grant_case_access"
BREAK_GLASS = "break_glass"
VIEW_AUDIT_LOG = "view_audit_log"
VIEW_AGGREGATES = "view_aggregates"
MANAGE_REFERENCE_DATA = "manage_reference_data"
MAKE_REFERRAL = "make_referral"  # refer a person to level 2 or 3 (MAPPA A)
SCREEN_REFERRALS = "screen_referrals"  # screen and threshold referrals in the area
MANAGE_CASES = "manage_cases"  # level 1 reviews, level decisions and closure of cases in scope
MANAGE_MEETINGS = "manage_meetings"  # meeting series, agendas and invitations in the area
CHAIR_MEETINGS = "chair_meetings"  # record attendance, minutes and decisions; approve minutes
RECORD_RISK = "record_risk"  # RoSH assessments, risk management plans and licence conditions
PUBLISH_CASE_LIST = "publish_case_list"  # publish the weekly MAPPA case list to the MASH
MASH_CHECKS = "mash_checks"  # open the case list and MASH records (named persons only)
DECIDE_DISCLOSURES = "decide_disclosures"  # disclosure decisions and scheme applications
COMPLETE_DASH = "complete_dash"  # complete a DASH risk checklist and refer to MARAC
MANAGE_MARAC = "manage_marac"  # the MARAC queue, meetings, agendas and research requests
TAKE_PART_IN_MARAC = "take_part_in_marac"  # answer research requests for MARAC cases one is in
OVERSEE = "oversee"  # Strategic Management Board work: audits and serious case reviews
# See and answer information requests addressed to oneself or one's agency (information_requests)
ANSWER_INFORMATION_REQUESTS = "answer_information_requests"

MARKERS = frozenset({PUBLIC, SIGNING_IN, SIGNED_IN})

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.COORDINATOR: frozenset(
        {
            VIEW_CASES,
            VIEW_AREA_CASES,
            EDIT_REGISTER,
            GRANT_CASE_ACCESS,
            VIEW_AUDIT_LOG,
            VIEW_AGGREGATES,
            MAKE_REFERRAL,
            SCREEN_REFERRALS,
            MANAGE_CASES,
            MANAGE_MEETINGS,
            CHAIR_MEETINGS,
            RECORD_RISK,
            PUBLISH_CASE_LIST,
            OVERSEE,
        }
    ),
    Role.CHAIR: frozenset(
        {VIEW_CASES, VIEW_AREA_CASES, VIEW_AGGREGATES, MAKE_REFERRAL, CHAIR_MEETINGS, RECORD_RISK}
    ),
    Role.RA_PRACTITIONER: frozenset(
        {
            VIEW_CASES,
            VIEW_AREA_CASES,
            EDIT_REGISTER,
            BREAK_GLASS,
            MAKE_REFERRAL,
            MANAGE_CASES,
            RECORD_RISK,
            COMPLETE_DASH,
            TAKE_PART_IN_MARAC,
        }
    ),
    # Any responsible-authority or duty-to-co-operate user may refer (MAPPA Guidance, MAPPA A).
    Role.DTC_PRACTITIONER: frozenset(
        {VIEW_CASES, MAKE_REFERRAL, COMPLETE_DASH, TAKE_PART_IN_MARAC}
    ),
    Role.MASH_NAMED_PERSON: frozenset({MAKE_REFERRAL, MASH_CHECKS, TAKE_PART_IN_MARAC}),
    Role.MARAC_COORDINATOR: frozenset(
        {MAKE_REFERRAL, COMPLETE_DASH, MANAGE_MARAC, TAKE_PART_IN_MARAC}
    ),
    Role.DISCLOSURE_OFFICER: frozenset(
        {VIEW_CASES, VIEW_AREA_CASES, BREAK_GLASS, MAKE_REFERRAL, DECIDE_DISCLOSURES}
    ),
    Role.SMB_MEMBER: frozenset({VIEW_AUDIT_LOG, VIEW_AGGREGATES, OVERSEE}),
    Role.LAY_ADVISER: frozenset({VIEW_AGGREGATES}),
    Role.SYSADMIN: frozenset({MANAGE_REFERENCE_DATA}),
}

# Whoever works with cases for an agency answers the information requests addressed to it or to
# them (MAPPA Guidance ch.9; CJA 2003 s.325(4)): never the board, lay advisers or sysadmin.
for _role in (
    Role.COORDINATOR,
    Role.CHAIR,
    Role.RA_PRACTITIONER,
    Role.DTC_PRACTITIONER,
    Role.MASH_NAMED_PERSON,
    Role.MARAC_COORDINATOR,
    Role.DISCLOSURE_OFFICER,
):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {ANSWER_INFORMATION_REQUESTS}
del _role

VOCABULARY = MARKERS | frozenset().union(*ROLE_PERMISSIONS.values())

# Routes that show no case content. To a user who sees aggregates only (lay advisers, SMB
# members: CJA 2003 s.326, MAPPA Guidance ch.5), every other route answers 404 exactly as a
# missing page does, so that case content does not exist for them.
NOT_CASE_CONTENT = MARKERS | {VIEW_AGGREGATES, OVERSEE, VIEW_AUDIT_LOG, MANAGE_REFERENCE_DATA}


def validate(name: str) -> str:
    if name not in VOCABULARY:
        raise UnknownPermission(
            f"{name!r} is not a mappa permission; known: {', '.join(sorted(VOCABULARY))}"
        )
    return name


def second_factor_satisfied(user) -> bool:
    """Staff need a verified second factor; demo personas are excused only in demo mode."""
    if getattr(user, "is_verified", lambda: False)():
        return True
    return bool(settings.MAPPA_DEMO and getattr(user, "is_demo", False))


def role_has(user, name: str) -> bool:
    """Whether the user's role holds a permission, whatever the state of their session.

    Scoped queries use this; routes use `has_permission`, which also needs a
    signed-in session that has passed the second factor.
    """
    validate(name)
    return bool(user.is_active) and name in ROLE_PERMISSIONS.get(
        getattr(user, "role", None), frozenset()
    )


def has_permission(user, name: str) -> bool:
    """Whether user holds permission `name` (a role permission or a marker)."""
    validate(name)
    if name == PUBLIC:
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if name == SIGNING_IN:
        return True
    if not second_factor_satisfied(user):
        return False
    if name == SIGNED_IN:
        return True
    return role_has(user, name)


def aggregates_only(user) -> bool:
    return role_has(user, VIEW_AGGREGATES) and not role_has(user, VIEW_CASES)


def deny(request, name: str) -> None:
    """Record the denial and refuse: 403, or 404 for case content to aggregates-only users."""
    from mappa.agencies import services

    services.record_permission_denied(actor=request.user, permission=name, path=request.path)
    if name not in NOT_CASE_CONTENT and aggregates_only(request.user):
        raise Http404("No such page")
    raise PermissionDenied(f"this page needs the {name} permission")


def declared_permission(view_func, method: str) -> str | None:
    """The permission a route declares for a method (an HTML view, or an API view class)."""
    for holder in (
        view_func,
        getattr(view_func, "view_class", None),
        getattr(view_func, "cls", None),
    ):
        by_method = getattr(holder, "permissions_by_method", {}) or {}
        name = by_method.get(method, getattr(holder, "permission", None))
        if isinstance(name, str):
            return name
    return None


def requires(name: str) -> Callable:
    """Declare the permission an HTML view needs; enforce it on every request."""
    validate(name)

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if name != PUBLIC:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                if name != SIGNING_IN and not second_factor_satisfied(request.user):
                    return redirect("second-factor")
                if not has_permission(request.user, name):
                    deny(request, name)
            return view(request, *args, **kwargs)

        guarded.permission = name
        return guarded

    return decorate


class HasDeclaredPermission(BasePermission):
    """API counterpart of `requires`: reads the view's `permission` attribute.

    A view may name a different permission for a method in `permissions_by_method`,
    e.g. `{"POST": EDIT_REGISTER}`.
    """

    def has_permission(self, request, view) -> bool:
        if not hasattr(view, request.method.lower()):
            return True  # a method the view does not have: dispatch answers 405
        name = getattr(view, "permissions_by_method", {}).get(
            request.method, getattr(view, "permission", None)
        )
        if name is None:
            return False
        validate(name)
        if name == PUBLIC:
            return True
        if not request.user.is_authenticated:
            return False
        if has_permission(request.user, name):
            return True
        deny(request, name)
        return False

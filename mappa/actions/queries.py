"""Actions, scoped to the acting user: those on cases they may see, and those they own."""

from __future__ import annotations

from uuid import UUID

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404

from mappa.actions.models import Action
from mappa.actions.rules import action_status
from mappa.agencies import permissions
from mappa.cases.queries import cases_visible_to


def actions_visible_to(user) -> QuerySet[Action]:
    if not permissions.role_has(user, permissions.VIEW_CASES):
        return Action.objects.none()
    return Action.objects.filter(case__in=cases_visible_to(user))


def owned_by_agency(user) -> QuerySet[Action]:
    """The actions the user's agency owns (and may see), soonest due first."""
    if user.agency_id is None:
        return Action.objects.none()
    return actions_visible_to(user).filter(owner_agency_id=user.agency_id)


def get_action(user, action_id: UUID) -> Action:
    action = (
        actions_visible_to(user)
        .select_related("case__nominal", "owner_agency", "owner_user", "created_by")
        .prefetch_related("updates__written_by")
        .filter(id=action_id)
        .first()
    )
    if action is None:
        raise Http404("No such action")
    return action


def may_update(user, action: Action) -> bool:
    """The owning agency's staff, and the co-ordinator, write updates on an action."""
    return user.agency_id == action.owner_agency_id or permissions.role_has(
        user, permissions.MANAGE_MEETINGS
    )


def for_area(user) -> QuerySet[Action]:
    """Every action on the area's cases, for the co-ordinator's actions dashboard."""
    return actions_visible_to(user).filter(Q(case__nominal__area_id=user.area_id))


def case_actions(case, today) -> list[tuple[Action, str]]:
    """A case's actions (for a reader who may see the case) with their red/amber/green status."""
    return [
        (action, status_of(action, today))
        for action in case.actions.select_related("owner_agency", "owner_user")
    ]


def status_of(action: Action, today) -> str:
    return action_status(
        status=action.status,
        due_on=action.due_on,
        today=today,
        due_soon_days=settings.MAPPA_ACTION_DUE_SOON_DAYS,
    )

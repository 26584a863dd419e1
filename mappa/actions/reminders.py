"""The weekly overdue-action reminder: one e-mail per person, a count and a link only.

An open action past its due date is counted for its named owner (or, when none is named,
every active member of the owning agency) and for every active co-ordinator of the case's
area. The e-mail names no case, person, agency or action.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.template.loader import render_to_string

from mappa.actions.constants import Status
from mappa.actions.models import Action
from mappa.agencies.models import User
from mappa.audit.events import EventType
from mappa.cases import rules as case_rules
from mappa.cases import services as case_services
from mappa.cases.reminders import coordinators_by_area
from mappa.kit import links

SUBJECT = "MAPPA actions overdue"


def overdue_counts(today: date) -> tuple[dict[User, int], int]:
    overdue = list(
        Action.objects.filter(
            status=Status.OPEN, due_on__lt=today, case__closed_on__isnull=True
        ).values("owner_user_id", "owner_agency_id", "case__nominal__area_id", "case__category")
    )
    active = User.objects.filter(is_active=True)
    by_agency: dict = {}
    for user in active.filter(agency_id__in={a["owner_agency_id"] for a in overdue}):
        by_agency.setdefault(user.agency_id, []).append(user)
    coordinators = coordinators_by_area({a["case__nominal__area_id"] for a in overdue})
    owners = active.in_bulk({a["owner_user_id"] for a in overdue} - {None})
    counts: Counter[User] = Counter()
    for action in overdue:
        named = owners.get(action["owner_user_id"])
        recipients = {named} if named else set(by_agency.get(action["owner_agency_id"], []))
        recipients |= {
            user
            for user in coordinators.get(action["case__nominal__area_id"], [])
            if case_rules.may_see_category(
                action["case__category"], cleared=user.terrorism_clearance
            )
        }
        counts.update(recipients)
    return {user: n for user, n in counts.items() if user.email}, len(overdue)


def send_overdue_action_reminders(*, actor=None, today: date) -> dict[str, int]:
    links.require_site("send reminder e-mails")
    link = links.page("actions")
    counts, items = overdue_counts(today)

    def body(user: User, count: int) -> str:
        return render_to_string("actions/email/overdue_actions.txt", {"count": count, "link": link})

    return case_services.send_reminders(
        actor=actor,
        event_type=EventType.ACTION_REMINDERS_SENT,
        counts=counts,
        items=items,
        subject=SUBJECT,
        body=body,
    )

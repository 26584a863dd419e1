"""Reads of disclosure decisions and scheme applications, scoped to the acting user.

Decisions: whoever may see the person (the disclosure team sees its area's register).
Applications hold the applicant's details, so only the area's disclosure team sees them.
Out of scope is a 404, exactly like a missing record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.disclosures import rules
from mappa.disclosures.constants import Decision, Stage
from mappa.disclosures.models import DisclosureDecision, SchemeApplication
from mappa.disclosures.services import decisions as decision_services
from mappa.people.queries import nominals_visible_to


def decisions_visible_to(user) -> QuerySet[DisclosureDecision]:
    return DisclosureDecision.objects.filter(nominal__in=nominals_visible_to(user))


def get_decision(user, decision_id: UUID) -> DisclosureDecision:
    found = (
        decisions_visible_to(user)
        .select_related(
            "nominal__area", "case", "application", "decided_by", "disclosure_officer", "chair"
        )
        .filter(id=decision_id)
        .first()
    )
    if found is None:
        raise Http404("No such disclosure decision")
    return found


def on_record() -> dict[str, Exists]:
    """An annotation for a person's own query: whether any disclosure decision is about them.
    Most people have none; `history` then looks for nothing."""
    return {
        "has_disclosure_decisions": Exists(
            DisclosureDecision.objects.filter(nominal=OuterRef("pk"))
        )
    }


def history(nominal) -> list[tuple[DisclosureDecision, str]]:
    """A person's disclosure decisions, newest first, each with its status. The caller has
    already found the person in the reader's scope."""
    if not getattr(nominal, "has_disclosure_decisions", True):
        return []
    decisions = nominal.disclosure_decisions.select_related(
        "made", "decided_by", "application"
    ).order_by("-decided_on", "-recorded_at")
    return [(decision, decision_services.status_of(decision)) for decision in decisions]


def applications_visible_to(user) -> QuerySet[SchemeApplication]:
    if not permissions.role_has(user, permissions.DECIDE_DISCLOSURES) or not user.area_id:
        return SchemeApplication.objects.none()
    return SchemeApplication.objects.filter(area_id=user.area_id)


def get_application(user, application_id: UUID) -> SchemeApplication:
    found = (
        applications_visible_to(user)
        .select_related("area", "recorded_by")
        .prefetch_related("steps__recorded_by", "links__nominal", "links__linked_by")
        .filter(id=application_id)
        .first()
    )
    if found is None:
        raise Http404("No such application")
    return found


def rag_of(application: SchemeApplication, today: date) -> str:
    if application.stage == Stage.CLOSED:
        return ""
    return rules.rag(
        due=application.due_on, today=today, amber_days=settings.MAPPA_DISCLOSURE_AMBER_DAYS
    )


@dataclass(frozen=True)
class QueueRow:
    application: SchemeApplication
    rag: str
    days_left: int


def open_queue(user, today: date, scheme: str = "") -> list[QueueRow]:
    """Open applications, the nearest target date first, each with its red/amber/green."""
    applications = applications_visible_to(user).exclude(stage=Stage.CLOSED)
    if scheme:
        applications = applications.filter(scheme=scheme)
    return [
        QueueRow(app, rag_of(app, today), (app.due_on - today).days)
        for app in applications.order_by("due_on", "received_at")
    ]


def decisions_waiting(user) -> list[tuple[DisclosureDecision, str]]:
    """Decisions to disclose in the user's area still waiting for agreement or to be made."""
    if not permissions.role_has(user, permissions.DECIDE_DISCLOSURES):
        return []
    decisions = (
        decisions_visible_to(user)
        .filter(decision=Decision.DISCLOSE, made__isnull=True)
        .select_related("nominal", "made")
        .order_by("disclose_by")
    )
    return [(decision, decision_services.status_of(decision)) for decision in decisions]

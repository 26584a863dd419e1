"""Every change to MAPPA cases."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason
from mappa.agencies.models import Agency, User
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import queries, rules
from mappa.cases import registrations as nd
from mappa.cases.constants import ClosureReason, DecisionSource, LeadAgency, ReviewDecision
from mappa.cases.models import LevelChange, MappaCase, Review


def open_case(
    *,
    actor,
    nominal,
    category: int | None,
    level: int,
    lead_agency: LeadAgency,
    source: DecisionSource,
    rationale: str,
    decided_on: date,
    responsible_officer=None,
) -> MappaCase:
    """Start a person's MAPPA case at a level; the lead agency's practitioners are granted access.

    `nominal` is the person's `people.Nominal` (this app sits below `people`: docs/architecture.md).
    """
    if MappaCase.objects.filter(nominal=nominal, closed_on__isnull=True).exists():
        raise ValidationError("This person already has an open MAPPA case")
    if not rules.level_allowed_for_category(category=category, level=level):
        raise ValidationError(
            {"level": "A category 3 case cannot be managed at level 1: it needs level 2 or 3"}
        )
    with transaction.atomic():
        case = MappaCase.objects.create(
            nominal=nominal,
            category=category,
            level=None,
            lead_agency=lead_agency,
            responsible_officer=responsible_officer,
            start_date=decided_on,
        )
        audit.record(
            actor=actor,
            event_type=EventType.CASE_OPENED,
            subject=case.id,
            payload={"category": category, "level": level, "source": str(source)},
        )
        for agency in Agency.objects.filter(area_id=nominal.area_id, kind=lead_agency):
            access.grant_case_access(
                actor=actor, case=case.id, reason=AccessReason.LEAD_AGENCY, grantee_agency=agency
            )
        change_level(
            actor=actor,
            case=case,
            level=level,
            source=source,
            rationale=rationale,
            decided_on=decided_on,
        )
    return case


def change_level(
    *,
    actor,
    case: MappaCase,
    level: int,
    source: DecisionSource,
    rationale: str,
    decided_on: date,
    next_review_due: date | None = None,
) -> MappaCase:
    """Set the case's level, with who decided it, where, why and when; the review clock restarts.

    The next review is due at the level's longest interval from the decision, or on the earlier
    date a meeting set (`next_review_due`), which may not be later than that.
    """
    if case.closed_on is not None:
        raise ValidationError("This case is closed")
    if case.is_pdp:  # no MAPPA level until it moves into MAPPA (services.pdp.move_into_mappa)
        raise ValidationError(
            {"level": "A potentially dangerous person has no MAPPA level: move them into MAPPA"}
        )
    if not rules.level_allowed_for_category(category=case.category, level=level):
        raise ValidationError(
            {"level": "A category 3 case cannot be managed at level 1: close it instead"}
        )
    if not rationale.strip():
        raise ValidationError({"rationale": "Give the reason for the level decision"})
    latest = rules.next_review_due(
        level=level, last_review=decided_on, interval_weeks=settings.MAPPA_REVIEW_INTERVAL_WEEKS
    )
    if next_review_due is not None and not decided_on < next_review_due <= latest:
        raise ValidationError(
            {"next_review_due": f"The next review must be after {decided_on} and by {latest}"}
        )
    with transaction.atomic():
        previous = case.level
        LevelChange.objects.create(
            case=case,
            level=level,
            effective_from=decided_on,
            decided_by=actor,
            source=source,
            rationale=rationale,
        )
        case.level = level
        case.next_review_due = next_review_due or latest
        case.save(update_fields=["level", "next_review_due"])
        audit.record(
            actor=actor,
            event_type=EventType.CASE_LEVEL_CHANGED,
            subject=case.id,
            payload={"from_level": previous, "to_level": level, "source": str(source)},
        )
    return case


def close_case(
    *, actor, case: MappaCase, reason: ClosureReason, explanation: str, closed_on: date
) -> MappaCase:
    """Deregister: the case leaves MAPPA on a date, for a recorded reason."""
    if case.closed_on is not None:
        raise ValidationError("This case is already closed")
    if reason == ClosureReason.OTHER and not explanation.strip():
        raise ValidationError({"explanation": "Explain why the case is closing"})
    with transaction.atomic():
        case.closed_on, case.closure_reason, case.closure_explanation = (
            closed_on,
            reason,
            explanation,
        )
        case.save(update_fields=["closed_on", "closure_reason", "closure_explanation"])
        audit.record(
            actor=actor,
            event_type=EventType.CASE_CLOSED,
            subject=case.id,
            payload={"reason": str(reason)},
        )
    return case


def _refuse_unless_open_and_dated(case: MappaCase, day: date, field: str, what: str) -> None:
    """Only an open case changes, on a date neither in the future nor before its last decision."""
    if case.closed_on is not None:
        raise ValidationError("This case is closed")
    if day > timezone.localdate():
        raise ValidationError({field: f"The date of the {what} must be today or in the past"})
    earlier = [case.start_date, *(c.effective_from for c in case.level_history.all())]
    latest = max(filter(None, earlier), default=None)
    if latest and day < latest:
        raise ValidationError(
            {
                field: f"The date of the {what} must be on or after {latest:%-d/%-m/%Y}, "
                "the case's last decision"
            }
        )


def record_decision(
    *,
    actor,
    case: MappaCase,
    version: int,
    category: int | None,
    level: int,
    source: DecisionSource,
    rationale: str,
    decided_on: date,
) -> MappaCase:
    """A category and level decision made between meetings' records, from the case page or API.

    The level history gets the decision (the level changed or confirmed), with who decided,
    where, when and why, and the review clock restarts (`change_level`). A change of category
    is audited on its own. The person record's version is claimed (decision 0011): the case is
    part of it, so a stale page or a PUT from an old ETag cannot undo the decision.
    """
    _refuse_unless_open_and_dated(case, decided_on, "decided_on", "decision")
    if category == case.category and level == case.level:
        raise ValidationError({"level": "Change the category or the level, or go back to the case"})
    if not rules.may_see_category(category, cleared=actor.terrorism_clearance):
        raise ValidationError(
            {"category": "Only a user with terrorism clearance may set category 4"}
        )
    officer = case.responsible_officer
    if (
        category != case.category
        and officer
        and not rules.may_see_category(category, cleared=officer.terrorism_clearance)
    ):
        raise ValidationError(
            {
                "category": f"{officer.display_name} has no terrorism clearance: name an officer "
                "who has, then set category 4"
            }
        )
    if not rules.level_allowed_for_category(category=category, level=level):
        raise ValidationError(
            {
                "level": "A category 3 case cannot be managed at level 1: choose level 2 or 3, "
                "or close the case"
            }
        )
    if not rationale.strip():
        raise ValidationError({"rationale": "Give the reason for the decision"})
    with transaction.atomic():
        versions.claim(case.nominal, version=version, actor=actor)
        if category != case.category:
            previous, case.category = case.category, category
            case.save(update_fields=["category"])
            audit.record(
                actor=actor,
                event_type=EventType.CASE_CATEGORY_CHANGED,
                subject=case.id,
                payload={"from_category": previous, "to_category": category},
            )
        change_level(
            actor=actor,
            case=case,
            level=level,
            source=source,
            rationale=rationale,
            decided_on=decided_on,
        )
    return case


def name_responsible_officer(*, actor, case: MappaCase, version: int, officer: User) -> MappaCase:
    """Name (or change) the lead agency's practitioner responsible for the case."""
    if case.closed_on is not None:
        raise ValidationError("This case is closed")
    if not queries.officers_for(case).filter(pk=officer.pk).exists():
        raise ValidationError(
            {"officer": "Choose a practitioner of the lead agency in the case's area"}
        )
    if officer == case.responsible_officer:
        raise ValidationError({"officer": f"{officer.display_name} is already named"})
    with transaction.atomic():
        versions.claim(case.nominal, version=version, actor=actor)
        previous, case.responsible_officer = case.responsible_officer, officer
        case.save(update_fields=["responsible_officer"])
        audit.record(
            actor=actor,
            event_type=EventType.CASE_OFFICER_NAMED,
            subject=case.id,
            payload={
                "from_officer": str(previous.uuid) if previous else None,
                "to_officer": str(officer.uuid),
            },
        )
    return case


def deregister(
    *,
    actor,
    case: MappaCase,
    version: int,
    reason: ClosureReason,
    explanation: str,
    closed_on: date,
) -> MappaCase:
    """Close the case from the case page or API: `close_case`, claiming the person record."""
    _refuse_unless_open_and_dated(case, closed_on, "closed_on", "closure")
    with transaction.atomic():
        versions.claim(case.nominal, version=version, actor=actor)
        return close_case(
            actor=actor, case=case, reason=reason, explanation=explanation, closed_on=closed_on
        )


def record_level_1_review(
    *,
    actor,
    case: MappaCase,
    held_on: date,
    what_was_reviewed: str,
    risk_change: str,
    plan_change: str,
    decision: ReviewDecision,
    rationale: str,
    closure_reason: ClosureReason | None = None,
) -> Review:
    """Record a level 1 review; staying at level 1 sets the next review from the level 1 interval.

    A decision to close also closes the case, with its reason; a decision to refer up is
    recorded for the referral that follows.
    """
    problems = {}
    if case.level != 1 or case.closed_on is not None:
        problems["case"] = "Only an open case at level 1 has level 1 reviews"
    if not what_was_reviewed.strip():
        problems["what_was_reviewed"] = "Say what was reviewed"
    if not rationale.strip():
        problems["rationale"] = "Give the reason for the decision"
    if decision == ReviewDecision.CLOSE and closure_reason is None:
        problems["closure_reason"] = "Choose why the case is closing"
    if held_on > timezone.localdate():
        problems["held_on"] = "The review date must be today or in the past"
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        review = Review.objects.create(
            case=case,
            held_on=held_on,
            due_on=case.next_review_due,
            reviewed_by=actor,
            what_was_reviewed=what_was_reviewed,
            risk_changed=bool(risk_change.strip()),
            risk_change=risk_change,
            plan_changed=bool(plan_change.strip()),
            plan_change=plan_change,
            decision=decision,
            rationale=rationale,
        )
        audit.record(
            actor=actor,
            event_type=EventType.CASE_REVIEWED,
            subject=case.id,
            payload={"review": str(review.id), "decision": str(decision)},
        )
        if decision == ReviewDecision.CLOSE:
            close_case(
                actor=actor,
                case=case,
                reason=closure_reason,
                explanation=rationale,
                closed_on=held_on,
            )
        else:
            case.next_review_due = rules.next_review_due(
                level=1, last_review=held_on, interval_weeks=settings.MAPPA_REVIEW_INTERVAL_WEEKS
            )
            case.save(update_fields=["next_review_due"])
    return review


def export_registrations(*, actor, area) -> tuple[str, int]:
    """An area's open cases as nDelius-coded CSV, and how many; the export is audited."""
    cases = MappaCase.objects.filter(
        nominal__area=area, closed_on__isnull=True, nominal__crn__isnull=False
    )
    rows = [
        nd.Registration(
            case.nominal.crn, case.category, case.level, case.start_date, case.next_review_due
        )
        for case in cases.select_related("nominal").order_by("nominal__crn")
    ]
    audit.record(
        actor=actor,
        event_type=EventType.REGISTRATIONS_EXPORTED,
        payload={"area": area.code, "count": len(rows)},
        area=area,
    )
    return nd.write(rows), len(rows)


def send_reminders(*, actor, event_type, counts: dict[User, int], items: int, subject: str, body):
    """Record a reminder run, then (once committed) e-mail each recipient `body(user, count)`.

    Shared by every weekly reminder: the audit event says how many people and items, never who.
    """
    with transaction.atomic():
        audit.record(
            actor=actor, event_type=event_type, payload={"recipients": len(counts), "items": items}
        )
        transaction.on_commit(partial(_send_all, counts, subject, body))
    return {"recipients": len(counts), "items": items}


def _send_all(counts: dict[User, int], subject: str, body) -> None:
    with get_connection() as connection:
        for user, count in sorted(counts.items(), key=lambda pair: pair[0].username):
            send_mail(
                subject,
                body(user, count),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
                connection=connection,
            )

"""Every change to a MARAC case outside its meetings: the agencies taking part, the IDVA, the
victim's safety plan, and actions with owners and due dates."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.actions import rules as action_rules
from mappa.agencies import permissions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.marac.constants import ActionStatus, ParticipantReason
from mappa.marac.models import MaracAction, MaracCase, Participant, SafetyPlan


def add_participant(*, actor, case: MaracCase, agency, reason: str) -> Participant:
    """The agency takes part in the case (its MARAC staff may now see the victim's record)."""
    if agency.area_id != case.area_id:
        raise ValidationError("Only the case's area's agencies can take part in it")
    with transaction.atomic():
        participant, created = Participant.objects.get_or_create(
            case=case,
            agency=agency,
            defaults={"reason": reason, "added_by": actor, "added_at": timezone.now()},
        )
        if created:
            audit.record(
                actor=actor,
                event_type=EventType.MARAC_PARTICIPANT_ADDED,
                subject=case.id,
                payload={"case": str(case.id), "agency": str(agency.id), "reason": str(reason)},
            )
    return participant


def record_idva(
    *,
    actor,
    case: MaracCase,
    version: int | None,
    name: str,
    organisation: str,
    contact: str,
    allocated_on: date,
) -> MaracCase:
    """The Independent Domestic Violence Adviser who represents the victim (domain.md §7.3).

    `version` is the case's version the editor started from (`versions.StaleEdit` if changed).
    """
    if not name.strip():
        raise ValidationError({"name": "Enter the IDVA's name"})
    with transaction.atomic():
        versions.claim(case, version=version, actor=actor)
        case.idva_name, case.idva_organisation = name.strip(), organisation.strip()
        case.idva_contact, case.idva_allocated_on = contact.strip(), allocated_on
        case.save(
            update_fields=["idva_name", "idva_organisation", "idva_contact", "idva_allocated_on"]
        )
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_IDVA_RECORDED,
            subject=case.id,
            payload={"case": str(case.id)},
        )
    return case


def save_safety_plan(
    *, actor, case: MaracCase, based_on: int | None, measures: str, agreed_on: date
) -> SafetyPlan:
    """A new version of the victim's safety plan; earlier versions are kept.

    `based_on` is the version the editor started from (None for the first plan): a version
    saved since is not silently replaced (`versions.StaleEdit`, naming who saved it).
    """
    if not measures.strip():
        raise ValidationError({"measures": "Enter the safety measures agreed"})
    with transaction.atomic():
        MaracCase.objects.select_for_update().filter(id=case.id).first()  # one saver at a time
        latest = case.safety_plans.select_related("written_by__agency").first()
        if (latest.version if latest else None) != based_on:
            if latest is None:
                raise ValidationError("This page is out of date: open it again")
            raise versions.StaleEdit(latest)
        plan = SafetyPlan.objects.create(
            case=case,
            version=(latest.version if latest else 0) + 1,
            measures=measures.strip(),
            agreed_on=agreed_on,
            written_by=actor,
            written_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_SAFETY_PLAN_SAVED,
            subject=case.id,
            payload={"case": str(case.id), "plan": str(plan.id), "version": plan.version},
        )
    return plan


def add_action(
    *,
    actor,
    case: MaracCase,
    description: str,
    owner_agency,
    due_on: date,
    owner_name: str = "",
    agenda_item=None,
) -> MaracAction:
    """An action agreed for the victim's safety, owned by an agency (which joins the case)."""
    problem = action_rules.due_date_problem(due_on=due_on, today=timezone.localdate())
    if problem:
        raise ValidationError({"due_on": problem})
    with transaction.atomic():
        action = MaracAction.objects.create(
            case=case,
            agenda_item=agenda_item,
            description=description.strip(),
            owner_agency=owner_agency,
            owner_name=owner_name.strip(),
            due_on=due_on,
            created_by=actor,
            created_at=timezone.now(),
        )
        add_participant(
            actor=actor, case=case, agency=owner_agency, reason=ParticipantReason.ACTION_OWNER
        )
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_ACTION_CREATED,
            subject=case.id,
            payload={
                "case": str(case.id),
                "action": str(action.id),
                "owner_agency": str(owner_agency.id),
                "due_on": due_on.isoformat(),
            },
        )
    return action


def may_update_action(user, action: MaracAction) -> bool:
    """The owning agency's staff, and the MARAC co-ordinator, update an action."""
    return user.agency_id == action.owner_agency_id or permissions.role_has(
        user, permissions.MANAGE_MARAC
    )


def update_action(
    *, actor, action: MaracAction, version: int | None, status: str, update: str = ""
) -> MaracAction:
    """The action's status and latest update; `version` is the one its editor started from
    (`versions.StaleEdit` if someone has updated it since)."""
    if not may_update_action(actor, action):
        raise ValidationError("Only the owning agency or the MARAC co-ordinator can update this")
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Choose the action's status"})
    with transaction.atomic():
        versions.claim(action, version=version, actor=actor)
        action.status = status
        action.update = update.strip() or action.update
        action.closed_on = None if status == ActionStatus.OPEN else timezone.localdate()
        action.save(update_fields=["status", "update", "closed_on"])
        audit.record(
            actor=actor,
            event_type=EventType.MARAC_ACTION_UPDATED,
            subject=action.case_id,
            payload={"case": str(action.case_id), "action": str(action.id), "status": status},
        )
    return action

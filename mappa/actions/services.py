"""Every change to actions: agreeing one, and writing updates that may complete or cancel it."""

from __future__ import annotations

from datetime import date
from functools import partial
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.utils import timezone

from mappa.actions import rules
from mappa.actions.constants import Status
from mappa.actions.models import Action, ActionUpdate
from mappa.agencies import rules as agency_rules
from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason
from mappa.agencies.models import User
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.kit import links


def create_action(
    *,
    actor,
    case,
    description: str,
    owner_agency,
    due_on: date,
    owner_user=None,
    source: UUID | None = None,
) -> Action:
    """Agree an action on a case. A duty-to-co-operate owner is granted access to the case:
    the named owner (or the agency if no one is named), until the action is completed or
    cancelled, or `MAPPA_ACTION_ACCESS_DAYS` after its due date (MAPPA Guidance ch.9)."""
    problems = {}
    if not description.strip():
        problems["description"] = "Say what is to be done"
    if case.closed_on is not None:
        problems["case"] = "This case is closed"
    if owner_agency.area_id != case.nominal.area_id:
        problems["owner_agency"] = "The owning agency must be in the case's area"
    if owner_user is not None and owner_user.agency_id != owner_agency.id:
        problems["owner_user"] = "The named owner must work for the owning agency"
    if (problem := rules.due_date_problem(due_on=due_on, today=timezone.localdate())) is not None:
        problems["due_on"] = problem
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        grant = None
        if agency_rules.is_duty_to_cooperate(owner_agency.kind):
            grant = _grant_owner_access(actor, case, owner_agency, owner_user, due_on)
        action = Action.objects.create(
            case=case,
            description=description,
            owner_agency=owner_agency,
            owner_user=owner_user,
            due_on=due_on,
            source=source,
            access_grant=grant,
            created_by=actor,
            created_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.ACTION_CREATED,
            subject=case.id,
            payload={
                "action": str(action.id),
                "owner_agency": str(owner_agency.id),
                "due_on": due_on.isoformat(),
            },
        )
    return action


def _grant_owner_access(actor, case, owner_agency, owner_user, due_on: date):
    kind = rules.access_goes_to(owner_named=owner_user is not None)
    return access.grant_case_access(
        actor=actor,
        case=case.id,
        reason=AccessReason.ACTION_OWNER,
        grantee_user=owner_user if kind == "user" else None,
        grantee_agency=owner_agency if kind == "agency" else None,
        expires_at=rules.access_expires_at(
            due_on=due_on,
            days=settings.MAPPA_ACTION_ACCESS_DAYS,
            tz=timezone.get_current_timezone(),
        ),
    )


def update_action(
    *, actor, action: Action, text: str, status: Status = Status.OPEN
) -> ActionUpdate:
    """Write a dated update; completing or cancelling closes the action and ends the grant."""
    if action.status != Status.OPEN:
        raise ValidationError("This action is closed")
    if not text.strip():
        raise ValidationError({"text": "Write the update"})
    today = timezone.localdate()
    with transaction.atomic():
        update = ActionUpdate.objects.create(
            action=action,
            written_on=today,
            text=text,
            status=status,
            written_by=actor,
            written_at=timezone.now(),
        )
        if status != Status.OPEN:
            action.status, action.closed_on = status, today
            action.save(update_fields=["status", "closed_on"])
            if action.access_grant and action.access_grant.revoked_at is None:
                access.revoke_case_access(actor=actor, grant=action.access_grant)
        audit.record(
            actor=actor,
            event_type=EventType.ACTION_UPDATED,
            subject=action.case_id,
            payload={"action": str(action.id), "status": str(status)},
        )
    return update


HANDED_OVER_SUBJECT = "MAPPA: an action you owned has been handed to another area"
HANDED_OVER_BODY = """A MAPPA case has been transferred to another MAPPA area, which now manages it. An
action you owned on it has been handed to that area's co-ordinator: you will not be reminded of it.

Sign in to see your actions: {link}

This message does not contain any case details. Do not reply to it.
"""


def hand_over_on_transfer(*, transfer, actor, **_signal) -> list[Action]:
    """On a transfer's acceptance (`cases.signals.transfer_accepted`, inside its transaction):
    each open action on the case owned outside the receiving area is assigned to the accepting
    co-ordinator, who reassigns it at the area's first meeting (docs/transfers.md). Each keeps
    an update saying so, is audited naming both areas and both owners, and its previous owner
    (the named person, else the owning agency's members) is told by a link-only e-mail;
    reminders follow the owner, so they stop going to the sending area."""
    handed = list(
        Action.objects.filter(case_id=transfer.case_id, status=Status.OPEN)
        .exclude(owner_agency__area_id=transfer.to_area_id)
        .select_related("owner_agency", "owner_user", "access_grant")
    )
    if not handed or actor.agency_id is None:
        return []
    today, now = timezone.localdate(), timezone.now()
    told: set[int] = set()
    for action in handed:
        before = action.owner_user or action.owner_agency
        named = action.owner_user.display_name if action.owner_user else action.owner_agency.name
        told |= _previous_owners(action)
        ActionUpdate.objects.create(
            action=action,
            written_on=today,
            text=(
                f"Handed over on the transfer from {transfer.from_area.name} to "
                f"{transfer.to_area.name}: owned by {named} until now"
            ),
            status=Status.OPEN,
            written_by=actor,
            written_at=now,
        )
        if action.access_grant and action.access_grant.revoked_at is None:
            access.revoke_case_access(actor=actor, grant=action.access_grant)
        action.owner_agency_id, action.owner_user, action.access_grant = (
            actor.agency_id,
            actor,
            None,
        )
        action.save(update_fields=["owner_agency", "owner_user", "access_grant"])
        audit.record(
            actor=actor,
            event_type=EventType.ACTION_HANDED_OVER,
            subject=transfer.case_id,
            payload={
                "action": str(action.id),
                "transfer": str(transfer.id),
                "from_area": transfer.from_area.code,
                "to_area": transfer.to_area.code,
                "from_owner": str(before.pk),
                "to_owner": str(actor.pk),
            },
        )
    transaction.on_commit(partial(_tell_previous_owners, sorted(told)))
    return handed


def _previous_owners(action: Action) -> set[int]:
    if action.owner_user_id:
        return {action.owner_user_id}
    members = User.objects.filter(agency_id=action.owner_agency_id, is_active=True)
    return set(members.values_list("pk", flat=True))


def _tell_previous_owners(user_ids: list[int]) -> None:
    people = User.objects.filter(pk__in=user_ids, is_active=True).exclude(email="")
    if not people:
        return
    body = HANDED_OVER_BODY.format(link=links.page("actions"))
    with get_connection() as connection:
        for person in people:
            send_mail(HANDED_OVER_SUBJECT, body, None, [person.email], connection=connection)

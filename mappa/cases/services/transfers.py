"""Transfers of a case to another MAPPA area (MAPPA Guidance ch.17; docs/transfers.md).

The lead agency requests; the receiving area's co-ordinators query or accept, with their own level
decision; the requester may withdraw before acceptance. Acceptance moves ownership: the person's
area becomes the receiving area and nothing is copied (decision 0014). Every step claims the
transfer's version (decision 0011) and is audited naming both areas.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from mappa import versions
from mappa.agencies import permissions
from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason
from mappa.agencies.models import Agency, Area, CaseAccessGrant
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import notices, rules, signals
from mappa.cases.constants import DecisionSource, TransferMessageKind, TransferStatus
from mappa.cases.models import MappaCase, Transfer, TransferMessage
from mappa.cases.services import change_level


def acts_for_lead_agency(actor, case: MappaCase) -> bool:
    """`rules.may_act_for_lead_agency` for this actor and case."""
    agency = actor.agency
    return rules.may_act_for_lead_agency(
        in_case_area=actor.area_id is not None and actor.area_id == case.nominal.area_id,
        is_officer=case.responsible_officer_id == actor.pk,
        is_coordinator=permissions.role_has(actor, permissions.SCREEN_REFERRALS),
        is_lead_agency_practitioner=bool(
            agency
            and agency.kind == case.lead_agency
            and permissions.role_has(actor, permissions.MANAGE_CASES)
        ),
    )


def refuse_if_changed(case: MappaCase, version: int | None) -> None:
    """`versions.StaleEdit` if the person record has changed since `version` was read."""
    if version is None:
        return
    current = (
        type(case.nominal).objects.select_related("changed_by__agency").get(pk=case.nominal_id)
    )
    if current.version != version:
        raise versions.StaleEdit(current)


def receives(actor, transfer: Transfer) -> bool:
    """The receiving area's co-ordinators answer a transfer (they screen what comes in)."""
    return actor.area_id == transfer.to_area_id and permissions.role_has(
        actor, permissions.SCREEN_REFERRALS
    )


def _areas(transfer: Transfer) -> dict:
    return {
        "transfer": str(transfer.id),
        "from_area": transfer.from_area.code,
        "to_area": transfer.to_area.code,
    }


def _refuse_step(transfer: Transfer, step: str) -> None:
    if not rules.transfer_step_allowed(step=step, status=transfer.status):
        raise ValidationError(f"This transfer is {transfer.get_status_display().lower()}")


def request_transfer(
    *,
    actor,
    case: MappaCase,
    to_area: Area | None,
    reason: str,
    new_address: str,
    moving_on: date,
    proposed_meeting: str = "",
    version: int | None = None,
) -> Transfer:
    """Ask another area to take the case; its co-ordinators are told by a link-only e-mail.

    `version` is the person record's version the request was made from (the form's, or the
    API's If-Match): checked, not claimed, as the request does not change the record.
    """
    if not acts_for_lead_agency(actor, case):
        raise ValidationError(
            "Only the case's lead agency or the area's co-ordinator can request a transfer"
        )
    refuse_if_changed(case, version)
    problem = rules.transfer_request_problem(
        from_area=case.nominal.area_id,
        to_area=to_area.pk if to_area else None,
        level=case.level,
        reason=reason,
        new_address=new_address,
        proposed_meeting=proposed_meeting,
        case_open=case.closed_on is None,
        already_in_hand_over=case.transfers.filter(status__in=rules.IN_HAND_OVER).exists(),
    )
    if problem:
        field, message = problem
        raise ValidationError({field: message})
    try:
        with transaction.atomic():
            transfer = Transfer.objects.create(
                case=case,
                from_area_id=case.nominal.area_id,
                to_area=to_area,
                reason=reason.strip(),
                new_address=new_address.strip(),
                moving_on=moving_on,
                proposed_meeting=proposed_meeting.strip(),
                requested_by=actor,
                requested_at=timezone.now(),
            )
            audit.record(
                actor=actor,
                event_type=EventType.CASE_TRANSFER_REQUESTED,
                subject=case.id,
                payload=_areas(transfer),
            )
            _tell(transfer, notices.REQUESTED, notices.coordinators_of(to_area.pk))
    except IntegrityError:
        raise ValidationError(
            {"case": "This case already has a transfer waiting: withdraw it first"}
        ) from None
    return transfer


def _tell(transfer: Transfer, what: str, people) -> None:
    transaction.on_commit(partial(notices.tell_about_transfer, transfer.id, what, list(people)))


def _exchange(
    *, actor, transfer: Transfer, version: int, kind, text: str, field: str, missing: str
) -> None:
    """Record a query or its answer and move the transfer to the other area's turn: the message
    kept, the status changed, the event audited, the other side told (after commit)."""
    if not text.strip():
        raise ValidationError({field: missing})
    query = kind == TransferMessageKind.QUERY
    with transaction.atomic():
        versions.claim(transfer, version=version, actor=actor)
        TransferMessage.objects.create(
            transfer=transfer,
            kind=kind,
            text=text.strip(),
            written_by=actor,
            written_at=timezone.now(),
        )
        transfer.status = TransferStatus.QUERIED if query else TransferStatus.REQUESTED
        transfer.save(update_fields=["status"])
        audit.record(
            actor=actor,
            event_type=EventType.CASE_TRANSFER_QUERIED
            if query
            else EventType.CASE_TRANSFER_ANSWERED,
            subject=transfer.case_id,
            payload=_areas(transfer),
        )
        if query:
            _tell(transfer, notices.QUERIED, [transfer.requested_by])
        else:
            _tell(transfer, notices.ANSWERED, notices.coordinators_of(transfer.to_area_id))


def query_transfer(*, actor, transfer: Transfer, version: int, query: str) -> Transfer:
    """The receiving area asks for what it needs; the transfer returns to the sending area."""
    if not receives(actor, transfer):
        raise ValidationError("Only the receiving area's co-ordinators can query a transfer")
    _refuse_step(transfer, "query")
    _exchange(
        actor=actor,
        transfer=transfer,
        version=version,
        kind=TransferMessageKind.QUERY,
        text=query,
        field="query",
        missing="Say what you need from the sending area",
    )
    return transfer


def answer_query(*, actor, transfer: Transfer, version: int, answer: str) -> Transfer:
    """The sending area answers the query; the transfer returns to the receiving area."""
    if not acts_for_lead_agency(actor, transfer.case):
        raise ValidationError("Only the case's lead agency or co-ordinator can answer the query")
    _refuse_step(transfer, "answer")
    _exchange(
        actor=actor,
        transfer=transfer,
        version=version,
        kind=TransferMessageKind.ANSWER,
        text=answer,
        field="answer",
        missing="Enter your answer to the query",
    )
    return transfer


def withdraw_transfer(*, actor, transfer: Transfer, version: int, reason: str) -> Transfer:
    """The requester withdraws the request before it is accepted; the receiving area is told."""
    if actor.pk != transfer.requested_by_id:
        raise ValidationError("Only the person who requested the transfer can withdraw it")
    _refuse_step(transfer, "withdraw")
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for withdrawing the transfer"})
    with transaction.atomic():
        versions.claim(transfer, version=version, actor=actor)
        transfer.status = TransferStatus.WITHDRAWN
        transfer.withdrawal_reason = reason.strip()
        transfer.decided_by, transfer.decided_at = actor, timezone.now()
        transfer.save(update_fields=["status", "withdrawal_reason", "decided_by", "decided_at"])
        audit.record(
            actor=actor,
            event_type=EventType.CASE_TRANSFER_WITHDRAWN,
            subject=transfer.case_id,
            payload=_areas(transfer),
        )
        _tell(transfer, notices.WITHDRAWN, notices.coordinators_of(transfer.to_area_id))
    return transfer


def accept_transfer(
    *, actor, transfer: Transfer, version: int, level: int, rationale: str
) -> Transfer:
    """The receiving area takes the case, at the level it decides (recorded in the level history
    through `change_level`, with its rationale; a level 2 or 3 case then needs a meeting).

    Ownership moves, nothing is copied: the person's area becomes the receiving area, so the case,
    its history, plan, conditions, actions and minutes are the receiving area's (decision 0014).
    The person record's version is claimed too, so an edit begun in the sending area is refused.
    The sending area's grants end, its officer is no longer named, the receiving area's lead
    agency is granted the case, and the sending area reads it until `sending_reads_until`.
    `signals.transfer_accepted` lets the apps above move what they keep (open actions).
    """
    if not receives(actor, transfer):
        raise ValidationError("Only the receiving area's co-ordinators can accept a transfer")
    _refuse_step(transfer, "accept")
    case, today = transfer.case, timezone.localdate()
    if not rationale.strip():
        raise ValidationError({"rationale": "Give the reason for the level decision"})
    if not rules.level_allowed_for_category(category=case.category, level=level):
        raise ValidationError(
            {"level": "A category 3 case cannot be managed at level 1: choose level 2 or 3"}
        )
    with transaction.atomic():
        versions.claim(transfer, version=version, actor=actor)
        nominal = case.nominal
        versions.claim(nominal, version=nominal.version, actor=actor)
        nominal.area_id = transfer.to_area_id
        nominal.save(update_fields=["area"])
        _end_sending_grants(actor, case, transfer.from_area_id)
        for agency in Agency.objects.filter(area_id=transfer.to_area_id, kind=case.lead_agency):
            access.grant_case_access(
                actor=actor, case=case.id, reason=AccessReason.LEAD_AGENCY, grantee_agency=agency
            )
        case.responsible_officer = None
        if level in (2, 3) and case.first_meeting_needed_since is None:
            case.first_meeting_needed_since = today
        case.save(update_fields=["responsible_officer", "first_meeting_needed_since"])
        change_level(
            actor=actor,
            case=case,
            level=level,
            source=DecisionSource.TRANSFER,
            rationale=rationale.strip(),
            decided_on=today,
        )
        transfer.status = TransferStatus.ACCEPTED
        transfer.accepted_level = level
        transfer.decided_by, transfer.decided_at = actor, timezone.now()
        transfer.sending_reads_until = today + timedelta(days=settings.MAPPA_TRANSFER_READ_DAYS)
        transfer.save(
            update_fields=[
                "status",
                "accepted_level",
                "decided_by",
                "decided_at",
                "sending_reads_until",
            ]
        )
        audit.record(
            actor=actor,
            event_type=EventType.CASE_TRANSFER_ACCEPTED,
            subject=case.id,
            payload={**_areas(transfer), "level": level},
        )
        signals.transfer_accepted.send(sender=Transfer, transfer=transfer, actor=actor)
        _tell(transfer, notices.ACCEPTED, [transfer.requested_by])
    return transfer


def _end_sending_grants(actor, case: MappaCase, area_id) -> None:
    """Grants to the sending area's agencies and people end: it keeps only its read-only view."""
    grants = CaseAccessGrant.objects.filter(
        Q(grantee_agency__area_id=area_id) | Q(grantee_user__area_id=area_id),
        case=case.id,
        revoked_at__isnull=True,
    )
    for grant in grants:
        access.revoke_case_access(actor=actor, grant=grant)

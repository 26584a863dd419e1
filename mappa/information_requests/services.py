"""Every change to information requests: raising one, the agency answering or declining it, and
the area that asked withdrawing it.

Each takes keyword-only arguments and the acting user, checks everything before writing, writes
in one transaction with its audit event, and sends its link-only e-mail once committed.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.agencies import permissions
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import rules as case_rules
from mappa.information_requests import notices, queries, rules
from mappa.information_requests.constants import Basis, Occasion, Status
from mappa.information_requests.models import InformationRequest
from mappa.kit import links


def _addressee_problem(category, agency, addressed_to) -> str | None:
    if addressed_to is None:
        return None
    if addressed_to.agency_id != agency.id or not addressed_to.is_active:
        return "The named person must be an active member of the agency asked"
    if not permissions.role_has(addressed_to, permissions.ANSWER_INFORMATION_REQUESTS):
        return "The named person's role does not answer information requests"
    if not case_rules.may_see_category(category, cleared=addressed_to.terrorism_clearance):
        return "The named person needs terrorism clearance for this case"
    return None


def _on_case_problems(actor, case, referral) -> dict:
    problems = {}
    if not queries.may_raise(actor, case):
        problems["case"] = "Only the co-ordinator or the case's responsible officer may ask"
    if case.closed_on is not None:
        problems["case"] = "This case is closed"
    if referral is not None and case.id != referral.case_id:
        if referral.nominal_id != case.nominal_id:
            problems["referral"] = "The referral is about someone else"
    return problems


def _on_referral_problems(actor, referral) -> dict:
    if referral is None:
        return {"case": "Choose the case, or at screening the referral"}
    if not rules.referral_takes_requests(status=referral.status):
        return {"referral": "This referral is no longer at screening"}
    if not queries.may_raise_at_screening(actor, referral):
        return {"referral": "Only the area's co-ordinator may ask at screening"}
    return {}


def _raise_problems(actor, case, agency, addressed_to, basis, purpose, question, due_on, referral):
    problems = rules.text_problems(purpose=purpose, question=question)
    if case is not None:
        problems |= _on_case_problems(actor, case, referral)
        area_id, category = case.nominal.area_id, case.category
    else:
        problems |= _on_referral_problems(actor, referral)
        area_id = referral.area_id if referral is not None else None
        category = referral.category if referral is not None else None
    if agency is None or agency.area_id != area_id:
        problems["agency"] = "Choose an agency of the case's area"
    elif (problem := _addressee_problem(category, agency, addressed_to)) is not None:
        problems["addressed_to"] = problem
    if basis not in Basis.values:
        problems["basis"] = "Choose the basis on which the agency may share the information"
    if (problem := rules.due_date_problem(due_on=due_on, today=timezone.localdate())) is not None:
        problems["due_on"] = problem
    return problems


def raise_request(
    *,
    actor,
    case=None,
    agency,
    basis: str,
    purpose: str,
    question: str,
    due_on: date | None,
    addressed_to=None,
    occasion: str = Occasion.CASE,
    referral=None,
) -> InformationRequest:
    """Ask an agency of the case's area for information about the person (CJA 2003 s.325(4);
    MAPPA Guidance ch.9): why, on which basis, what, and by when. The named person (or, with no
    one named, the agency's people who answer requests) is sent a link. At screening, with no
    open case for the person, `case` is None and the request belongs to the `referral` until
    screening opens the case (`settle_with_referral`)."""
    problems = _raise_problems(
        actor, case, agency, addressed_to, basis, purpose, question, due_on, referral
    )
    if occasion not in Occasion.values:
        problems["occasion"] = "Say when the request is made"
    if problems:
        raise ValidationError(problems)
    links.require_site("send the agency a link to the request")
    with transaction.atomic():
        found = InformationRequest.objects.create(
            case=case,
            agency=agency,
            addressed_to=addressed_to,
            occasion=occasion,
            referral=referral,
            basis=basis,
            purpose=purpose.strip(),
            question=question.strip(),
            due_on=due_on,
            requested_by=actor,
            requested_at=timezone.now(),
        )
        audit.record(
            actor=actor,
            event_type=EventType.INFORMATION_REQUEST_RAISED,
            subject=found.subject,
            payload={
                "request": str(found.id),
                "agency": str(agency.id),
                "addressed_to": str(addressed_to.uuid) if addressed_to else None,
                "occasion": str(occasion),
                "basis": str(basis),
                "due_on": due_on.isoformat(),
            },
        )
        transaction.on_commit(lambda: notices.tell_agency(found))
    return found


def _close(*, actor, found, version, status, field: str, text: str, event_type) -> None:
    if not queries.may_answer(actor, found):
        raise ValidationError(
            "This request is closed" if not found.is_open else "Only the agency asked may answer"
        )
    links.require_site("send the requester a link to the answer")
    with transaction.atomic():
        versions.claim(found, version=version, actor=actor)
        found.status = status
        setattr(found, field, text.strip())
        found.answered_by, found.answered_at = actor, timezone.now()
        found.save(update_fields=["status", field, "answered_by", "answered_at"])
        audit.record(
            actor=actor,
            event_type=event_type,
            subject=found.subject,
            payload={"request": str(found.id), "agency": str(found.agency_id)},
        )
        transaction.on_commit(lambda: notices.tell_requester(found))


def answer_request(*, actor, found: InformationRequest, version: int | None, answer: str) -> None:
    """The agency answers: who and when are recorded, and the requester is sent a link."""
    if not answer.strip():
        raise ValidationError({"answer": "Write the answer"})
    _close(
        actor=actor,
        found=found,
        version=version,
        status=Status.ANSWERED,
        field="answer",
        text=answer,
        event_type=EventType.INFORMATION_REQUEST_ANSWERED,
    )


def decline_request(*, actor, found: InformationRequest, version: int | None, reason: str) -> None:
    """The agency declines, with its reason: a refusal to share is recorded like an answer
    (Sefton MAPPA information sharing agreement 12.4.1: where an agency declines, record it)."""
    if not reason.strip():
        raise ValidationError({"decline_reason": "Say why the agency declines"})
    _close(
        actor=actor,
        found=found,
        version=version,
        status=Status.DECLINED,
        field="decline_reason",
        text=reason,
        event_type=EventType.INFORMATION_REQUEST_DECLINED,
    )


def withdraw_request(*, actor, found: InformationRequest, version: int | None, reason: str) -> None:
    """The person who asked, or the co-ordinator, withdraws an open request with the reason: it
    leaves the lists waiting for an answer, the board counts it as withdrawn (not late), and
    the agency asked is sent a link (the named person, or its people who answer requests)."""
    problem = rules.withdrawal_problem(is_open=found.is_open, reason=reason)
    if problem:
        raise ValidationError({"withdrawal_reason": problem} if found.is_open else problem)
    if not queries.may_withdraw(actor, found):
        raise ValidationError("Only the person who asked, or the co-ordinator, may withdraw it")
    links.require_site("send the agency a link to the withdrawn request")
    with transaction.atomic():
        _withdraw(found, actor=actor, version=version, reason=reason.strip())


def settle_with_referral(*, referral, actor, **_signal) -> list[InformationRequest]:
    """When a referral is settled (`referrals.signals.referral_concluded`, inside its
    transaction), the requests raised on it before the person had a case follow it
    (rules.on_referral_concluded): onto the case screening opened, each audited on the case;
    or, the referral closed without a case, each open one is withdrawn with the reason "the
    referral was closed without a MAPPA case" and the agency asked is sent a link."""
    pending = list(
        InformationRequest.objects.filter(referral=referral, case__isnull=True).select_related(
            "referral"
        )
    )
    fate = rules.on_referral_concluded(
        status=referral.status, case_opened=referral.case_id is not None
    )
    if not pending or fate is None:
        return []
    if fate == rules.MOVE_TO_CASE:
        InformationRequest.objects.filter(id__in=[found.id for found in pending]).update(
            case_id=referral.case_id
        )
        for found in pending:
            found.case_id = referral.case_id
            audit.record(
                actor=actor,
                event_type=EventType.INFORMATION_REQUEST_MOVED_TO_CASE,
                subject=referral.case_id,
                payload={"request": str(found.id), "referral": str(referral.id)},
            )
        return pending
    withdrawn = [found for found in pending if found.is_open]
    if withdrawn:
        links.require_site("send the agency a link to the withdrawn request")
    for found in withdrawn:
        _withdraw(found, actor=actor, version=found.version, reason=rules.REFERRAL_CLOSED_REASON)
    return withdrawn


def _withdraw(found: InformationRequest, *, actor, version: int, reason: str) -> None:
    """Withdraw `found` in the caller's transaction: the version claimed, the event recorded,
    and the agency asked sent a link once it commits."""
    versions.claim(found, version=version, actor=actor)
    found.status = Status.WITHDRAWN
    found.withdrawal_reason = reason
    found.withdrawn_by, found.withdrawn_at = actor, timezone.now()
    found.save(update_fields=["status", "withdrawal_reason", "withdrawn_by", "withdrawn_at"])
    audit.record(
        actor=actor,
        event_type=EventType.INFORMATION_REQUEST_WITHDRAWN,
        subject=found.subject,
        payload={"request": str(found.id), "agency": str(found.agency_id)},
    )
    transaction.on_commit(lambda: notices.tell_agency_withdrawn(found))

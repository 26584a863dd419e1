"""Potentially dangerous persons: people the police manage outside MAPPA, as a kind of case.

College of Policing APP, "Potentially dangerous persons": a person not managed under one of the
three MAPPA categories whose behaviour gives reasonable grounds for believing there is a present
likelihood of them committing an offence that will cause serious harm (`rules.PDP_DEFINITION`).
A PDP case is a `MappaCase` of kind PDP, with no category or level, so the same meetings, plans,
actions and disclosure decisions serve it. Its steps are `PdpDecision`s: the proposal (a police
practitioner), the decision to manage or not (a police officer of at least the area's minimum
rank, with the rationale), reviews, and the move into MAPPA when the record makes the person
eligible (the co-ordinator, through `services.record_decision`).

The person's eligibility (`offences.rules.Eligibility`) is passed in by the caller: it is worked
out from the whole person record (`people.eligibility.for_nominal`), a floor above this app.
Each step claims the person record's version, as the case's other changes do (decision 0011).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa import versions
from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason, Role
from mappa.agencies.models import Agency
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import queries, rules
from mappa.cases import services as cases
from mappa.cases.constants import CaseKind, DecisionSource, LeadAgency, PdpClosure, PdpStep
from mappa.cases.models import MappaCase, PdpDecision


def _agency_kind(actor, area_id) -> str | None:
    """The kind of the actor's agency when it is in the person's area, else None."""
    agency = actor.agency
    return agency.kind if agency and agency.area_id == area_id else None


def _refuse(problem: tuple[str, str] | None) -> None:
    if problem:
        field, message = problem
        raise ValidationError({field: message})


def _refuse_if_eligible(eligibility) -> None:
    problem = rules.pdp_eligibility_problem(
        category=eligibility.category,
        category_4_indicated=bool(eligibility.category_4 and eligibility.category_4.indicated),
    )
    if problem:
        raise ValidationError({"eligibility": problem})


def _refuse_unless_pdp(case: MappaCase, *, awaiting: bool | None = None) -> None:
    """Only an open PDP case; `awaiting` True: still awaiting the decision, False: decided."""
    if not case.is_pdp:
        raise ValidationError("This is a MAPPA case, not a potentially dangerous person's")
    if case.closed_on is not None:
        raise ValidationError("This case is closed")
    if awaiting is True and case.start_date is not None:
        raise ValidationError("The decision to manage this person as a PDP is already recorded")
    if awaiting is False and case.start_date is None:
        raise ValidationError("First record the decision to manage this person as a PDP")


def _refuse_bad_date(day: date, field: str, what: str, case: MappaCase | None = None) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: f"The date of the {what} must be today or in the past"})
    latest = None
    if case is not None:
        latest = max((d.made_on for d in case.pdp_decisions.all()), default=None)
    if latest and day < latest:
        raise ValidationError(
            {
                field: f"The date of the {what} must be on or after {latest:%-d/%-m/%Y}, the last step"
            }
        )


def propose(*, actor, nominal, version: int, eligibility, grounds: str) -> MappaCase:
    """A police practitioner proposes managing a person (not MAPPA-eligible) as a PDP: the case
    opens, awaiting the police decision, led by the police with the proposer named."""
    _refuse_if_eligible(eligibility)
    _refuse(
        rules.pdp_proposal_problem(
            proposer_agency=_agency_kind(actor, nominal.area_id), grounds=grounds
        )
    )
    if actor.role != Role.RA_PRACTITIONER:
        raise ValidationError({"grounds": "Only a police practitioner may propose a PDP"})
    if MappaCase.objects.filter(nominal=nominal, closed_on__isnull=True).exists():
        raise ValidationError("This person already has an open case")
    today = timezone.localdate()
    with transaction.atomic():
        versions.claim(nominal, version=version, actor=actor)
        case = MappaCase.objects.create(
            nominal=nominal, kind=CaseKind.PDP, lead_agency=LeadAgency.POLICE,
            responsible_officer=actor,
        )  # fmt: skip
        PdpDecision.objects.create(
            case=case, step=PdpStep.PROPOSED, made_on=today, made_by=actor,
            rationale=grounds.strip(),
        )  # fmt: skip
        audit.record(
            actor=actor,
            event_type=EventType.PDP_PROPOSED,
            subject=case.id,
            payload={"nominal": str(nominal.id)},
        )
        for agency in Agency.objects.filter(area_id=nominal.area_id, kind=LeadAgency.POLICE):
            access.grant_case_access(
                actor=actor, case=case.id, reason=AccessReason.LEAD_AGENCY, grantee_agency=agency
            )
    return case


def _decision_problem(actor, case: MappaCase, rank: str, rationale: str) -> None:
    _refuse(
        rules.pdp_decision_problem(
            decider_agency=_agency_kind(actor, case.nominal.area_id),
            rank=rank,
            minimum_rank=settings.MAPPA_PDP_DECISION_MINIMUM_RANK,
            rationale=rationale,
        )
    )


def _step(actor, case, step, day, rank, rationale, review_due, event_type) -> PdpDecision:
    decision = PdpDecision.objects.create(
        case=case, step=step, made_on=day, made_by=actor, rank=rank,
        rationale=rationale.strip(), review_due=review_due,
    )  # fmt: skip
    audit.record(
        actor=actor,
        event_type=event_type,
        subject=case.id,
        payload={
            "step": str(step),
            "rank": rank,
            "review_due": review_due.isoformat() if review_due else None,
        },
    )
    return decision


def _close(case: MappaCase, reason: PdpClosure, day: date, explanation: str) -> None:
    case.closed_on, case.closure_reason, case.closure_explanation = day, reason, explanation
    case.next_review_due = None
    case.save(
        update_fields=["closed_on", "closure_reason", "closure_explanation", "next_review_due"]
    )


def decide(
    *,
    actor,
    case: MappaCase,
    version: int,
    eligibility,
    manage: bool,
    rank: str,
    rationale: str,
    decided_on: date,
) -> PdpDecision:
    """A police officer decides whether to manage the person as a PDP, with their rank and the
    rationale: managed, the review is due MAPPA_PDP_REVIEW_WEEKS later; not, the case closes."""
    _refuse_unless_pdp(case, awaiting=True)
    if manage:
        _refuse_if_eligible(eligibility)
    _decision_problem(actor, case, rank, rationale)
    _refuse_bad_date(decided_on, "decided_on", "decision", case)
    due = None
    if manage:
        due = rules.pdp_review_due(decided_on=decided_on, weeks=settings.MAPPA_PDP_REVIEW_WEEKS)
    step = PdpStep.MANAGE if manage else PdpStep.NOT_MANAGED
    with transaction.atomic():
        versions.claim(case.nominal, version=version, actor=actor)
        decision = _step(actor, case, step, decided_on, rank, rationale, due, EventType.PDP_DECIDED)
        if manage:
            case.start_date, case.next_review_due = decided_on, due
            case.save(update_fields=["start_date", "next_review_due"])
        else:
            _close(case, PdpClosure.NOT_MANAGED, decided_on, rationale.strip())
    return decision


def review(
    *,
    actor,
    case: MappaCase,
    version: int,
    carry_on: bool,
    rank: str,
    rationale: str,
    held_on: date,
) -> PdpDecision:
    """A police officer reviews the PDP: continue (the next review set) or end management."""
    _refuse_unless_pdp(case, awaiting=False)
    _decision_problem(actor, case, rank, rationale)
    _refuse_bad_date(held_on, "held_on", "review", case)
    step = PdpStep.CONTINUE if carry_on else PdpStep.END
    due = None
    if carry_on:
        due = rules.pdp_review_due(decided_on=held_on, weeks=settings.MAPPA_PDP_REVIEW_WEEKS)
    with transaction.atomic():
        versions.claim(case.nominal, version=version, actor=actor)
        decision = _step(actor, case, step, held_on, rank, rationale, due, EventType.PDP_REVIEWED)
        if carry_on:
            case.next_review_due = due
            case.save(update_fields=["next_review_due"])
        else:
            _close(case, PdpClosure.ENDED, held_on, rationale.strip())
    return decision


def move_into_mappa(
    *,
    actor,
    case: MappaCase,
    version: int,
    eligibility,
    level: int,
    source: DecisionSource,
    rationale: str,
    decided_on: date,
) -> MappaCase:
    """The co-ordinator moves a PDP into MAPPA once the record makes the person eligible: the
    case becomes a MAPPA case of that category, its level decided through
    `services.record_decision` (level history, review clock, audit); the PDP steps are kept."""
    _refuse_unless_pdp(case)
    if actor.role != Role.COORDINATOR or not queries.may_change(actor, case):
        raise ValidationError(
            {"level": "Only a MAPPA co-ordinator of the case's area may move it into MAPPA"}
        )
    category = rules.mappa_category_of(
        category=eligibility.category,
        category_4_indicated=bool(eligibility.category_4 and eligibility.category_4.indicated),
    )
    if category is None:
        raise ValidationError(
            {"level": "This person is not eligible for MAPPA: their record gives no category"}
        )
    _refuse_bad_date(decided_on, "decided_on", "decision", case)
    with transaction.atomic():
        case.kind, case.start_date = CaseKind.MAPPA, decided_on
        case.save(update_fields=["kind", "start_date"])
        cases.record_decision(
            actor=actor,
            case=case,
            version=version,
            category=category,
            level=level,
            source=source,
            rationale=rationale,
            decided_on=decided_on,
        )
        PdpDecision.objects.create(
            case=case, step=PdpStep.MOVED_TO_MAPPA, made_on=decided_on, made_by=actor,
            rationale=rationale.strip(),
        )  # fmt: skip
        audit.record(
            actor=actor,
            event_type=EventType.PDP_MOVED_TO_MAPPA,
            subject=case.id,
            payload={"category": category, "level": level},
        )
    return case

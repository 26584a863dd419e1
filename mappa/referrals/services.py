"""Every change to referrals: drafting a MAPPA A section by section, submission, screening."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import queries as case_queries
from mappa.cases import services as cases
from mappa.cases.constants import DecisionSource, LeadAgency
from mappa.cases.models import MappaCase
from mappa.referrals import notices, rules, screening, signals
from mappa.referrals.constants import Outcome, Status
from mappa.referrals.forms import TO_BE_DETERMINED
from mappa.referrals.models import Referral, ScreeningDecision
from mappa.referrals.sections import BY_KEY, SECTIONS, stored

LEVEL_OF = {Outcome.LEVEL_1: 1, Outcome.LEVEL_2: 2, Outcome.LEVEL_3: 3}


class SharedByTransfer(ValidationError):
    """The person's open case is shared by a transfer (`cases.queries.transfer_sharing`): the
    referral would open a second case or change the level of a case the area does not manage.
    `transfer` is the transfer to point into."""

    def __init__(self, transfer) -> None:
        self.transfer = transfer
        self.waiting = transfer.in_hand_over
        super().__init__(
            {
                "person": rules.shared_case_refusal(
                    waiting=self.waiting,
                    person=transfer.case.nominal.full_name,
                    from_area=transfer.from_area.name,
                    to_area=transfer.to_area.name,
                )
            }
        )


def refuse_if_shared_by_transfer(nominal, area_id) -> None:
    """`SharedByTransfer` if a transfer shares the person's open case with the area."""
    if nominal is None or nominal == screening.ADD_TO_REGISTER:
        return
    transfer = case_queries.transfer_sharing(nominal, area_id)
    if transfer is not None:
        raise SharedByTransfer(transfer)


def start_referral(*, actor, nominal=None) -> Referral:
    """A draft referral by the actor, about a person on the register (already in their scope);
    refused, changing nothing, if a transfer shares the person's case with the actor's area."""
    if actor.agency_id is None:
        raise ValidationError("Only a member of an agency can make a referral")
    refuse_if_shared_by_transfer(nominal, actor.area_id)
    with transaction.atomic():
        referral = Referral.objects.create(
            area_id=actor.area_id,
            referred_by=actor,
            referring_agency_id=actor.agency_id,
            nominal=nominal,
            subject_name=nominal.full_name if nominal else "",
        )
        audit.record(
            actor=actor,
            event_type=EventType.REFERRAL_STARTED,
            subject=referral.id,
            payload={"referral": str(referral.id)},
        )
    return referral


def _check_editable(actor, referral: Referral) -> None:
    if referral.referred_by_id != actor.id:
        raise ValidationError("Only the referrer can change a referral")
    if not rules.may_edit(referral.status):
        raise ValidationError(
            f"This referral is {referral.get_status_display().lower()} and can no longer be changed"
        )


def save_section(*, actor, referral: Referral, key: str, data: dict) -> Referral:
    """Save one section's cleaned data; the columns screening needs follow it."""
    _check_editable(actor, referral)
    if key not in BY_KEY:
        raise ValidationError(f"A referral has no section {key!r}")
    with transaction.atomic():
        referral.sections = {**referral.sections, key: stored(data)}
        if key == "category":
            referral.level_requested = int(data["level"])
            referral.category_to_be_determined = data["category"] == TO_BE_DETERMINED
            referral.category = (
                None if referral.category_to_be_determined else int(data["category"])
            )
        if key == "offender":
            referral.subject_name = f"{data['forenames']} {data['surname']}".strip()
        referral.save()
        audit.record(
            actor=actor,
            event_type=EventType.REFERRAL_SECTION_SAVED,
            subject=referral.id,
            payload={"referral": str(referral.id), "section": key},
        )
    return referral


def missing_sections(referral: Referral) -> list[str]:
    return [section.title for section in SECTIONS if section.key not in referral.sections]


def submit(*, actor, referral: Referral) -> Referral:
    """Submit the referral for screening; from now on it is locked."""
    _check_editable(actor, referral)
    problems = [f"Complete the section: {title}" for title in missing_sections(referral)]
    why = referral.sections.get("input", {}).get("why_not_level_2", "")
    if rules.level_3_needs_reason(level=referral.level_requested, why_not_level_2=why):
        problems.append("A level 3 referral must say what level 2 cannot deliver")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        referral.status = Status.SUBMITTED
        referral.submitted_at = timezone.now()
        referral.save(update_fields=["status", "submitted_at"])
        audit.record(
            actor=actor,
            event_type=EventType.REFERRAL_SUBMITTED,
            subject=referral.id,
            payload={"referral": str(referral.id), "level": referral.level_requested},
        )
    return referral


def withdraw(*, actor, referral: Referral) -> Referral:
    if referral.referred_by_id != actor.id or referral.status not in (
        Status.DRAFT,
        Status.SUBMITTED,
        Status.RETURNED,
    ):
        raise ValidationError("This referral cannot be withdrawn")
    with transaction.atomic():
        referral.status = Status.WITHDRAWN
        referral.save(update_fields=["status"])
        audit.record(
            actor=actor,
            event_type=EventType.REFERRAL_WITHDRAWN,
            subject=referral.id,
            payload={"referral": str(referral.id)},
        )
        signals.referral_concluded.send(sender=Referral, referral=referral, actor=actor)
    return referral


def screen(
    *,
    actor,
    referral: Referral,
    outcome: Outcome,
    rationale: str = "",
    missing_information: str = "",
    lead_agency: LeadAgency | str = "",
    nominal=None,
) -> ScreeningDecision:
    """Decide a submitted referral: a level (1, 2 or 3), return it for information, or decline.

    A level decision needs the person on the register (`nominal`, when the referral is not
    already linked, or ADD_TO_REGISTER to add them from the referral), goes into the case's
    level history, and opens the case if there is none. A person whose case a transfer shares
    with the referral's area is refused (`SharedByTransfer`): there is one case, and the
    receiving area sets its level (docs/transfers.md).
    """
    nominal = referral.nominal or nominal
    problems = _screening_problems(referral, outcome, rationale, missing_information, nominal)
    if outcome in LEVEL_OF and not problems:
        refuse_if_shared_by_transfer(nominal, referral.area_id)
    open_case = (
        MappaCase.objects.filter(nominal=nominal, closed_on__isnull=True).first()
        if nominal and nominal != screening.ADD_TO_REGISTER
        else None
    )
    if outcome in LEVEL_OF and open_case is None and not lead_agency:
        problems["lead_agency"] = "Choose the lead agency for the new case"
    if problems:
        raise ValidationError(problems)
    today = timezone.localdate()
    with transaction.atomic():
        decision = ScreeningDecision.objects.create(
            referral=referral,
            outcome=outcome,
            rationale=rationale,
            missing_information=missing_information,
            lead_agency=lead_agency if open_case is None else "",
            decided_by=actor,
            decided_at=timezone.now(),
        )
        if outcome in LEVEL_OF:
            if nominal == screening.ADD_TO_REGISTER:
                nominal = screening.add_to_register(actor, referral)
            referral.nominal = nominal
            referral.case = _decide_level(
                actor, referral, open_case, LEVEL_OF[outcome], rationale, lead_agency, today
            )
        referral.status = {
            Outcome.RETURNED: Status.RETURNED,
            Outcome.DECLINED: Status.DECLINED,
        }.get(outcome, Status.ACCEPTED)
        referral.save(update_fields=["status", "nominal", "case"])
        audit.record(
            actor=actor,
            event_type=EventType.REFERRAL_SCREENED,
            subject=referral.id,
            payload={"referral": str(referral.id), "outcome": str(outcome)},
        )
        if outcome != Outcome.RETURNED:
            signals.referral_concluded.send(sender=Referral, referral=referral, actor=actor)
        transaction.on_commit(lambda: notices.tell_referrer(referral, decision))
    return decision


def _screening_problems(referral, outcome, rationale, missing_information, nominal) -> dict:
    if referral.status != Status.SUBMITTED:
        return {"outcome": "Only a submitted referral can be screened"}
    problems = {}
    if outcome == Outcome.RETURNED and not missing_information.strip():
        problems["missing_information"] = "Say what information is missing"
    if outcome != Outcome.RETURNED and not rationale.strip():
        problems["rationale"] = "Give the rationale for the decision"
    if outcome in LEVEL_OF and nominal is None:
        problems["person"] = "Choose the person on the register, or add them to it"
    if outcome == Outcome.LEVEL_1 and referral.category == 3:
        problems["outcome"] = (
            "A category 3 case cannot be managed at level 1: decline the referral instead"
        )
    return problems


def _decide_level(actor, referral, case, level, rationale, lead_agency, today) -> MappaCase:
    if case is None:
        case = cases.open_case(
            actor=actor,
            nominal=referral.nominal,
            category=referral.category,
            level=level,
            lead_agency=lead_agency,
            source=DecisionSource.SCREENING,
            rationale=rationale,
            decided_on=today,
        )
    else:
        cases.change_level(
            actor=actor,
            case=case,
            level=level,
            source=DecisionSource.SCREENING,
            rationale=rationale,
            decided_on=today,
        )
    if level > 1:
        case.first_meeting_needed_since = today
        case.save(update_fields=["first_meeting_needed_since"])
    return case

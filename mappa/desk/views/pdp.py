"""The pages of a potentially dangerous person (College of Policing APP, "Potentially dangerous
persons"; `cases.services.pdp`): the proposal from the person page, the police decision with the
officer's rank, reviews, and the move into MAPPA when the record makes the person eligible.

They are desk pages because each needs the person's eligibility from the whole record
(`people.eligibility`), a floor above the cases app; every write goes through `services.pdp`.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import dateformat, timezone

from mappa.agencies import permissions
from mappa.agencies.constants import Role
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases import queries, rules
from mappa.cases.constants import DecisionSource, PdpStep
from mappa.cases.forms.pdp import (
    MoveIntoMappaForm,
    PdpDecisionForm,
    PdpProposalForm,
    PdpReviewForm,
)
from mappa.cases.services import pdp
from mappa.kit.forms import add_service_errors
from mappa.people import queries as people
from mappa.people.eligibility import for_nominal

POLICE = "police"


def _is_police(user, area_id) -> bool:
    agency = user.agency
    return bool(agency and agency.kind == POLICE and agency.area_id == area_id)


def mappa_category(eligibility) -> int | None:
    """The MAPPA category the person's record makes them eligible under, or None."""
    indicated = bool(eligibility.category_4 and eligibility.category_4.indicated)
    return rules.mappa_category_of(category=eligibility.category, category_4_indicated=indicated)


def for_person(user, nominal, eligibility, case) -> dict:
    """What the person page shows about PDPs: the offer to propose one (police practitioners, no
    open case), or why not: the person is eligible for MAPPA."""
    if case is not None or not permissions.has_permission(user, permissions.MANAGE_CASES):
        return {}
    if not (user.role == Role.RA_PRACTITIONER and _is_police(user, nominal.area_id)):
        return {}
    category = mappa_category(eligibility)
    return {"pdp_offer": True, "pdp_eligible_category": category}


def for_case(user, case) -> dict:
    """What the case page shows of a PDP (or a case that was one): its steps, the next step the
    user may take, and the route into MAPPA when the record makes the person eligible."""
    steps = list(case.pdp_decisions.select_related("made_by__agency"))
    if not case.is_pdp:
        return {"pdp_steps": steps}
    context = {"pdp_steps": steps}
    if case.closed_on is not None:
        return context
    may_manage = permissions.has_permission(user, permissions.MANAGE_CASES)
    police = may_manage and _is_police(user, case.nominal.area_id)
    context["may_decide_pdp"] = police and case.start_date is None
    context["may_review_pdp"] = police and case.start_date is not None
    eligibility = for_nominal(case.nominal, timezone.localdate())
    category = mappa_category(eligibility)
    if category is not None:
        context["mappa_route"] = {"category": category, "basis": eligibility.basis}
        context["may_move_into_mappa"] = may_manage and user.role == Role.COORDINATOR
    return context


def minimum_rank() -> str:
    """The lowest rank that may decide, in words (MAPPA_PDP_DECISION_MINIMUM_RANK)."""
    return settings.MAPPA_PDP_DECISION_MINIMUM_RANK.replace("_", " ")


def _day(day) -> str:
    return dateformat.format(day, "j F Y")


def _save(request, case, form, template: str, doing: str, save, extra=None):
    """A PDP form page of a case in scope: saved by `save` (which returns the message for the
    case page), or shown again with the service's refusal on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            done = save(form.cleaned_data)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, done)
            return redirect("case", case_id=case.id)
    audit.record_read(actor=request.user, subject=case.id, content=f"PDP case, {doing} form")
    return render(request, template, {"case": case, "form": form, **(extra or {})})


def _unavailable(request, case, reason: str):
    audit.record_read(actor=request.user, subject=case.id, content="PDP case")
    context = {"case": case, "reason": reason}
    return render(request, "cases/pdp_unavailable.html", context, status=409)


@requires(permissions.MANAGE_CASES)
def propose(request, nominal_id):
    nominal = people.get_nominal(request.user, nominal_id, whole_record=True, changing=True)
    eligibility = for_nominal(nominal, timezone.localdate())
    category = mappa_category(eligibility)
    has_case = any(case.closed_on is None for case in nominal.mappa_cases.all())
    form = PdpProposalForm(request.POST or None, initial={"version": nominal.version})
    context = {"nominal": nominal, "form": form, "category": category, "has_case": has_case}
    if category is None and not has_case and request.method == "POST" and form.is_valid():
        try:
            case = pdp.propose(
                actor=request.user, nominal=nominal, eligibility=eligibility, **form.cleaned_data
            )
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, "Proposed: a police officer now records the decision")
            return redirect("case", case_id=case.id)
    audit.record_read(actor=request.user, subject=nominal.id, content="person record, PDP proposal")
    status = 409 if category is not None or has_case else 200
    return render(request, "cases/pdp_propose.html", context, status=status)


@requires(permissions.MANAGE_CASES)
def decide(request, case_id):
    case = queries.get_case(request.user, case_id, changing=True)
    if not case.is_pdp or case.closed_on is not None or case.start_date is not None:
        return _unavailable(request, case, "The decision can be recorded once, on an open PDP")

    def save(data) -> str:
        decision = pdp.decide(
            actor=request.user,
            case=case,
            eligibility=for_nominal(case.nominal, timezone.localdate()),
            **data,
        )
        if decision.step == PdpStep.MANAGE:
            return f"Decision recorded. The first review is due by {_day(decision.review_due)}"
        return (
            "Decision recorded: not managed as a potentially dangerous person. The case is closed"
        )

    form = PdpDecisionForm(request.POST or None, initial={"version": case.nominal.version})
    extra = {"minimum": minimum_rank()}
    return _save(request, case, form, "cases/pdp_decision.html", "decision", save, extra)


@requires(permissions.MANAGE_CASES)
def review(request, case_id):
    case = queries.get_case(request.user, case_id, changing=True)
    if not case.is_pdp or case.closed_on is not None or case.start_date is None:
        return _unavailable(request, case, "Only a PDP being managed has reviews")

    def save(data) -> str:
        step = pdp.review(actor=request.user, case=case, **data)
        if step.step == PdpStep.CONTINUE:
            return f"Review recorded. The next review is due by {_day(step.review_due)}"
        return "Review recorded: management as a potentially dangerous person has ended"

    form = PdpReviewForm(request.POST or None, initial={"version": case.nominal.version})
    extra = {"minimum": minimum_rank()}
    return _save(request, case, form, "cases/pdp_review.html", "review", save, extra)


@requires(permissions.MANAGE_CASES)
def move_into_mappa(request, case_id):
    case = queries.get_case(request.user, case_id, changing=True)
    if not case.is_pdp or case.closed_on is not None:
        return _unavailable(request, case, "Only an open PDP moves into MAPPA")
    eligibility = for_nominal(case.nominal, timezone.localdate())
    category = mappa_category(eligibility)

    def save(data) -> str:
        data = {**data, "source": DecisionSource(data["source"])}
        pdp.move_into_mappa(actor=request.user, case=case, eligibility=eligibility, **data)
        return f"Now managed under MAPPA: category {case.category}, level {case.level}"

    form = MoveIntoMappaForm(request.POST or None, initial={"version": case.nominal.version})
    extra = {"category": category, "basis": eligibility.basis}
    return _save(request, case, form, "cases/pdp_move.html", "move into MAPPA", save, extra)

"""Disclosure decision pages: a standalone decision about a person, a decision with its
tests and agreements, and the record of the disclosure once made."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.disclosures import queries
from mappa.disclosures.forms.answers import posted
from mappa.disclosures.forms.decisions import DecisionForm, MadeForm
from mappa.disclosures.services import decisions
from mappa.kit.forms import add_service_errors
from mappa.people import queries as people


def _show(decision):
    return redirect("disclosure-decision", decision_id=decision.id)


@requires(permissions.DECIDE_DISCLOSURES)
def new_decision(request, nominal_id):
    nominal = people.get_nominal(request.user, nominal_id, changing=True)
    case = nominal.mappa_cases.filter(closed_on__isnull=True).first()
    form = DecisionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            recorded = decisions.record_decision(
                actor=request.user, nominal=nominal, case=case, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Disclosure decision recorded.")
            return _show(recorded)
    audit.record_read(
        actor=request.user, subject=nominal.id, content="person record, disclosure decision form"
    )
    return render(request, "disclosures/new_decision.html", {"form": form, "nominal": nominal})


@requires(permissions.VIEW_CASES)
def decision(request, decision_id):
    found = queries.get_decision(request.user, decision_id)
    audit.record_read(actor=request.user, subject=found.nominal_id, content="disclosure decision")
    status = decisions.status_of(found)
    may_agree = status == "awaiting_agreement" and (
        (
            found.disclosure_officer_id is None
            and permissions.has_permission(request.user, permissions.DECIDE_DISCLOSURES)
        )
        or (
            found.origin == "meeting"
            and found.chair_id is None
            and permissions.has_permission(request.user, permissions.CHAIR_MEETINGS)
        )
    )
    context = {
        "decision": found,
        "status": status,
        "made": getattr(found, "made", None) if status == "made" else None,
        "may_agree": may_agree,
        "may_record": status == "to_be_made"
        and permissions.has_permission(request.user, permissions.DECIDE_DISCLOSURES),
    }
    return render(request, "disclosures/decision.html", context)


@requires(permissions.VIEW_CASES)
def agree(request, decision_id):
    found = queries.get_decision(request.user, decision_id)
    if request.method == "POST":
        try:
            decisions.agree_decision(actor=request.user, decision=found)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Your agreement is recorded.")
    return _show(found)


@requires(permissions.DECIDE_DISCLOSURES)
def made(request, decision_id):
    found = queries.get_decision(request.user, decision_id)
    if decisions.status_of(found) != "to_be_made":
        return _show(found)
    initial = {"recipient": found.recipient, "made_by": found.discloser, "method": found.method}
    form = MadeForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            decisions.record_disclosure_made(
                actor=request.user, decision=found, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Disclosure recorded.")
            return _show(found)
    audit.record_read(
        actor=request.user, subject=found.nominal_id, content="disclosure decision, made form"
    )
    return render(request, "disclosures/made.html", {"decision": found, "form": form})

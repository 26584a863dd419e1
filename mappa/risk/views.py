"""Risk pages of a case: RoSH assessments, the risk management plan and licence conditions.

Every page finds the case in the reader's scope (404 outside it) and records the read.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.risk import queries, services
from mappa.risk.condition_forms import ConditionForm, ConditionKindForm
from mappa.risk.constants import ConditionKind
from mappa.risk.forms import AssessmentForm, PlanForm


def _may_record(request) -> bool:
    return permissions.has_permission(request.user, permissions.RECORD_RISK)


@requires(permissions.VIEW_CASES)
def assessments(request, case_id):
    case = queries.get_case(request.user, case_id)
    history = list(queries.assessments_of(case))
    audit.record_read(actor=request.user, subject=case.id, content="RoSH assessments")
    context = {
        "case": case,
        "latest": history[0] if history else None,
        "history": history,
        "may_record": _may_record(request) and case.closed_on is None,
    }
    return render(request, "risk/assessments.html", context)


@requires(permissions.VIEW_CASES)
def assessment(request, case_id, assessment_id):
    case, found = queries.get_assessment(request.user, case_id, assessment_id)
    audit.record_read(actor=request.user, subject=case.id, content="RoSH assessment")
    return render(request, "risk/assessment.html", {"case": case, "assessment": found})


@requires(permissions.RECORD_RISK)
def add_assessment(request, case_id):
    case = queries.get_case(request.user, case_id)
    assessors = queries.assessors(case)
    initial = {"assessed_on": timezone.localdate()}
    if any(user.pk == request.user.pk for user in assessors):
        initial["assessor"] = str(request.user.uuid)
    form = AssessmentForm(request.POST or None, assessors=assessors, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_assessment(actor=request.user, case=case, **form.service_arguments())
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, "RoSH assessment recorded")
            return redirect("rosh-assessments", case_id=case.id)
    audit.record_read(actor=request.user, subject=case.id, content="RoSH assessment form")
    return render(request, "risk/assessment_form.html", {"case": case, "form": form})


def _plan_page(request, case, plan, versions):
    today = timezone.localdate()
    conditions = [c for c in queries.conditions_of(case) if c.is_current(today)]
    context = {
        "case": case,
        "plan": plan,
        "versions": versions,
        "is_latest": plan is None or plan.version == versions[0].version,
        "conditions": conditions,
        "may_edit": _may_record(request) and case.closed_on is None,
    }
    return render(request, "risk/plan.html", context)


@requires(permissions.VIEW_CASES)
def plan(request, case_id):
    case, latest = queries.get_plan(request.user, case_id)
    content = f"risk management plan version {latest.version}" if latest else "risk management plan"
    audit.record_read(actor=request.user, subject=case.id, content=content)
    return _plan_page(request, case, latest, list(queries.plans_of(case)))


@requires(permissions.VIEW_CASES)
def plan_version(request, case_id, version):
    case, found = queries.get_plan(request.user, case_id, version)
    audit.record_read(
        actor=request.user, subject=case.id, content=f"risk management plan version {version}"
    )
    return _plan_page(request, case, found, list(queries.plans_of(case)))


def _plan_initial(latest) -> dict:
    if latest is None:
        return {"based_on": None}
    initial = {
        "based_on": latest.version,
        "victim_liaison_input": latest.victim_liaison_input,
        "victim_wishes": latest.victim_wishes,
    }
    for section, entries in latest.sections():
        initial[section.value] = "\n".join(entry.text for entry in entries)
    return initial


@requires(permissions.RECORD_RISK)
def edit_plan(request, case_id):
    case, latest = queries.get_plan(request.user, case_id)
    form = PlanForm(request.POST or None, initial=_plan_initial(latest))
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_plan(actor=request.user, case=case, **form.service_arguments())
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, f"Version {saved.version} of the plan saved")
            return redirect("risk-plan", case_id=case.id)
    content = f"risk management plan version {latest.version}" if latest else "risk management plan"
    audit.record_read(actor=request.user, subject=case.id, content=f"{content}, edit form")
    context = {"case": case, "form": form, "latest": latest}
    return render(request, "risk/plan_form.html", context)


@requires(permissions.VIEW_CASES)
def conditions(request, case_id):
    case = queries.get_case(request.user, case_id)
    today = timezone.localdate()
    found = list(queries.conditions_of(case))
    audit.record_read(actor=request.user, subject=case.id, content="licence conditions")
    context = {
        "case": case,
        "current": [c for c in found if c.is_current(today)],
        "other": [c for c in found if not c.is_current(today)],
        "warnings": queries.zone_warnings(case.nominal, today) if case.closed_on is None else [],
        "may_record": _may_record(request) and case.closed_on is None,
    }
    return render(request, "risk/conditions.html", context)


@requires(permissions.RECORD_RISK)
def choose_condition(request, case_id):
    case = queries.get_case(request.user, case_id)
    form = ConditionKindForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect("add-licence-condition", case_id=case.id, kind=form.cleaned_data["kind"])
    audit.record_read(actor=request.user, subject=case.id, content="licence conditions, add form")
    return render(request, "risk/condition_kind.html", {"case": case, "form": form})


@requires(permissions.RECORD_RISK)
def add_condition(request, case_id, kind):
    case = queries.get_case(request.user, case_id)
    if kind not in ConditionKind.values:
        raise Http404("No such type of condition")
    form = ConditionForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_condition(actor=request.user, case=case, kind=kind, **form.cleaned_data)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, f"{ConditionKind(kind).label} condition recorded")
            return redirect("licence-conditions", case_id=case.id)
    audit.record_read(actor=request.user, subject=case.id, content="licence conditions, add form")
    context = {"case": case, "form": form, "kind": ConditionKind(kind)}
    return render(request, "risk/condition_form.html", context)

"""The risk management plan of a case: the current version and earlier ones, editing it as a
new version, and making an entry of the current plan an action (issue 5: "each entry can be
an action"): the action's text is the entry's, and its source is the plan version."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from mappa.actions import services as actions
from mappa.actions.views import action_form
from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.risk import queries, services
from mappa.risk.forms.plans import PlanForm
from mappa.risk.views import may_record


def _plan_page(request, case, plan, versions):
    today = timezone.localdate()
    conditions = [c for c in queries.conditions_of(case) if c.is_current(today)]
    context = {
        "case": case,
        "plan": plan,
        "versions": versions,
        "is_latest": plan is None or plan.version == versions[0].version,
        "conditions": conditions,
        "may_edit": may_record(request, case),
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
    case, latest = queries.get_plan(request.user, case_id, changing=True)
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


@requires(permissions.RECORD_RISK)
def entry_action(request, case_id, entry_id):
    case, plan = queries.get_plan(request.user, case_id, changing=True)
    entry = plan.entries.filter(pk=entry_id).first() if plan else None
    if entry is None:
        raise Http404("No such entry in the current plan")
    form = action_form(request, case, description=False)
    if request.method == "POST" and form.is_valid():
        try:
            created = actions.create_action(
                actor=request.user,
                case=case,
                description=entry.text,
                source=plan.id,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Action agreed from the plan.")
            return redirect("action", action_id=created.id)
    audit.record_read(
        actor=request.user,
        subject=case.id,
        content=f"risk management plan version {plan.version}, entry to action",
    )
    context = {"form": form, "case": case, "entry": entry, "plan": plan}
    return render(request, "risk/entry_action.html", context)

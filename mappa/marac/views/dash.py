"""The MARAC home page and completing a DASH risk checklist, section by section."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.marac import queries, sections
from mappa.marac.constants import Criterion, DashStatus, RiskBand
from mappa.marac.forms.dash import ChildForm, IncidentForm
from mappa.marac.services import dash as services

PARTICIPATING = permissions.TAKE_PART_IN_MARAC


@requires(PARTICIPATING)
def home(request):
    user = request.user
    context = {
        "may_complete": permissions.has_permission(user, permissions.COMPLETE_DASH),
        "may_manage": permissions.has_permission(user, permissions.MANAGE_MARAC),
        "dashes": queries.dashes_visible_to(user).filter(completed_by=user)[:20],
        "cases": queries.cases_visible_to(user)
        .select_related("victim")
        .order_by("-referred_on")[:50],
        "research": queries.research_for_agency(user).filter(responded_on__isnull=True),
        "today": timezone.localdate(),
    }
    return render(request, "marac/home.html", context)


@requires(permissions.COMPLETE_DASH)
@require_POST
def start(request):
    try:
        dash = services.start_dash(actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("marac")
    return redirect("marac-dash", dash_id=dash.id)


def _editable(request, dash) -> bool:
    return dash.completed_by_id == request.user.id and dash.status == DashStatus.DRAFT


def _outcome(dash):
    result = services.assess(dash, timezone.localdate())
    return {
        "result": result,
        "band": RiskBand(result.band).label,
        "criteria": [Criterion(c).label for c in result.criteria],
    }


@requires(PARTICIPATING)
def dash(request, dash_id):
    """The task list while its author completes it; afterwards the DASH as completed."""
    found = queries.get_dash(request.user, dash_id)
    audit.record_read(actor=request.user, subject=found.id, content="DASH risk checklist")
    context = {"dash": found, "answers": sections.answers(found)}
    if _editable(request, found):
        return render(request, "marac/dash_task_list.html", context)
    context["criteria"] = [Criterion(c).label for c in found.criteria]
    context["case"] = getattr(found, "marac_case", None)
    return render(request, "marac/dash.html", context)


@requires(permissions.COMPLETE_DASH)
def section(request, dash_id, key):
    found = queries.get_dash(request.user, dash_id)
    part = sections.BY_KEY.get(key)
    if part is None or part.form is None:
        raise Http404("No such section")
    if not _editable(request, found):
        return redirect("marac-dash", dash_id=found.id)
    saved = found.sections.get(key, {})
    initial = IncidentForm.as_initial(saved) if key == "incident" and saved else saved
    form = part.form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_section(actor=request.user, dash=found, key=key, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("marac-dash", dash_id=found.id)
    audit.record_read(actor=request.user, subject=found.id, content=f"DASH risk checklist, {key}")
    return render(request, "marac/dash_section.html", {"form": form, "part": part, "dash": found})


@requires(permissions.COMPLETE_DASH)
def children(request, dash_id):
    """The children in the household, added one at a time (the GOV.UK "add to a list" pattern)."""
    found = queries.get_dash(request.user, dash_id)
    if not _editable(request, found):
        return redirect("marac-dash", dash_id=found.id)
    form = ChildForm(request.POST if request.POST.get("do") == "add" else None)
    if request.method == "POST":
        do = request.POST.get("do")
        if do == "add" and form.is_valid():
            services.add_child(actor=request.user, dash=found, data=form.cleaned_data)
            return redirect("marac-dash-children", dash_id=found.id)
        if do == "remove":
            try:
                index = int(request.POST.get("index", ""))
                services.remove_child(actor=request.user, dash=found, index=index)
            except (ValueError, ValidationError):
                messages.error(request, "That child could not be removed.")
            return redirect("marac-dash-children", dash_id=found.id)
        if do == "done":
            services.confirm_children(actor=request.user, dash=found)
            return redirect("marac-dash", dash_id=found.id)
    audit.record_read(actor=request.user, subject=found.id, content="DASH risk checklist, children")
    context = {
        "dash": found,
        "form": form,
        "children": [sections.child_row(c) for c in sections.children(found)],
    }
    return render(request, "marac/dash_children.html", context)


@requires(permissions.COMPLETE_DASH)
def complete(request, dash_id):
    """Check the answers, see the score and criteria, and complete (referring when they are met)."""
    found = queries.get_dash(request.user, dash_id)
    if not _editable(request, found):
        return redirect("marac-dash", dash_id=found.id)
    problems = []
    if request.method == "POST":
        try:
            case = services.complete(actor=request.user, dash=found)
        except ValidationError as error:
            problems = error.messages
        else:
            if case is None:
                messages.success(request, "DASH completed. It meets no MARAC referral criterion.")
                return redirect("marac-dash", dash_id=found.id)
            messages.success(request, "DASH completed and the victim referred to MARAC.")
            return redirect("marac-case", case_id=case.id)
    audit.record_read(actor=request.user, subject=found.id, content="DASH risk checklist, check")
    context = {"dash": found, "answers": sections.answers(found), "problems": problems}
    context |= _outcome(found)
    return render(request, "marac/dash_check.html", context)

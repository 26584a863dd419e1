"""Licence conditions of a case: current and past ones with any exclusion-zone warnings,
choosing a type and recording a condition, and ending one (varied or removed from the licence
on a date)."""

from __future__ import annotations

from django.conf import settings
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
from mappa.risk.constants import ConditionKind
from mappa.risk.forms.conditions import ConditionForm, ConditionKindForm, EndConditionForm
from mappa.risk.views import may_record


def _map(case) -> dict:
    """What the exclusion-zone map draws: the case's zones, the person's addresses, the tiles."""
    return {
        "zones": queries.map_zones(case),
        "addresses": queries.map_addresses(case.nominal),
        "tiles": settings.MAPPA_MAP_TILES_URL,
        "attribution": settings.MAPPA_MAP_TILES_ATTRIBUTION,
    }


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
        "may_record": may_record(request, case),
        "map": _map(case),
    }
    return render(request, "risk/conditions.html", context)


@requires(permissions.RECORD_RISK)
def choose_condition(request, case_id):
    case = queries.get_case(request.user, case_id, changing=True)
    form = ConditionKindForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect("add-licence-condition", case_id=case.id, kind=form.cleaned_data["kind"])
    audit.record_read(actor=request.user, subject=case.id, content="licence conditions, add form")
    return render(request, "risk/condition_kind.html", {"case": case, "form": form})


@requires(permissions.RECORD_RISK)
def add_condition(request, case_id, kind):
    case = queries.get_case(request.user, case_id, changing=True)
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
    if kind == ConditionKind.EXCLUSION_ZONE:
        context["map"] = _map(case)
    return render(request, "risk/condition_form.html", context)


@requires(permissions.RECORD_RISK)
def end_condition(request, case_id, condition_id):
    case = queries.get_case(request.user, case_id, changing=True)
    condition = queries.conditions_of(case).filter(id=condition_id).first()
    if condition is None:
        raise Http404("No such condition")
    form = EndConditionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.end_condition(actor=request.user, condition=condition, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"{condition.get_kind_display()} condition end date recorded."
            )
            return redirect("licence-conditions", case_id=case.id)
    audit.record_read(actor=request.user, subject=case.id, content="licence condition, end form")
    return render(
        request, "risk/end_condition.html", {"case": case, "condition": condition, "form": form}
    )

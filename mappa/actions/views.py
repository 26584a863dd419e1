from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from mappa.actions import queries, rules, services
from mappa.actions.constants import Status
from mappa.actions.forms import ActionForm, FilterForm, UpdateForm
from mappa.agencies import permissions
from mappa.agencies.models import Agency, User
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases.queries import get_case
from mappa.kit.forms import add_service_errors


def _rag(action, today):
    return queries.status_of(action, today)


@requires(permissions.VIEW_CASES)
def dashboard(request):
    """The co-ordinator sees the area's actions by agency; everyone else their agency's."""
    whole_area = permissions.has_permission(request.user, permissions.MANAGE_MEETINGS)
    actions = (
        queries.for_area(request.user) if whole_area else queries.owned_by_agency(request.user)
    )
    agencies = Agency.objects.filter(area_id=request.user.area_id) if whole_area else None
    form = FilterForm(request.GET or None, agencies=agencies)
    wanted = form.cleaned_data if form.is_valid() else {}
    if wanted.get("agency"):
        actions = actions.filter(owner_agency=wanted["agency"])
    closed = wanted.get("status") == "closed"
    actions = actions.exclude(status=Status.OPEN) if closed else actions.filter(status=Status.OPEN)
    today = timezone.localdate()
    rows = [
        (action, _rag(action, today))
        for action in actions.select_related("case__nominal", "owner_agency", "owner_user")
    ]
    if wanted.get("status") in (rules.OVERDUE, rules.DUE_SOON):
        rows = [(action, rag) for action, rag in rows if rag == wanted["status"]]
    context = {
        "rows": rows,
        "form": form,
        "whole_area": whole_area,
        "due_soon_days": settings.MAPPA_ACTION_DUE_SOON_DAYS,
    }
    return render(request, "actions/dashboard.html", context)


@requires(permissions.VIEW_CASES)
def action(request, action_id):
    found = queries.get_action(request.user, action_id)
    audit.record_read(actor=request.user, subject=found.case_id, content="action")
    may_update = queries.may_update(request.user, found) and found.status == Status.OPEN
    form = UpdateForm(request.POST or None) if may_update else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.update_action(actor=request.user, action=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Update recorded.")
            return redirect("action", action_id=found.id)
    context = {
        "action": found,
        "rag": _rag(found, timezone.localdate()),
        "form": form,
    }
    return render(request, "actions/action.html", context)


def action_form(request, case, **kwargs) -> ActionForm:
    """The form for agreeing an action on a case: owners come from the case's area."""
    agencies = Agency.objects.filter(area_id=case.nominal.area_id)
    people = User.objects.filter(agency__in=agencies, is_active=True).select_related("agency")
    return ActionForm(request.POST or None, agencies=agencies, people=people, **kwargs)


@requires(permissions.MANAGE_CASES)
def new_action(request, case_id):
    case = get_case(request.user, case_id, changing=True)
    form = action_form(request, case)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_action(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Action agreed.")
            return redirect("action", action_id=created.id)
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case, new action form")
    return render(request, "actions/new.html", {"form": form, "case": case})

"""Making an entry of the current risk management plan an action (issue 5: "each entry can be
an action"): the action's text is the entry's, and its source is the plan version."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from mappa.actions import services as actions
from mappa.actions.views import action_form
from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.risk import queries


@requires(permissions.RECORD_RISK)
def entry_action(request, case_id, entry_id):
    case, plan = queries.get_plan(request.user, case_id)
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

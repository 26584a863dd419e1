"""Ending a licence condition: varied or removed from the licence on a date."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import GovukForm, add_service_errors, date_field
from mappa.risk import queries, services


class EndConditionForm(GovukForm):
    ends_on = date_field("Last day the condition applies", required=True)


@requires(permissions.RECORD_RISK)
def end_condition(request, case_id, condition_id):
    case = queries.get_case(request.user, case_id)
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

"""Changing a temporary stay in another area, or ending it early (docs/transfers.md): the area
that recorded the stay, while it manages the case. Each form carries the stay's version."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import dateformat

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases import queries
from mappa.cases.forms.transfers import StayChangeForm, StayEndForm
from mappa.cases.services import stays
from mappa.kit.forms import add_service_errors

STEPS = {
    # step: (heading, button, service, done)
    "change": (
        "Change the temporary stay",
        "Save the changes",
        stays.change_stay,
        "The stay has been changed and {area} has been told",
    ),
    "end": (
        "End the temporary stay early",
        "End the stay",
        stays.end_stay_early,
        "The stay ends on {last} and {area} has been told",
    ),
}


def _step(request, found, step: str, form):
    """A change or early end of a stay of the user's area's case (404 otherwise): a refusal, a
    stale save too, is shown on the form with what was typed, and nothing is changed."""
    heading, button, service, done = STEPS[step]
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, stay=found, **form.cleaned_data)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            last = dateformat.format(found.ends_on, "j F Y")
            messages.success(request, done.format(area=found.host_area.name, last=last))
            return redirect("temporary-stay", stay_id=found.id)
    audit.record_read(
        actor=request.user, subject=found.case_id, content=f"temporary stay, {step} form"
    )
    context = {"stay": found, "case": found.case, "form": form, "heading": heading}
    return render(request, "cases/stay_step.html", context | {"button": button})


@requires(permissions.MANAGE_CASES)
def change_stay(request, stay_id):
    found = queries.get_stay_to_change(request.user, stay_id)
    initial = {
        "version": found.version,
        "address": found.address,
        "starts_on": found.starts_on,
        "ends_on": found.ends_on,
    }
    return _step(request, found, "change", StayChangeForm(request.POST or None, initial=initial))


@requires(permissions.MANAGE_CASES)
def end_stay(request, stay_id):
    found = queries.get_stay_to_change(request.user, stay_id)
    form = StayEndForm(request.POST or None, initial={"version": found.version})
    return _step(request, found, "end", form)

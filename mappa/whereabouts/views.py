"""The pages of a time of whereabouts unknown: reporting it from the case page, the report with
its search log and the offer of an urgent meeting, logging a search action, and its end."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases.queries import get_case
from mappa.kit.forms import add_service_errors
from mappa.whereabouts import queries, rules, services
from mappa.whereabouts.constants import Ending, Kind
from mappa.whereabouts.forms import EndForm, ReportForm, SearchActionForm, UrgentMeetingForm


def _refused(form, error: ValidationError) -> None:
    """A service's refusal on the form, a problem with a moment shown on its date."""
    if hasattr(error, "error_dict"):
        renamed = form.moment_errors()
        error = ValidationError(
            {renamed.get(field, field): problems for field, problems in error.message_dict.items()}
        )
    add_service_errors(form, error)


@requires(permissions.MANAGE_CASES)
def report(request, case_id):
    case = get_case(request.user, case_id)
    if not queries.may_report(request.user, case):
        raise PermissionDenied(services.NOT_YOURS)
    if (current := queries.open_report(case)) is not None:
        return redirect("whereabouts-report", report_id=current.id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.report_whereabouts_unknown(
                actor=request.user,
                case=case,
                kind=Kind(data["kind"]),
                started_at=data["started_at"],
                what_is_known=data["what_is_known"],
                police_reference=data["police_reference"],
            )
        except ValidationError as refused:
            _refused(form, refused)
        else:
            messages.success(
                request, "Whereabouts unknown reported. The chair and co-ordinator have been told."
            )
            return redirect("whereabouts-report", report_id=made.id)
    audit.record_read(
        actor=request.user, subject=case.id, content="MAPPA case, whereabouts unknown form"
    )
    return render(request, "whereabouts/report_form.html", {"case": case, "form": form})


@requires(permissions.VIEW_CASES)
def report_page(request, report_id):
    found = queries.get_report(request.user, report_id)
    audit.record_read(actor=request.user, subject=found.case_id, content="whereabouts report")
    now = timezone.now()
    is_open = found.is_open
    context = {
        "report": found,
        "case": found.case,
        "missing_for": rules.time_missing(started_at=found.started_at, now=found.ended_at or now),
        "may_end": is_open and queries.may_report(request.user, found.case),
        "may_search": is_open and queries.may_search(request.user, found.case),
        "may_call_meeting": is_open and queries.may_call_meeting(request.user),
        "urgent_meeting": found.urgent_item.meeting if found.urgent_item else None,
    }
    return render(request, "whereabouts/report.html", context)


def _open_report(request, report_id):
    """The report in the user's scope, or None (with a message) when it has ended."""
    found = queries.get_report(request.user, report_id)
    if not found.is_open:
        messages.error(request, "This report has ended: nothing more can be added to it.")
        return None
    return found


def _report_form(request, found, form, *, template: str, save, done: str):
    if request.method == "POST" and form.is_valid():
        try:
            save(found, form.cleaned_data)
        except ValidationError as refused:
            _refused(form, refused)
        else:
            messages.success(request, done)
            return redirect("whereabouts-report", report_id=found.id)
    audit.record_read(actor=request.user, subject=found.case_id, content="whereabouts report")
    return render(request, template, {"report": found, "case": found.case, "form": form})


@requires(permissions.MANAGE_CASES)
def add_search_action(request, report_id):
    def save(found, data):
        services.add_search_action(
            actor=request.user,
            report=found,
            version=data["version"],
            done_at=data["done_at"],
            what_was_done=data["what_was_done"],
            outcome=data["outcome"],
        )

    if (found := _open_report(request, report_id)) is None:
        return redirect("whereabouts-report", report_id=report_id)
    form = SearchActionForm(request.POST or None, initial={"version": found.version})
    return _report_form(
        request,
        found,
        form,
        template="whereabouts/search_action_form.html",
        save=save,
        done="Search action recorded.",
    )


@requires(permissions.MANAGE_CASES)
def end(request, report_id):
    def save(found, data):
        services.end_whereabouts_unknown(
            actor=request.user,
            report=found,
            version=data["version"],
            ending=Ending(data["ending"]),
            ended_at=data["ended_at"],
            note=data["note"],
        )

    if (found := _open_report(request, report_id)) is None:
        return redirect("whereabouts-report", report_id=report_id)
    if not queries.may_report(request.user, found.case):
        raise PermissionDenied(services.NOT_YOURS)
    form = EndForm(request.POST or None, initial={"version": found.version})
    return _report_form(
        request,
        found,
        form,
        template="whereabouts/end_form.html",
        save=save,
        done="The end of whereabouts unknown is recorded.",
    )


@require_POST
@requires(permissions.MANAGE_MEETINGS)
def urgent_meeting(request, report_id):
    found = queries.get_report(request.user, report_id)
    form = UrgentMeetingForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    try:
        item, scheduled = services.list_at_urgent_meeting(
            actor=request.user, report=found, version=version
        )
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect("whereabouts-report", report_id=found.id)
    meeting = item.meeting
    when = f"{meeting.date.day} {meeting.date:%B %Y}"
    messages.success(
        request,
        f"Urgent meeting called for {when}: the case is on its agenda."
        if scheduled
        else f"The case is on the agenda of the urgent meeting on {when}.",
    )
    return redirect("meeting", meeting_id=meeting.id)

"""The chair's page for the day: attendance, the MAPPA D statement, and recording it held."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.kit.forms import add_service_errors
from mappa.meetings.constants import AttendanceStatus
from mappa.meetings.forms.meetings import AttendeeForm, StatementForm
from mappa.meetings.queries import meetings
from mappa.meetings.services import attendance as services


def _page(request, meeting, form=None, statement_form=None, problems=None):
    statement = {"read": {True: "yes", False: "no"}.get(meeting.statement_read)}
    context = {
        "meeting": meeting,
        "form": form or AttendeeForm(people=meetings.people_to_invite(meeting)),
        "statement_form": statement_form or StatementForm(initial=statement),
        "invitations": meetings.meeting_invitations(meeting),
        "records": meetings.attendance_for(meeting),
        "statuses": AttendanceStatus.choices,
        "problems": problems or [],
    }
    return render(request, "meetings/attendance.html", context)


@requires(permissions.CHAIR_MEETINGS)
def attendance(request, meeting_id):
    """Record someone without an invitation (the minute-taker, say): chosen from the accounts of
    the area, or by name and agency for someone without one."""
    found = meetings.get_meeting(request.user, meeting_id)
    form = AttendeeForm(request.POST or None, people=meetings.people_to_invite(found))
    if request.method == "POST" and form.is_valid():
        try:
            services.record_attendance(actor=request.user, meeting=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            who = form.cleaned_data["user"]
            name = who.display_name if who else form.cleaned_data["name"]
            messages.success(request, f"{name} recorded.")
            return redirect("attendance", meeting_id=found.id)
    return _page(request, found, form=form)


@require_POST
@requires(permissions.CHAIR_MEETINGS)
def record_invitee(request, meeting_id, invitation_id):
    """One click per invitee: attended, apologies or absent, with or without a report."""
    found = meetings.get_meeting(request.user, meeting_id)
    invitation = meetings.get_live_invitation(found, invitation_id)
    try:
        services.record_attendance(
            actor=request.user,
            meeting=found,
            status=request.POST.get("status", ""),
            user=invitation.invitee_user,
            name=request.POST.get("name", ""),
            report_received=request.POST.get("report_received") == "yes",
            invitation=invitation,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("attendance", meeting_id=found.id)


@require_POST
@requires(permissions.CHAIR_MEETINGS)
def remove_record(request, meeting_id, attendance_id):
    found = meetings.get_meeting(request.user, meeting_id)
    record = meetings.get_attendance(found, attendance_id)
    try:
        services.remove_attendance(actor=request.user, record=record)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("attendance", meeting_id=found.id)


@require_POST
@requires(permissions.CHAIR_MEETINGS)
def statement(request, meeting_id):
    found = meetings.get_meeting(request.user, meeting_id)
    form = StatementForm(request.POST)
    if not form.is_valid():
        return _page(request, found, statement_form=form)
    try:
        services.record_statement(
            actor=request.user, meeting=found, read=form.cleaned_data["read"] == "yes"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("attendance", meeting_id=found.id)


@require_POST
@requires(permissions.CHAIR_MEETINGS)
def held(request, meeting_id):
    found = meetings.get_meeting(request.user, meeting_id)
    try:
        services.mark_held(actor=request.user, meeting=found, today=timezone.localdate())
    except ValidationError as error:
        return _page(request, found, problems=error.messages)
    messages.success(request, "The meeting is recorded as held.")
    return redirect("meeting", meeting_id=found.id)

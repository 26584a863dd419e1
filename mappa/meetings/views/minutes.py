"""The minutes of a meeting: reading them, starting and writing the draft, approving them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.kit.forms import add_service_errors
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.forms.minutes import CaseMinutesForm
from mappa.meetings.models.minutes import TEXT_SECTIONS
from mappa.meetings.queries import meetings
from mappa.meetings.queries import minutes as read
from mappa.meetings.services import approval, circulation, minutes


def _context(request, meeting, found=None, problems=(), problems_title="") -> dict:
    user = request.user
    draft = meeting.status == MeetingStatus.MINUTES_DRAFT
    return {
        "meeting": meeting,
        "minutes": found,
        "rows": read.shown_rows(user, meeting) if found else [],
        "people": read.attendance_lists(meeting),
        "may_write": draft and read.writes_minutes(user, meeting),
        "may_approve": draft and read.is_chair(user, meeting),
        "may_start": found is None
        and meeting.status == MeetingStatus.HELD
        and read.writes_minutes(user, meeting),
        "may_circulate": meeting.status == MeetingStatus.MINUTES_APPROVED
        and permissions.role_has(user, permissions.MANAGE_MEETINGS),
        "may_track": read.writes_minutes(user, meeting),
        "final": meeting.status in read.FINAL,
        "problems": problems,
        "problems_title": problems_title or "The minutes cannot be approved yet",
        "shares": read.shares_of(found, user) if found and meeting.status in read.FINAL else [],
    }


@requires(permissions.VIEW_CASES)
def minutes_page(request, meeting_id):
    """The whole minutes as the user may read them: restricted items show as Restricted."""
    meeting = meetings.get_meeting(request.user, meeting_id, reading=True)
    found = getattr(meeting, "minutes", None)
    if found is None:
        context = _context(request, meeting)
        if not context["may_start"]:
            raise Http404("No minutes yet")
        return render(request, "meetings/minutes.html", context)
    found = read.get_minutes(request.user, meeting)
    circulation.record_read(actor=request.user, minutes=found)
    return render(request, "meetings/minutes.html", _context(request, meeting, found))


@require_POST
@requires(permissions.CHAIR_MEETINGS)
def start(request, meeting_id):
    meeting = meetings.get_meeting(request.user, meeting_id)
    try:
        minutes.start_minutes(actor=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Draft minutes started.")
    return redirect("minutes", meeting_id=meeting.id)


@requires(permissions.CHAIR_MEETINGS)
def edit_case(request, meeting_id, item_id):
    meeting = meetings.get_meeting(request.user, meeting_id)
    found = read.get_minutes(request.user, meeting)
    case_minutes = read.get_case_minutes(request.user, meeting, item_id)
    initial = {field: getattr(case_minutes, field) for field in TEXT_SECTIONS}
    initial |= {
        "discussed": "yes" if case_minutes.discussed else "no",
        "not_discussed_reason": case_minutes.not_discussed_reason,
        "version": case_minutes.version,
    }
    form = CaseMinutesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            minutes.save_case_minutes(
                actor=request.user, case_minutes=case_minutes, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Minutes saved.")
            return redirect(_anchor(meeting, case_minutes))
    circulation.record_read(actor=request.user, minutes=found, content="case minutes, edit form")
    context = {"form": form, "meeting": meeting, "case_minutes": case_minutes}
    return render(request, "meetings/minutes_case_form.html", context)


def _anchor(meeting, case_minutes) -> str:
    url = reverse("minutes", kwargs={"meeting_id": meeting.id})
    return f"{url}#case-{case_minutes.agenda_item_id}"


@require_POST
@requires(permissions.CHAIR_MEETINGS)
def send_for_approval(request, meeting_id):
    """The minute-taker tells the chair and co-chair the draft is ready to approve."""
    meeting = meetings.get_meeting(request.user, meeting_id)
    found = read.get_minutes(request.user, meeting)
    try:
        approval.send_for_approval(actor=request.user, meeting=meeting)
    except ValidationError as error:
        circulation.record_read(actor=request.user, minutes=found)
        title = "The minutes cannot be sent to the chair yet"
        context = _context(request, meeting, found, error.messages, title)
        return render(request, "meetings/minutes.html", context, status=200)
    messages.success(request, "The chair has been sent a link to approve the minutes.")
    return redirect("minutes", meeting_id=meeting.id)


@require_POST
@requires(permissions.CHAIR_MEETINGS)
def approve(request, meeting_id):
    meeting = meetings.get_meeting(request.user, meeting_id)
    found = read.get_minutes(request.user, meeting)
    try:
        approval.approve_minutes(actor=request.user, meeting=meeting)
    except ValidationError as error:
        circulation.record_read(actor=request.user, minutes=found)
        context = _context(request, meeting, found, problems=error.messages)
        return render(request, "meetings/minutes.html", context, status=200)
    messages.success(request, "Minutes approved. The meeting's decisions now apply to the cases.")
    return redirect("minutes", meeting_id=meeting.id)

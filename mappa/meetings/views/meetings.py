"""Meeting pages: the list, series, scheduling, a meeting with its agenda, its details."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.meetings import rules
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.forms.meetings import MeetingDetailsForm, MeetingForm, SeriesForm
from mappa.meetings.queries import meetings as queries
from mappa.meetings.queries import minutes
from mappa.meetings.services import scheduling


@requires(permissions.VIEW_CASES)
def meeting_list(request):
    today = timezone.localdate()
    meetings = queries.meetings_visible_to(request.user).select_related("series")
    context = {
        "upcoming": meetings.filter(date__gte=today).exclude(status=MeetingStatus.CANCELLED),
        "past": meetings.filter(date__lt=today).order_by("-date")[:20],
        "series": queries.series_for(request.user),
        "may_manage": permissions.has_permission(request.user, permissions.MANAGE_MEETINGS),
        "invitations": queries.invitations_for(request.user).filter(
            agenda_item__meeting__date__gte=today
        ),
    }
    return render(request, "meetings/list.html", context)


@requires(permissions.MANAGE_MEETINGS)
def new_series(request):
    form = SeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            series = scheduling.create_series(actor=request.user, **form.cleaned_data)
            scheduling.schedule_series_meetings(
                actor=request.user, series=series, today=timezone.localdate()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{series.name} set up, with its next meetings scheduled.")
            return redirect("meetings")
    return render(request, "meetings/series_form.html", {"form": form})


@require_POST
@requires(permissions.MANAGE_MEETINGS)
def schedule_series(request, series_id):
    series = queries.get_series(request.user, series_id)
    added = scheduling.schedule_series_meetings(
        actor=request.user, series=series, today=timezone.localdate()
    )
    messages.success(request, f"{len(added)} more meetings of {series.name} scheduled.")
    return redirect("meetings")


@requires(permissions.MANAGE_MEETINGS)
def new_meeting(request):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = scheduling.schedule_meeting(
                actor=request.user,
                level=data["level"],
                on=data["date"],
                start_time=data["start_time"],
                end_time=data["end_time"],
                venue=data["venue"],
                video_link=data["video_link"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("meeting", meeting_id=meeting.id)
    return render(request, "meetings/meeting_form.html", {"form": form})


def _overruns(meeting, rows) -> bool:
    slotted = [(row.item.starts_at, row.item.ends_at) for row in rows]
    return rules.overruns(slotted=slotted, end=meeting.end_time)


@requires(permissions.VIEW_CASES)
def meeting(request, meeting_id):
    """The meeting and its agenda; items the user is not part of show as restricted."""
    found = queries.get_meeting(request.user, meeting_id, reading=True)
    rows = queries.agenda_for(request.user, found)
    audit.record_read(actor=request.user, subject=found.id, content="meeting agenda")
    user = request.user
    context = {
        "meeting": found,
        "rows": rows,
        "overruns": _overruns(found, rows),
        "may_manage": permissions.has_permission(user, permissions.MANAGE_MEETINGS)
        and found.status == MeetingStatus.PLANNED,
        "may_chair": permissions.has_permission(user, permissions.CHAIR_MEETINGS)
        and found.status in (MeetingStatus.PLANNED, MeetingStatus.HELD),
        "my_invitations": queries.invitations_for(user).filter(agenda_item__meeting=found),
        "slot_minutes": settings.MAPPA_MEETING_SLOT_MINUTES,
        "minutes_link": _shows_minutes(user, found),
    }
    return render(request, "meetings/meeting.html", context)


def _shows_minutes(user, meeting) -> bool:
    """Whether to link the minutes: they exist and the user may read them, or may start them."""
    if hasattr(meeting, "minutes"):
        return minutes.may_read(user, meeting)
    return meeting.status == MeetingStatus.HELD and minutes.writes_minutes(user, meeting)


@requires(permissions.MANAGE_MEETINGS)
def meeting_details(request, meeting_id):
    found = queries.get_meeting(request.user, meeting_id)
    initial = {field: getattr(found, field) for field in MeetingDetailsForm.base_fields}
    initial |= {
        "chair": found.chair and found.chair.uuid,
        "co_chair": found.co_chair and found.co_chair.uuid,
    }
    form = MeetingDetailsForm(
        request.POST or None, initial=initial, chairs=queries.possible_chairs(found)
    )
    if request.method == "POST" and form.is_valid():
        try:
            scheduling.change_meeting(actor=request.user, meeting=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Meeting details saved.")
            return redirect("meeting", meeting_id=found.id)
    return render(request, "meetings/details_form.html", {"form": form, "meeting": found})


@require_POST
@requires(permissions.MANAGE_MEETINGS)
def cancel(request, meeting_id):
    found = queries.get_meeting(request.user, meeting_id)
    try:
        scheduling.cancel_meeting(actor=request.user, meeting=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Meeting cancelled. Invitations were withdrawn.")
    return redirect("meeting", meeting_id=found.id)

"""A meeting series' page and its standing members."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.kit.forms import add_service_errors
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.forms.meetings import StandingMembersForm
from mappa.meetings.queries import meetings as queries
from mappa.meetings.services import standing


@requires(permissions.VIEW_CASES)
def series(request, series_id):
    """The series: when and where it meets, its standing members and its next meetings."""
    found = queries.get_series(request.user, series_id)
    context = {
        "series": found,
        "members": queries.standing_members(found),
        "upcoming": found.meetings.filter(date__gte=timezone.localdate()).exclude(
            status=MeetingStatus.CANCELLED
        ),
        "may_manage": permissions.has_permission(request.user, permissions.MANAGE_MEETINGS),
    }
    return render(request, "meetings/series.html", context)


@requires(permissions.MANAGE_MEETINGS)
def standing_members(request, series_id):
    found = queries.get_series(request.user, series_id)
    initial = {
        "members": [str(user.uuid) for user in found.standing_members.all()],
        "version": found.version,
    }
    form = StandingMembersForm(
        request.POST or None,
        initial=initial,
        people=queries.people_who_see_cases(found.area_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            standing.set_standing_members(actor=request.user, series=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Standing members of {found.name} saved.")
            return redirect("meeting-series", series_id=found.id)
    return render(request, "meetings/series_members_form.html", {"form": form, "series": found})

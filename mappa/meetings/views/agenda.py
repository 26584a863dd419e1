"""Building the agenda and inviting people to its items; invitees' responses."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.meetings.forms.meetings import InviteForm, ResponseForm, UrgentItemForm
from mappa.meetings.queries import meetings
from mappa.meetings.services import invitations, scheduling


@require_POST
@requires(permissions.MANAGE_MEETINGS)
def build_agenda(request, meeting_id):
    found = meetings.get_meeting(request.user, meeting_id)
    try:
        added = scheduling.build_agenda(actor=request.user, meeting=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        count = len(added)
        messages.success(
            request,
            f"{count} case{'s' if count != 1 else ''} added to the agenda."
            if count
            else "No more cases are due at this meeting.",
        )
    return redirect("meeting", meeting_id=found.id)


@requires(permissions.MANAGE_MEETINGS)
def add_urgent(request, meeting_id):
    found = meetings.get_meeting(request.user, meeting_id)
    cases = list(meetings.open_cases_in_area(request.user, found).order_by("nominal__surname"))
    form = UrgentItemForm(request.POST or None, cases=cases)
    if request.method == "POST" and form.is_valid():
        case = next(case for case in cases if str(case.id) == form.cleaned_data["case"])
        try:
            scheduling.add_urgent_item(
                actor=request.user, meeting=found, case=case, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{case.nominal.full_name} added to the agenda.")
            return redirect("meeting", meeting_id=found.id)
    return render(request, "meetings/urgent_form.html", {"form": form, "meeting": found})


@require_POST
@requires(permissions.MANAGE_MEETINGS)
def remove_item(request, meeting_id, item_id):
    found = meetings.get_meeting(request.user, meeting_id)
    item = meetings.get_item(request.user, found, item_id)
    try:
        scheduling.remove_item(actor=request.user, item=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("meeting", meeting_id=found.id)


@requires(permissions.MANAGE_MEETINGS)
def invite(request, meeting_id, item_id):
    found = meetings.get_meeting(request.user, meeting_id)
    item = meetings.get_item(request.user, found, item_id)
    people = list(meetings.people_to_invite(found))
    agencies = list(meetings.agencies_to_invite(found))
    form = InviteForm(request.POST or None, people=people, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        person = next((p for p in people if str(p.uuid) == form.cleaned_data["person"]), None)
        agency = next((a for a in agencies if str(a.id) == form.cleaned_data["agency"]), None)
        try:
            invitation = invitations.invite(
                actor=request.user, item=item, user=person, agency=agency
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{invitation.invitee_name} invited.")
            return redirect("invite", meeting_id=found.id, item_id=item.id)
    audit.record_read(actor=request.user, subject=item.case_id, content="MAPPA case, invitations")
    context = {
        "form": form,
        "meeting": found,
        "item": item,
        "invitations": meetings.live_invitations(item),
    }
    return render(request, "meetings/invite.html", context)


@require_POST
@requires(permissions.MANAGE_MEETINGS)
def withdraw(request, meeting_id, invitation_id):
    found = meetings.get_meeting(request.user, meeting_id)
    invitation = meetings.get_live_invitation(found, invitation_id)
    if invitation.agenda_item_id not in meetings.visible_item_ids(request.user, found):
        raise Http404("No such invitation")
    invitations.withdraw(actor=request.user, invitation=invitation)
    messages.success(request, f"Invitation to {invitation.invitee_name} withdrawn.")
    return redirect("invite", meeting_id=found.id, item_id=invitation.agenda_item_id)


@requires(permissions.VIEW_CASES)
def respond(request, invitation_id):
    """The invitee's page: when and where, their item's time, and their answer."""
    invitation = meetings.get_invitation(request.user, invitation_id)
    meeting = invitation.agenda_item.meeting
    initial = {
        "response": invitation.response,
        "note": invitation.response_note,
        "version": invitation.version,
    }
    form = ResponseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            invitations.respond(actor=request.user, invitation=invitation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your response has been recorded.")
            return redirect("meeting", meeting_id=meeting.id)
    context = {"form": form, "invitation": invitation, "meeting": meeting}
    return render(request, "meetings/respond.html", context)

"""After approval: circulation and its tracking, onward sharing with the chair's agreement, and
the PDF."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.forms.minutes import ShareDecisionForm, ShareForm
from mappa.meetings.queries import meetings
from mappa.meetings.queries import minutes as read
from mappa.meetings.services import circulation, sharing


def _final(request, meeting_id):
    meeting = meetings.get_meeting(request.user, meeting_id)
    found = read.get_minutes(request.user, meeting)
    if meeting.status not in read.FINAL:
        raise Http404("The minutes are not approved yet")
    return meeting, found


@require_POST
@requires(permissions.MANAGE_MEETINGS)
def circulate(request, meeting_id):
    meeting, _ = _final(request, meeting_id)
    try:
        sent = circulation.circulate(actor=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Minutes circulated to {len(sent)} people.")
    return redirect("minutes-circulation", meeting_id=meeting.id)


@requires(permissions.CHAIR_MEETINGS)
def tracking(request, meeting_id):
    """Who the minutes went to and when, who has opened them, and requests to share them."""
    meeting, found = _final(request, meeting_id)
    if not read.writes_minutes(request.user, meeting):
        raise Http404("No such minutes")
    audit.record_read(actor=request.user, subject=meeting.id, content="minutes circulation")
    context = {
        "meeting": meeting,
        "minutes": found,
        "sent": found.circulation.select_related("recipient__agency"),
        "not_sent": circulation.recipients(meeting)
        if meeting.status == MeetingStatus.MINUTES_APPROVED
        else [],
        "deadline": circulation.deadline(meeting),
        "working_days": settings.MAPPA_MINUTES_CIRCULATION_WORKING_DAYS,
        "shares": read.shares_of(found, request.user),
        "may_circulate": meeting.status == MeetingStatus.MINUTES_APPROVED
        and permissions.role_has(request.user, permissions.MANAGE_MEETINGS),
        "is_chair": read.is_chair(request.user, meeting),
    }
    return render(request, "meetings/circulation.html", context)


@requires(permissions.VIEW_CASES)
def request_share(request, meeting_id, item_id):
    meeting, found = _final(request, meeting_id)
    case_minutes = read.get_case_minutes(request.user, meeting, item_id)
    form = ShareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sharing.request_share(
                actor=request.user,
                minutes=found,
                item=case_minutes.agenda_item,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Request sent to the chair. Do not share until they agree.")
            return redirect("minutes", meeting_id=meeting.id)
    audit.record_read(actor=request.user, subject=meeting.id, content="case minutes, share form")
    context = {"form": form, "meeting": meeting, "case_minutes": case_minutes}
    return render(request, "meetings/share_form.html", context)


@requires(permissions.CHAIR_MEETINGS)
def decide_share(request, meeting_id, share_id):
    meeting, found = _final(request, meeting_id)
    share = read.get_share(request.user, found, share_id)
    form = ShareDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sharing.decide_share(
                actor=request.user,
                share=share,
                approve=form.cleaned_data["decision"] == "yes",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your decision is recorded.")
            return redirect("minutes-circulation", meeting_id=meeting.id)
    audit.record_read(actor=request.user, subject=meeting.id, content="minutes share request")
    return render(
        request, "meetings/share_decision.html", {"form": form, "meeting": meeting, "share": share}
    )


@require_POST
@requires(permissions.VIEW_CASES)
def record_shared(request, meeting_id, share_id):
    meeting, found = _final(request, meeting_id)
    share = read.get_share(request.user, found, share_id)
    try:
        sharing.record_shared(actor=request.user, share=share)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Recorded as shared with {share.recipient_name}.")
    return redirect("minutes", meeting_id=meeting.id)


@requires(permissions.VIEW_CASES)
def minutes_pdf(request, meeting_id):
    """The approved minutes as a PDF for the reader: only the cases they may see."""
    meeting, found = _final(request, meeting_id)
    document = circulation.export_minutes(actor=request.user, meeting=meeting)
    circulation.record_read(actor=request.user, minutes=found, content="meeting minutes (PDF)")
    response = HttpResponse(document, content_type="application/pdf")
    name = f"mappa-minutes-{meeting.date:%Y-%m-%d}-{timezone.localdate():%Y%m%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

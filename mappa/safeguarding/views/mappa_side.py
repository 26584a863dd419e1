"""The co-ordinator's side of the MASH link: named persons, publishing the weekly list,
feedback after the meeting, outcomes flowing back, and referrals to the MASH."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases.queries import get_case
from mappa.kit.forms import add_service_errors
from mappa.meetings.queries.meetings import get_meeting
from mappa.safeguarding import queries, rules
from mappa.safeguarding.forms import DesignateForm, FeedbackForm, ReferralForm
from mappa.safeguarding.models import PreMeetingSummary
from mappa.safeguarding.services import case_lists, exchange

PUBLISH = permissions.PUBLISH_CASE_LIST


@requires(PUBLISH)
def publish(request):
    user = request.user
    if request.method == "POST":
        try:
            case_list = case_lists.publish_case_list(actor=user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Case list published. The named persons have been told.")
            return redirect("mash-published", case_list_id=case_list.id)
    items = case_lists.items_for_case_list(user.area, timezone.localdate())
    context = {
        "named_persons": queries.named_persons(user.area),
        "limit": settings.MAPPA_MASH_NAMED_PERSONS_PER_AREA,
        "items": items,
        "days": settings.MAPPA_MASH_CASE_LIST_DAYS,
        "published": queries.published_for(user)[:10],
        "referrals": queries.referrals_for(user)[:10],
    }
    return render(request, "safeguarding/publish.html", context)


@requires(PUBLISH)
def designate(request):
    form = DesignateForm(
        request.POST or None, people=queries.people_to_designate(request.user.area)
    )
    if request.method == "POST" and form.is_valid():
        try:
            case_lists.designate_named_person(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Named person added.")
            return redirect("mash-publish")
    return render(request, "safeguarding/designate.html", {"form": form})


@requires(PUBLISH)
@require_POST
def end_designation(request, designation_id):
    designation = queries.get_designation(request.user, designation_id)
    case_lists.end_designation(actor=request.user, designation=designation)
    messages.success(request, f"{designation.user.display_name} is no longer a named person.")
    return redirect("mash-publish")


@requires(PUBLISH)
def published(request, case_list_id):
    found = queries.get_published(request.user, case_list_id)
    case_lists.record_read(actor=request.user, record=found, view="published case list")
    entries = found.entries.select_related("meeting").prefetch_related(
        "summaries", "candidates__worker_invitations", "hazard_flags"
    )
    today = timezone.localdate()
    rows = [(entry, rules.feedback_open(entry.meeting_date, today)) for entry in entries]
    return render(request, "safeguarding/published.html", {"case_list": found, "rows": rows})


@requires(PUBLISH)
def feedback(request, case_list_id, entry_id):
    found = queries.get_published(request.user, case_list_id)
    entry = queries.get_published_entry(request.user, found, entry_id)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            exchange.record_feedback(actor=request.user, entry=entry, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Feedback sent to the MASH; the hazard flag is updated.")
            return redirect("mash-published", case_list_id=found.id)
    case_lists.record_read(actor=request.user, record=entry, view="published record, feedback")
    context = {"case_list": found, "entry": entry, "form": form}
    return render(request, "safeguarding/feedback.html", context)


@requires(PUBLISH)
def meeting_feedback(request, meeting_id):
    """After a meeting: its cases on the MASH case lists, and feedback sent or to send."""
    meeting = get_meeting(request.user, meeting_id)
    entries = queries.published_entries_for_meeting(request.user, meeting)
    case_lists.record_read(actor=request.user, record=meeting, view="meeting's MASH feedback")
    context = {
        "meeting": meeting,
        "entries": entries,
        "feedback_open": rules.feedback_open(meeting.date, timezone.localdate()),
    }
    return render(request, "safeguarding/meeting_feedback.html", context)


@requires(PUBLISH)
@require_POST
def share_summary(request, case_list_id, summary_id):
    found = queries.get_published(request.user, case_list_id)
    summary = get_object_or_404(
        PreMeetingSummary.objects.filter(entry__case_list=found), pk=summary_id
    )
    try:
        exchange.share_summary(actor=request.user, summary=summary)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The MASH summary is in the minutes.")
    return redirect("mash-published", case_list_id=found.id)


@requires(PUBLISH)
def refer(request, case_id):
    case = get_case(request.user, case_id)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        exchange.raise_referral(actor=request.user, case=case, reason=form.cleaned_data["reason"])
        messages.success(request, "Referral sent to the MASH.")
        return redirect("mash-publish")
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case, MASH referral form")
    return render(request, "safeguarding/refer.html", {"case": case, "form": form})

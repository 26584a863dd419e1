"""The MARAC co-ordinator's queue and meetings; research requests and their answers; recording
what was shared at a meeting and that a case was heard."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.models import Agency
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.marac import queries, rules
from mappa.marac.constants import Criterion
from mappa.marac.forms.cases import AgencyTextForm, AnswerForm, ResearchForm, ScheduleForm
from mappa.marac.models import AgendaItem
from mappa.marac.services import meetings as meeting_services
from mappa.marac.views.cases import research_rows

MANAGING = permissions.MANAGE_MARAC


@requires(MANAGING)
def queue(request):
    today = timezone.localdate()
    waiting = [
        (case, [Criterion(c).label for c in case.criteria], (today - case.referred_on).days)
        for case in queries.queue(request.user).prefetch_related("mappa_links")
    ]
    context = {
        "waiting": waiting,
        "next_meeting": queries.next_meeting(request.user.area_id, today),
    }
    return render(request, "marac/queue.html", context)


@requires(MANAGING)
@require_POST
def list_case(request, case_id):
    """List the case at the next planned meeting (or the one chosen)."""
    found = queries.get_case(request.user, case_id)
    chosen = request.POST.get("meeting")
    meeting = (
        queries.get_meeting(request.user, chosen)
        if chosen
        else queries.next_meeting(found.area_id, timezone.localdate())
    )
    if meeting is None:
        messages.error(request, "There is no planned MARAC meeting. Schedule meetings first.")
        return redirect("marac-meetings")
    try:
        meeting_services.list_case(actor=request.user, case=found, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("marac-queue")
    messages.success(request, f"Listed for the meeting on {meeting.date:%-d %B %Y}.")
    return redirect("marac-meeting", meeting_id=meeting.id)


@requires(MANAGING)
def meetings(request):
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = meeting_services.schedule_meetings(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{len(made)} meetings scheduled.")
            return redirect("marac-meetings")
    upcoming = queries.meetings_visible_to(request.user).filter(date__gte=timezone.localdate())
    past = queries.meetings_visible_to(request.user).filter(date__lt=timezone.localdate())
    context = {"form": form, "upcoming": upcoming, "past": past.order_by("-date")[:10]}
    return render(request, "marac/meetings.html", context)


@requires(MANAGING)
def meeting(request, meeting_id):
    found = queries.get_meeting(request.user, meeting_id)
    today = timezone.localdate()
    items = [
        (item, research_rows(item.case, today)) for item in queries.agenda_for(request.user, found)
    ]
    audit.record_read(actor=request.user, subject=found.id, content="MARAC meeting agenda")
    context = {"meeting": found, "items": items, "today": today}
    return render(request, "marac/meeting.html", context)


def _item(request, case_id, item_id) -> AgendaItem:
    case = queries.get_case(request.user, case_id)
    item = case.agenda_items.select_related("meeting", "case").filter(id=item_id).first()
    if item is None:
        raise Http404("No such agenda item")
    return item


@requires(MANAGING)
def research(request, case_id, item_id):
    """Ask agencies of the area to research the case before the meeting."""
    item = _item(request, case_id, item_id)
    agencies = Agency.objects.filter(area_id=item.case.area_id)
    form = ResearchForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        chosen = agencies.filter(id__in=form.cleaned_data["agencies"])
        try:
            meeting_services.request_research(actor=request.user, item=item, agencies=chosen)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Research requested. Each agency has been e-mailed a link.")
            return redirect("marac-meeting", meeting_id=item.meeting_id)
    audit.record_read(actor=request.user, subject=item.case_id, content="MARAC case, research")
    context = {"case": item.case, "form": form, "title": "Ask agencies for research", "item": item}
    return render(request, "marac/case_form.html", context)


@requires(permissions.TAKE_PART_IN_MARAC)
def research_request(request, request_id):
    """A research request to the user's agency, with the case it is about; answered here."""
    found = queries.get_research_request(request.user, request_id)
    audit.record_read(actor=request.user, subject=found.case_id, content="MARAC research request")
    ours = request.user.agency_id == found.agency_id
    # A colleague may have answered since this page was opened: the refusal says so.
    may_answer = ours and (found.responded_on is None or request.method == "POST")
    form = AnswerForm(request.POST or None) if may_answer else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            meeting_services.answer_research(
                actor=request.user, request=found, response=form.cleaned_data["response"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Thank you. Your answer has been sent to the MARAC.")
            return redirect("marac-research", request_id=found.id)
    rag = rules.research_rag(
        answered_on=found.responded_on, deadline=found.deadline, today=timezone.localdate()
    )
    context = {"request_": found, "form": form, "rag": rag, "case": found.case}
    return render(request, "marac/research_request.html", context)


@requires(MANAGING)
def information(request, case_id, item_id):
    item = _item(request, case_id, item_id)
    agencies = Agency.objects.filter(area_id=item.case.area_id)
    form = AgencyTextForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        meeting_services.record_information(
            actor=request.user,
            item=item,
            agency=agencies.get(id=form.cleaned_data["agency"]),
            text=form.cleaned_data["text"],
        )
        messages.success(request, "Information recorded.")
        return redirect("marac-case", case_id=item.case_id)
    audit.record_read(actor=request.user, subject=item.case_id, content="MARAC case, information")
    context = {"case": item.case, "form": form, "title": "Information shared at the meeting"}
    return render(request, "marac/case_form.html", context)


@requires(MANAGING)
@require_POST
def hear(request, case_id, item_id):
    item = _item(request, case_id, item_id)
    try:
        meeting_services.hear(actor=request.user, item=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Recorded as heard.")
    return redirect("marac-case", case_id=item.case_id)

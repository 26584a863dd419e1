"""What the chair records for each case in the draft minutes: the level decision and next
review, the disclosure decision, and the actions agreed."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.meetings.forms.minutes import ActionForm, DecisionForm, DisclosureForm
from mappa.meetings.queries import meetings
from mappa.meetings.queries import minutes as read
from mappa.meetings.services import minutes
from mappa.meetings.views.minutes import _anchor


def _found(request, meeting_id, item_id):
    meeting = meetings.get_meeting(request.user, meeting_id)
    read.get_minutes(request.user, meeting)
    return meeting, read.get_case_minutes(request.user, meeting, item_id)


def _page(request, template, form, meeting, case_minutes, **extra):
    audit.record_read(actor=request.user, subject=meeting.id, content="case minutes, chair's form")
    context = {"form": form, "meeting": meeting, "case_minutes": case_minutes} | extra
    return render(request, f"meetings/{template}", context)


@requires(permissions.CHAIR_MEETINGS)
def decision(request, meeting_id, item_id):
    meeting, case_minutes = _found(request, meeting_id, item_id)
    initial = {"version": case_minutes.version}
    if case_minutes.level_decision:
        changed = case_minutes.new_level != case_minutes.agenda_item.case.level
        initial |= {
            "level_decision": case_minutes.level_decision,
            "new_level": case_minutes.new_level if changed else None,
            "closure_reason": case_minutes.closure_reason,
            "rationale": case_minutes.decision_rationale,
            "dissent": case_minutes.dissent,
            "next_review_on": case_minutes.next_review_on,
        }
    form = DecisionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            minutes.record_level_decision(
                actor=request.user, case_minutes=case_minutes, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Decision recorded. It applies when the minutes are approved."
            )
            return redirect(_anchor(meeting, case_minutes))
    return _page(request, "decision_form.html", form, meeting, case_minutes)


@requires(permissions.CHAIR_MEETINGS)
def disclosure(request, meeting_id, item_id):
    meeting, case_minutes = _found(request, meeting_id, item_id)
    form = DisclosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            minutes.record_disclosure(
                actor=request.user, case_minutes=case_minutes, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Disclosure decision recorded.")
            return redirect(_anchor(meeting, case_minutes))
    return _page(request, "disclosure_form.html", form, meeting, case_minutes)


@requires(permissions.CHAIR_MEETINGS)
def add_action(request, meeting_id, item_id):
    meeting, case_minutes = _found(request, meeting_id, item_id)
    agencies = meetings.agencies_to_invite(meeting)
    people = meetings.people_to_invite(meeting).filter(agency__isnull=False)
    form = ActionForm(request.POST or None, agencies=agencies, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            minutes.agree_action(actor=request.user, case_minutes=case_minutes, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Action agreed.")
            return redirect(_anchor(meeting, case_minutes))
    return _page(request, "action_form.html", form, meeting, case_minutes)

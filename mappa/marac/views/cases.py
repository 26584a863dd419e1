"""The MARAC case page (with the victim's record), and the work on a case outside meetings:
the IDVA, the safety plan, actions, and facts shared with MAPPA."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from mappa.actions import queries as mappa_actions
from mappa.actions import rules as action_rules
from mappa.agencies import permissions
from mappa.agencies.models import Agency
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.marac import queries, rules, sections
from mappa.marac.constants import Criterion
from mappa.marac.forms.cases import (
    ActionForm,
    ActionUpdateForm,
    IdvaForm,
    SafetyPlanForm,
    ShareFactForm,
)
from mappa.marac.services import casework, linking

PARTICIPATING = permissions.TAKE_PART_IN_MARAC
MANAGING = permissions.MANAGE_MARAC


def _may_manage(request) -> bool:
    return permissions.has_permission(request.user, MANAGING)


def marac_actions(case, today) -> list:
    return [
        (
            action,
            action_rules.action_status(
                status=action.status,
                due_on=action.due_on,
                today=today,
                due_soon_days=settings.MAPPA_ACTION_DUE_SOON_DAYS,
            ),
        )
        for action in case.actions.select_related("owner_agency")
    ]


def research_rows(case, today) -> list:
    return [
        (
            request,
            rules.research_rag(
                answered_on=request.responded_on, deadline=request.deadline, today=today
            ),
            rules.answered_late(answered_on=request.responded_on, deadline=request.deadline),
        )
        for request in case.research_requests.select_related("agency", "responded_by")
    ]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _links(user, case, today) -> list[dict]:
    """The case's links to MAPPA; MAPPA actions beside MARAC ones for those who may see both."""
    rows = []
    for link in case.mappa_links.select_related("mappa_case").prefetch_related("shared_facts"):
        both = queries.mappa_case_visible(user, link)
        rows.append(
            {
                "link": link,
                "may_see_mappa": both,
                "mappa_actions": mappa_actions.case_actions(link.mappa_case, today)
                if both
                else None,
            }
        )
    return rows


@requires(PARTICIPATING)
def case(request, case_id):
    found = queries.get_case(request.user, case_id)
    today = timezone.localdate()
    audit.record_read(actor=request.user, subject=found.id, content="MARAC case")
    context = {
        "case": found,
        "criteria": [Criterion(c).label for c in found.criteria],
        "children": [sections.child_row(c) for c in sections.children(found.dash)],
        "perpetrator_born": _date(found.dash.sections.get("perpetrator", {}).get("date_of_birth")),
        "participants": found.participants.select_related("agency"),
        "research": research_rows(found, today),
        "agenda_items": found.agenda_items.select_related("meeting").prefetch_related(
            "information__agency"
        ),
        "actions": marac_actions(found, today),
        "plans": list(found.safety_plans.select_related("written_by")),
        "links": _links(request.user, found, today),
        "may_manage": _may_manage(request),
        "answers": sections.answers(found.dash),
    }
    return render(request, "marac/case.html", context)


@requires(PARTICIPATING)
def victim(request, victim_id):
    """The victim's record: seen only by those taking part in one of their MARAC cases."""
    found = queries.get_victim(request.user, victim_id)
    audit.record_read(actor=request.user, subject=found.id, content="MARAC victim record")
    cases = queries.cases_visible_to(request.user).filter(victim=found).order_by("-referred_on")
    plans = [plan for case in cases for plan in case.safety_plans.all()[:1]]
    return render(request, "marac/victim.html", {"victim": found, "cases": cases, "plans": plans})


def _form_page(request, case, form, title, template="marac/case_form.html", **extra):
    audit.record_read(actor=request.user, subject=case.id, content=f"MARAC case, {title}")
    context = {"case": case, "form": form, "title": title} | extra
    return render(request, template, context)


@requires(MANAGING)
def idva(request, case_id):
    found = queries.get_case(request.user, case_id)
    initial = {
        "name": found.idva_name,
        "organisation": found.idva_organisation,
        "contact": found.idva_contact,
        "allocated_on": found.idva_allocated_on,
        "version": found.version,
    }
    form = IdvaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            casework.record_idva(actor=request.user, case=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "IDVA recorded.")
            return redirect("marac-case", case_id=found.id)
    return _form_page(request, found, form, "Independent Domestic Violence Adviser")


@requires(MANAGING)
def safety_plan(request, case_id):
    found = queries.get_case(request.user, case_id)
    current = found.safety_plans.first()
    initial = {
        "measures": current.measures if current else "",
        "agreed_on": timezone.localdate(),
        "based_on": current.version if current else None,
    }
    form = SafetyPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            casework.save_safety_plan(actor=request.user, case=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Safety plan saved.")
            return redirect("marac-case", case_id=found.id)
    return _form_page(request, found, form, "The victim's safety plan")


@requires(MANAGING)
def new_action(request, case_id):
    found = queries.get_case(request.user, case_id)
    agencies = Agency.objects.filter(area_id=found.area_id)
    form = ActionForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            casework.add_action(
                actor=request.user,
                case=found,
                description=data["description"],
                owner_agency=agencies.get(id=data["owner_agency"]),
                owner_name=data["owner_name"],
                due_on=data["due_on"],
                agenda_item=found.agenda_items.order_by("-meeting__date").first(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Action agreed.")
            return redirect("marac-case", case_id=found.id)
    return _form_page(request, found, form, "Agree an action")


@requires(PARTICIPATING)
def action(request, action_id):
    found = queries.get_action(request.user, action_id)
    if not casework.may_update_action(request.user, found):
        raise Http404("No such action to update")
    initial = {"status": found.status, "version": found.version}
    form = ActionUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            casework.update_action(actor=request.user, action=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Action updated.")
            return redirect("marac-case", case_id=found.case_id)
    return _form_page(request, found.case, form, "Update the action", action=found)


@requires(MANAGING)
def share_fact(request, case_id):
    found = queries.get_case(request.user, case_id)
    link = found.mappa_links.first()
    if link is None:
        raise Http404("This case is not linked to MAPPA")
    form = ShareFactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            linking.share_fact(actor=request.user, link=link, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Fact shared with the MAPPA case and recorded.")
            return redirect("marac-case", case_id=found.id)
    return _form_page(request, found, form, "Share a fact with MAPPA")

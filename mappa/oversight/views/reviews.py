"""Serious case reviews: charges awaiting notification, the notification, the board's decision,
the report under the MAPPA O headings, its action plan, completion and approval to circulate."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.constants import Role
from mappa.agencies.models import User
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.oversight import queries
from mappa.oversight.constants import REPORT_SECTIONS
from mappa.oversight.forms import (
    ApproveForm,
    CompleteForm,
    DecisionForm,
    NotifyForm,
    ReportForm,
    ReviewActionForm,
    case_label,
)
from mappa.oversight.services import reviews
from mappa.oversight.views import render


@requires(permissions.VIEW_AGGREGATES)
def review_list(request):
    today = timezone.localdate()
    context = {
        "reviews": queries.reviews_visible_to(request.user).select_related("case"),
        "charges": [
            charge | {"label": case_label(charge["case"])}
            for charge in queries.charges_awaiting_notification(request.user, today)
        ],
        "oversee": queries.may_oversee(request.user),
    }
    return render(request, "oversight/reviews.html", context)


def _charge(user, query) -> dict:
    """The charge awaiting notification named in the query, or 404."""
    try:
        charged_on = date.fromisoformat(query.get("charged_on", ""))
    except ValueError as error:
        raise Http404("No such charge") from error
    for charge in queries.charges_awaiting_notification(user, timezone.localdate()):
        if str(charge["case"].id) == query.get("case") and charge["charged_on"] == charged_on:
            return charge
    raise Http404("No such charge")


@requires(permissions.OVERSEE)
def notify(request):
    charge = _charge(request.user, request.GET)
    form = NotifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = reviews.notify_serious_further_offence(
                actor=request.user,
                case=charge["case"],
                charged_on=charge["charged_on"],
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The board has been notified.")
            return redirect("serious-case-review", review_id=review.id)
    audit.record_read(
        actor=request.user, subject=charge["case"].id, content="MAPPA case, serious further offence"
    )
    context = {"form": form, "charge": charge, "case_label": case_label(charge["case"])}
    return render(request, "oversight/notify.html", context)


@requires(permissions.VIEW_AGGREGATES)
def review(request, review_id):
    found = queries.get_review(request.user, review_id)
    return _review_page(request, found)


def _review_page(request, found, **forms):
    audit.record_read(actor=request.user, subject=found.case_id, content="serious case review")
    oversee = queries.may_oversee(request.user)
    context = {
        "review": found,
        "case_label": case_label(found.case),
        "case_visible": queries.case_link_visible(request.user, found.case_id),
        "sections": [(label, getattr(found, name)) for name, label in REPORT_SECTIONS.items()],
        "oversee": oversee,
        "complete_form": forms.get("complete_form")
        or CompleteForm(initial={"completed_on": _today()}),
        "approve_form": forms.get("approve_form") or ApproveForm(initial={"approved_on": _today()}),
    }
    return render(request, "oversight/review.html", context)


def _today() -> str:
    return timezone.localdate().strftime("%d/%m/%Y")


def _board_review(request, review_id):
    return queries.get_review(request.user, review_id)


def _form_page(request, found, form, template, action, success: str, **extra):
    if request.method == "POST" and form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("serious-case-review", review_id=found.id)
    content = f"serious case review, {extra['heading']}"
    audit.record_read(actor=request.user, subject=found.case_id, content=content)
    context = {"form": form, "review": found, "case_label": case_label(found.case), **extra}
    return render(request, template, context)


@requires(permissions.OVERSEE)
def decision(request, review_id):
    found = _board_review(request, review_id)
    lay_advisers = User.objects.filter(area_id=found.area_id, role=Role.LAY_ADVISER, is_active=True)
    form = DecisionForm(request.POST or None, lay_advisers=lay_advisers)
    return _form_page(
        request,
        found,
        form,
        "oversight/review_decision.html",
        lambda data: reviews.decide(actor=request.user, review=found, **data),
        "The board's decision is recorded.",
        heading="Record the board's decision",
        button="Save the decision",
    )


@requires(permissions.OVERSEE)
def report(request, review_id):
    found = _board_review(request, review_id)
    initial = {name: getattr(found, name) for name in REPORT_SECTIONS}
    form = ReportForm(request.POST or None, initial=initial | {"version": found.version})
    return _form_page(
        request,
        found,
        form,
        "oversight/review_report.html",
        lambda data: reviews.save_report(
            actor=request.user, review=found, version=data.pop("version"), sections=data
        ),
        "The report is saved.",
        heading="Write the review's report",
        button="Save the report",
    )


@requires(permissions.OVERSEE)
def action(request, review_id, action_id=None):
    found = _board_review(request, review_id)
    existing = get_object_or_404(found.action_plan, id=action_id) if action_id else None
    initial = {}
    if existing:
        initial = {
            "action": existing.action,
            "owner": existing.owner,
            "due_on": existing.due_on.strftime("%d/%m/%Y"),
            "status": existing.status,
            "completed_on": existing.completed_on.strftime("%d/%m/%Y")
            if existing.completed_on
            else "",
            "version": existing.version,
        }
    form = ReviewActionForm(request.POST or None, initial=initial, existing=existing)
    return _form_page(
        request,
        found,
        form,
        "oversight/review_action.html",
        lambda data: reviews.save_action(
            actor=request.user, review=found, existing=existing, **data
        ),
        "The action plan is saved.",
        heading="Change an action" if existing else "Add an action to the plan",
        button="Save the action",
    )


def _post_form(request, review_id, name, form_class, act, success: str):
    found = _board_review(request, review_id)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            act(found, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("serious-case-review", review_id=found.id)
    return _review_page(request, found, **{name: form})


@require_POST
@requires(permissions.OVERSEE)
def complete(request, review_id):
    return _post_form(
        request,
        review_id,
        "complete_form",
        CompleteForm,
        lambda found, data: reviews.complete(actor=request.user, review=found, **data),
        "The review is completed.",
    )


@require_POST
@requires(permissions.OVERSEE)
def approve(request, review_id):
    return _post_form(
        request,
        review_id,
        "approve_form",
        ApproveForm,
        lambda found, data: reviews.approve_circulation(actor=request.user, review=found, **data),
        "Circulation beyond the board is approved.",
    )

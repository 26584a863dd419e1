"""Granting and revoking access to a case, level 1 reviews, and managing the case between
meetings: its category and level, its responsible officer, and closing it."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone

from mappa.agencies import permissions
from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases import queries, services
from mappa.cases.constants import ClosureReason, DecisionSource, ReviewDecision
from mappa.cases.forms import (
    CloseForm,
    DecisionForm,
    GrantAccessForm,
    OfficerForm,
    ReviewForm,
    TerrorismManagementForm,
)
from mappa.cases.services import terrorism
from mappa.kit.forms import add_service_errors


def grantee_name(grant) -> str:
    """Who a grant lets see the case: an agency, or a person with their agency."""
    if grant.grantee_agency:
        return grant.grantee_agency.name
    user = grant.grantee_user
    return f"{user.display_name}, {user.agency.name}" if user.agency else user.display_name


def is_open_at_level_1(case) -> bool:
    return case.level == 1 and case.closed_on is None


def _day(day) -> str:
    return dateformat.format(day, "j F Y")


def _end_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


@requires(permissions.GRANT_CASE_ACCESS)
def grant_access(request, case_id):
    case = queries.get_case(request.user, case_id, changing=True)
    form = GrantAccessForm(
        request.POST or None,
        agencies=queries.agencies_to_grant(case),
        people=queries.people_to_grant(case),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            access.grant_case_access(
                actor=request.user,
                case=case.id,
                reason=AccessReason.COORDINATOR_GRANT,
                explanation=data["explanation"],
                expires_at=_end_of(data["ends_on"]),
                **data["grantee"],
            )
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            grantee = data["grantee"].get("grantee_agency") or data["grantee"]["grantee_user"]
            name = getattr(grantee, "display_name", None) or grantee.name
            messages.success(request, f"{name} can see this case until {_day(data['ends_on'])}")
            return redirect("case", case_id=case.id)
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case, grant access form")
    return render(request, "cases/grant_access.html", {"case": case, "form": form})


@requires(permissions.GRANT_CASE_ACCESS)
def revoke_access(request, case_id, grant_id):
    grant = queries.get_active_grant(request.user, case_id, grant_id)
    if request.method == "POST":
        access.revoke_case_access(actor=request.user, grant=grant)
        messages.success(request, f"{grantee_name(grant)} can no longer see this case")
        return redirect("case", case_id=case_id)
    case = queries.get_case(request.user, case_id, changing=True)
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case, revoke access")
    return render(
        request,
        "cases/revoke_access.html",
        {"case": case, "grant": grant, "grantee": grantee_name(grant)},
    )


def _review_recorded(review, case) -> str:
    if review.decision == ReviewDecision.CLOSE:
        return "Level 1 review recorded. The case is closed"
    outcome = f"Level 1 review recorded. The next review is due by {_day(case.next_review_due)}"
    if review.decision == ReviewDecision.REFER_UP:
        outcome += ". Now make the referral to level 2 or 3"
    return outcome


@requires(permissions.MANAGE_CASES)
def add_review(request, case_id):
    case = queries.get_case(request.user, case_id, changing=True)
    if not is_open_at_level_1(case):
        audit.record_read(actor=request.user, subject=case.id, content="MAPPA case")
        return render(request, "cases/no_review.html", {"case": case}, status=409)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.record_level_1_review(
                actor=request.user, case=case, **form.service_arguments()
            )
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, _review_recorded(review, case))
            if review.decision == ReviewDecision.REFER_UP:
                return redirect(f"{reverse('start-referral')}?person={case.nominal_id}")
            return redirect("case", case_id=case.id)
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case, review form")
    return render(request, "cases/review_form.html", {"case": case, "form": form})


def _closed(request, case, doing: str):
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case")
    context = {"case": case, "doing": doing}
    return render(request, "cases/case_closed.html", context, status=409)


def _case_form(request, case, *, doing: str, template: str, form, save):
    """A form page of a case in scope, its form carrying the person record's version: saved by
    `save`, which returns the message for the case page; a refusal (a stale save too) is shown
    on the form, with what was typed."""
    if request.method == "POST" and form.is_valid():
        try:
            done = save(case, form.cleaned_data)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, done)
            return redirect("case", case_id=case.id)
    audit.record_read(actor=request.user, subject=case.id, content=f"MAPPA case, {doing} form")
    return render(request, template, {"case": case, "form": form})


@requires(permissions.MANAGE_CASES)
def change_decision(request, case_id):
    def save(case, data) -> str:
        data = {**data, "source": DecisionSource(data["source"])}
        services.record_decision(actor=request.user, case=case, **data)
        return f"Decision recorded: category {case.category}, level {case.level}"

    case = queries.get_case(request.user, case_id, changing=True)
    if case.closed_on is not None:
        return _closed(request, case, "category and level")
    form = DecisionForm(
        request.POST or None,
        initial={"version": case.nominal.version, "category": case.category, "level": case.level},
        cleared=request.user.terrorism_clearance,
    )
    return _case_form(
        request,
        case,
        doing="category and level",
        template="cases/decision_form.html",
        form=form,
        save=save,
    )


@requires(permissions.MANAGE_CASES)
def name_officer(request, case_id):
    def save(case, data) -> str:
        services.name_responsible_officer(actor=request.user, case=case, **data)
        return f"{data['officer'].display_name} is the responsible officer"

    case = queries.get_case(request.user, case_id, changing=True)
    if case.closed_on is not None:
        return _closed(request, case, "responsible officer")
    officer = case.responsible_officer
    form = OfficerForm(
        request.POST or None,
        initial={"version": case.nominal.version, "officer": officer and str(officer.uuid)},
        officers=queries.officers_for(case),
    )
    return _case_form(
        request,
        case,
        doing="responsible officer",
        template="cases/officer_form.html",
        form=form,
        save=save,
    )


@requires(permissions.MANAGE_CASES)
def close(request, case_id):
    def save(case, data) -> str:
        data = {**data, "reason": ClosureReason(data["reason"])}
        services.deregister(actor=request.user, case=case, **data)
        return f"The case is closed from {_day(case.closed_on)}"

    case = queries.get_case(request.user, case_id, changing=True)
    if case.closed_on is not None:
        return _closed(request, case, "closure")
    form = CloseForm(request.POST or None, initial={"version": case.nominal.version})
    return _case_form(
        request, case, doing="closure", template="cases/close_form.html", form=form, save=save
    )


@requires(permissions.MANAGE_CASES)
def decide_terrorism_management(request, case_id):
    """A category 4 case's lead agency records CT MAPPA or local MAPPA (MAPPA Guidance para 24.25).
    Only users with terrorism clearance find a category 4 case at all (`queries.get_case`)."""

    def save(case, data) -> str:
        terrorism.decide_management(actor=request.user, case=case, **data)
        return f"Recorded: managed under {case.get_terrorism_management_display()}"

    case = queries.get_case(request.user, case_id, changing=True)
    if case.closed_on is not None:
        return _closed(request, case, "CT MAPPA or local MAPPA")
    initial = {
        "version": case.nominal.version,
        "management": case.terrorism_management,
        "rationale": case.terrorism_management_rationale,
    }
    return _case_form(
        request,
        case,
        doing="CT MAPPA or local MAPPA",
        template="cases/terrorism_management_form.html",
        form=TerrorismManagementForm(request.POST or None, initial=initial),
        save=save,
    )

"""Granting and revoking access to a case, and recording a level 1 review."""

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
from mappa.cases.constants import ReviewDecision
from mappa.cases.forms import GrantAccessForm, ReviewForm
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
    case = queries.get_case(request.user, case_id)
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
    case = queries.get_case(request.user, case_id)
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
    case = queries.get_case(request.user, case_id)
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

"""The case page, granting and revoking access to a case, and recording a level 1 review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone

from mappa.actions.queries import case_actions
from mappa.agencies import permissions
from mappa.agencies import services as access
from mappa.agencies.constants import AccessReason
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases import queries, rules, services
from mappa.cases.constants import ReviewDecision
from mappa.cases.forms import GrantAccessForm, ReviewForm
from mappa.kit.forms import add_service_errors

# How each review status shows: red when overdue, amber when due soon, green otherwise.
REVIEW_TAGS = {
    rules.OVERDUE: ("Overdue", "govuk-tag--red"),
    rules.DUE_SOON: ("Due soon", "govuk-tag--yellow"),
    rules.ON_TRACK: ("On track", "govuk-tag--green"),
    rules.NOT_SET: ("No review date", "govuk-tag--grey"),
}


@dataclass(frozen=True)
class GrantRow:
    grant: object
    grantee: str
    state: str  # "Active", "Revoked" or "Expired"

    @property
    def is_active(self) -> bool:
        return self.state == "Active"


def _grantee(grant) -> str:
    if grant.grantee_agency:
        return grant.grantee_agency.name
    user = grant.grantee_user
    return f"{user.display_name}, {user.agency.name}" if user.agency else user.display_name


def _grant_rows(user, case) -> list[GrantRow]:
    now = timezone.now()
    rows = []
    for grant in queries.grants_for_case(user, case.id):
        if grant.is_active(now):
            state = "Active"
        else:
            state = "Revoked" if grant.revoked_at else "Expired"
        rows.append(GrantRow(grant, _grantee(grant), state))
    return sorted(rows, key=lambda row: not row.is_active)


def _may(request, name: str) -> bool:
    return permissions.has_permission(request.user, name)


def _is_open_at_level_1(case) -> bool:
    return case.level == 1 and case.closed_on is None


@requires(permissions.VIEW_CASES)
def case(request, case_id):
    case = queries.get_case_in_full(request.user, case_id)
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case")
    status = rules.review_status(due=case.next_review_due, today=timezone.localdate())
    # Who else may see the case is shown to those who see the whole area: the co-ordinator
    # and the responsible authority, not to agencies that see the case through a grant.
    sees_area = _may(request, permissions.VIEW_AREA_CASES)
    context = {
        "case": case,
        "review_tag": REVIEW_TAGS[status] if case.closed_on is None else None,
        "grants": _grant_rows(request.user, case) if sees_area else None,
        "may_grant": _may(request, permissions.GRANT_CASE_ACCESS),
        "may_review": _may(request, permissions.MANAGE_CASES) and _is_open_at_level_1(case),
        "actions": case_actions(case, timezone.localdate()),
        "may_agree_action": _may(request, permissions.MANAGE_CASES) and case.closed_on is None,
    }
    return render(request, "cases/case.html", context)


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
        messages.success(request, f"{_grantee(grant)} can no longer see this case")
        return redirect("case", case_id=case_id)
    case = queries.get_case(request.user, case_id)
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case, revoke access")
    return render(
        request,
        "cases/revoke_access.html",
        {"case": case, "grant": grant, "grantee": _grantee(grant)},
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
    if not _is_open_at_level_1(case):
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

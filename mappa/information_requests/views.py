"""The pages of information requests: raising one (from the case page, at screening, before a
review), the request itself with the agency's answer, declining it, and the list of requests."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.models import Agency
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases.queries import cases_visible_to, get_case
from mappa.information_requests import queries, rules, services
from mappa.information_requests.constants import Occasion
from mappa.information_requests.forms import AnswerForm, DeclineForm, RaiseForm, WithdrawForm
from mappa.kit.forms import add_service_errors
from mappa.referrals.queries import get_referral

HEADINGS = {
    Occasion.CASE: "Request information from an agency",
    Occasion.SCREENING: "Request information at screening",
    Occasion.REVIEW: "Request information before the review",
}


def _raise_form(request, case, occasion, area_id) -> RaiseForm:
    """Agencies and named people come from the case's (or, before a case, the referral's) area;
    the due date offered follows the occasion (MAPPA_INFORMATION_REQUEST_DUE_DAYS, or before the
    review)."""
    agencies = Agency.objects.filter(area_id=area_id).order_by("name")
    due = rules.default_due_date(
        today=timezone.localdate(),
        days=settings.MAPPA_INFORMATION_REQUEST_DUE_DAYS,
        review_due=case.next_review_due if case and occasion == Occasion.REVIEW else None,
        before_review_days=settings.MAPPA_INFORMATION_REQUEST_BEFORE_REVIEW_DAYS,
    )
    return RaiseForm(
        request.POST or None,
        initial={"due_on": due},
        agencies=agencies,
        people=queries.people_who_answer(agencies),
    )


def _raise(request, case, occasion, referral=None):
    """A request on `case`; at screening with no open case, `case` is None and the request
    belongs to `referral` until screening opens the case."""
    if case is not None and not queries.may_raise(request.user, case):
        raise PermissionDenied("only the co-ordinator or the responsible officer asks")
    if case is None and not queries.may_raise_at_screening(request.user, referral):
        raise PermissionDenied("only the area's co-ordinator asks at screening")
    area_id = case.nominal.area_id if case is not None else referral.area_id
    form = _raise_form(request, case, occasion, area_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.raise_request(
                actor=request.user,
                case=case,
                occasion=occasion,
                referral=referral,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Information requested of {form.cleaned_data['agency']}.")
            if referral is not None:
                return redirect("screen-referral", referral_id=referral.id)
            return redirect("case", case_id=case.id)
    if case is not None:
        audit.record_read(
            actor=request.user, subject=case.id, content="MAPPA case, information request form"
        )
        person = case.nominal.full_name
    else:
        audit.record_read(
            actor=request.user, subject=referral.id, content="referral, information request form"
        )
        person = referral.nominal.full_name if referral.nominal else referral.subject_name
    context = {
        "case": case,
        "person": person,
        "form": form,
        "heading": HEADINGS[occasion],
        "occasion": occasion,
        "referral": referral,
        "closed": case is not None and case.closed_on is not None,
    }
    return render(request, "information_requests/new.html", context)


@requires(permissions.MANAGE_CASES)
def new_for_case(request, case_id):
    return _raise(request, get_case(request.user, case_id), Occasion.CASE)


@requires(permissions.MANAGE_CASES)
def new_before_review(request, case_id):
    return _raise(request, get_case(request.user, case_id), Occasion.REVIEW)


@requires(permissions.SCREEN_REFERRALS)
def new_at_screening(request, referral_id):
    """From the screening page: a request on the open case of the person referred, or, with no
    open case yet (a person not on the register, or without a case), on the referral."""
    referral = get_referral(request.user, referral_id)
    cases = cases_visible_to(request.user).select_related("nominal")
    case = (
        cases.filter(id=referral.case_id).first()
        if referral.case_id
        else cases.filter(nominal_id=referral.nominal_id, closed_on__isnull=True).first()
    )
    if case is None and not rules.referral_takes_requests(status=referral.status):
        audit.record_read(actor=request.user, subject=referral.id, content="referral")
        return render(request, "information_requests/no_case.html", {"referral": referral})
    return _raise(request, case, Occasion.SCREENING, referral)


def _request_page(request, found, form, template: str):
    audit.record_read(actor=request.user, subject=found.subject, content="information request")
    context = {
        "found": found,
        "rag": queries.status_of(found, timezone.localdate()),
        "form": form,
        "sees_case": queries.sees_case(request.user, found),
        "may_answer": queries.may_answer(request.user, found),
        "may_withdraw": queries.may_withdraw(request.user, found),
    }
    return render(request, template, context)


@requires(permissions.ANSWER_INFORMATION_REQUESTS)
def information_request(request, request_id):
    found = queries.get_request(request.user, request_id)
    form = None
    if queries.may_answer(request.user, found):
        form = AnswerForm(request.POST or None, initial={"version": found.version})
        if request.method == "POST" and form.is_valid():
            try:
                services.answer_request(actor=request.user, found=found, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Answer sent. The person who asked has been told.")
                return redirect("information-request", request_id=found.id)
    return _request_page(request, found, form, "information_requests/request.html")


@requires(permissions.ANSWER_INFORMATION_REQUESTS)
def decline(request, request_id):
    found = queries.get_request(request.user, request_id)
    if not queries.may_answer(request.user, found):
        messages.error(request, "This request cannot be declined: it is closed or not yours.")
        return redirect("information-request", request_id=found.id)
    form = DeclineForm(request.POST or None, initial={"version": found.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.decline_request(
                actor=request.user,
                found=found,
                version=form.cleaned_data["version"],
                reason=form.cleaned_data["decline_reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Request declined. The person who asked has been told.")
            return redirect("information-request", request_id=found.id)
    return _request_page(request, found, form, "information_requests/decline.html")


@requires(permissions.MANAGE_CASES)
def withdraw(request, request_id):
    """The person who asked, or the co-ordinator, withdraws an open request with the reason."""
    found = queries.get_request(request.user, request_id)
    if not queries.may_withdraw(request.user, found):
        messages.error(request, "This request cannot be withdrawn: it is closed or not yours.")
        return redirect("information-request", request_id=found.id)
    form = WithdrawForm(request.POST or None, initial={"version": found.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_request(
                actor=request.user,
                found=found,
                version=form.cleaned_data["version"],
                reason=form.cleaned_data["withdrawal_reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Request withdrawn. The agency asked has been told.")
            return redirect("information-request", request_id=found.id)
    return _request_page(request, found, form, "information_requests/withdraw.html")


@requires(permissions.ANSWER_INFORMATION_REQUESTS)
def request_list(request):
    """Requests the user's agency is asked to answer; for the co-ordinator, also the area's open
    requests to agencies, each with its red/amber/green status."""
    today = timezone.localdate()
    whole_area = permissions.role_has(request.user, permissions.MANAGE_MEETINGS)
    context = {
        "to_answer": queries.with_status(queries.to_answer(request.user), today),
        "asked": queries.with_status(queries.open_in_area(request.user), today)
        if whole_area
        else None,
        "amber_days": settings.MAPPA_INFORMATION_REQUEST_AMBER_DAYS,
    }
    return render(request, "information_requests/list.html", context)

"""Transfers of a case to another MAPPA area and temporary stays there (docs/transfers.md):
the request, the receiving area's query or acceptance, the answer, the withdrawal, the list of
transfers in and out of the user's area, and the notice of a stay."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import dateformat, timezone

from mappa.agencies import permissions
from mappa.agencies.models import Area
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.cases import queries, rules
from mappa.cases.forms.transfers import (
    StayForm,
    TransferAcceptForm,
    TransferAnswerForm,
    TransferQueryForm,
    TransferRequestForm,
    TransferWithdrawForm,
)
from mappa.cases.services import stays, transfers
from mappa.kit.forms import add_service_errors

TRANSFER_TAGS = {
    rules.REQUESTED: "govuk-tag--blue",
    rules.QUERIED: "govuk-tag--yellow",
    rules.ACCEPTED: "govuk-tag--green",
    rules.WITHDRAWN: "govuk-tag--grey",
}
RESPONSE_TAGS = {
    rules.OVERDUE: ("Answer overdue", "govuk-tag--red"),
    rules.DUE_SOON: ("Answer due soon", "govuk-tag--yellow"),
    rules.ON_TRACK: ("On time", "govuk-tag--green"),
}


def response_tag(transfer, today) -> tuple[str, str]:
    """Red, amber or green against the days the receiving area has to answer (a setting)."""
    status = rules.transfer_response_status(
        requested_on=timezone.localtime(transfer.requested_at).date(),
        today=today,
        response_days=settings.MAPPA_TRANSFER_RESPONSE_DAYS,
    )
    return RESPONSE_TAGS[status]


def _closed(request, case, doing: str):
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case")
    return render(request, "cases/case_closed.html", {"case": case, "doing": doing}, status=409)


def _preferred_area(request) -> str | None:
    code = request.GET.get("to", "")
    area = Area.objects.filter(code=code).first() if code else None
    return str(area.pk) if area else None


@requires(permissions.MANAGE_CASES)
def request_transfer(request, case_id):
    case = queries.get_case(request.user, case_id, changing=True)
    if case.closed_on is not None:
        return _closed(request, case, "transfer")
    form = TransferRequestForm(
        request.POST or None,
        areas=queries.areas_to_receive(case),
        initial={"to_area": _preferred_area(request), "version": case.nominal.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = transfers.request_transfer(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, f"Transfer to {made.to_area.name} requested")
            return redirect("transfer", transfer_id=made.id)
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case, transfer form")
    return render(request, "cases/transfer_request.html", {"case": case, "form": form})


def _may(user, transfer) -> dict[str, bool]:
    status = transfer.status
    receiving = transfers.receives(user, transfer)
    sending = transfers.acts_for_lead_agency(user, transfer.case)
    return {
        "may_accept": receiving and rules.transfer_step_allowed(step="accept", status=status),
        "may_query": receiving and rules.transfer_step_allowed(step="query", status=status),
        "may_answer": sending and rules.transfer_step_allowed(step="answer", status=status),
        "may_withdraw": user.pk == transfer.requested_by_id
        and rules.transfer_step_allowed(step="withdraw", status=status),
    }


@requires(permissions.VIEW_CASES)
def transfer(request, transfer_id):
    found = queries.get_transfer(request.user, transfer_id)
    audit.record_read(actor=request.user, subject=found.case_id, content="MAPPA case transfer")
    context = {
        "transfer": found,
        "case": found.case,
        "tag": TRANSFER_TAGS[found.status],
        "response": response_tag(found, timezone.localdate()) if found.in_hand_over else None,
        **_may(request.user, found),
    }
    return render(request, "cases/transfer.html", context)


STEPS = {
    # step: (heading, button, service, done)
    "accept": (
        "Accept the transfer",
        "Accept the transfer",
        transfers.accept_transfer,
        "Transfer accepted: the case is now managed in your area",
    ),
    "query": (
        "Query the transfer",
        "Send the query",
        transfers.query_transfer,
        "Query sent to the sending area",
    ),
    "answer": (
        "Answer the query",
        "Send the answer",
        transfers.answer_query,
        "Answer sent: the transfer is back with the receiving area",
    ),
    "withdraw": (
        "Withdraw the transfer",
        "Withdraw the transfer",
        transfers.withdraw_transfer,
        "Transfer withdrawn",
    ),
}


def _step(request, found, step: str, form):
    """One step of a transfer, its form carrying the transfer's version: a refusal (a stale save
    too) is shown on the form with what was typed; a step its state no longer allows goes back."""
    heading, button, service, done = STEPS[step]
    if not rules.transfer_step_allowed(step=step, status=found.status):
        messages.info(request, f"This transfer is {found.get_status_display().lower()}")
        return redirect("transfer", transfer_id=found.id)
    if not _may(request.user, found)[f"may_{step}"]:
        raise Http404("No such page")  # the other area's step, or someone else's request
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, transfer=found, **form.cleaned_data)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, done)
            return redirect("transfer", transfer_id=found.id)
    audit.record_read(
        actor=request.user, subject=found.case_id, content=f"MAPPA case transfer, {step} form"
    )
    context = {"transfer": found, "form": form, "heading": heading, "button": button}
    return render(request, "cases/transfer_step.html", context)


@requires(permissions.SCREEN_REFERRALS)
def accept(request, transfer_id):
    found = queries.get_transfer(request.user, transfer_id)
    form = TransferAcceptForm(request.POST or None, initial={"version": found.version})
    return _step(request, found, "accept", form)


@requires(permissions.SCREEN_REFERRALS)
def query(request, transfer_id):
    found = queries.get_transfer(request.user, transfer_id)
    form = TransferQueryForm(request.POST or None, initial={"version": found.version})
    return _step(request, found, "query", form)


@requires(permissions.MANAGE_CASES)
def answer(request, transfer_id):
    found = queries.get_transfer(request.user, transfer_id)
    form = TransferAnswerForm(request.POST or None, initial={"version": found.version})
    return _step(request, found, "answer", form)


@requires(permissions.MANAGE_CASES)
def withdraw(request, transfer_id):
    found = queries.get_transfer(request.user, transfer_id)
    form = TransferWithdrawForm(request.POST or None, initial={"version": found.version})
    return _step(request, found, "withdraw", form)


@requires(permissions.VIEW_AREA_CASES)
def area_transfers(request):
    """Transfers into the user's area waiting for it, and those it asked for, each audited."""
    today = timezone.localdate()
    incoming = [(t, response_tag(t, today)) for t in queries.incoming_transfers(request.user)]
    outgoing = list(queries.outgoing_transfers(request.user))
    stays_here = list(queries.hosted_stays(request.user))
    for case_id in {t.case_id for t, _ in incoming} | {t.case_id for t in outgoing}:
        audit.record_read(actor=request.user, subject=case_id, content="transfers list")
    for stay in stays_here:
        audit.record_read(actor=request.user, subject=stay.case_id, content="stays list")
    context = {"incoming": incoming, "outgoing": outgoing, "stays": stays_here}
    return render(request, "cases/transfers.html", context)


@requires(permissions.MANAGE_CASES)
def notify_stay(request, case_id):
    case = queries.get_case(request.user, case_id, changing=True)
    if case.closed_on is not None:
        return _closed(request, case, "temporary stays")
    form = StayForm(
        request.POST or None,
        areas=queries.areas_to_receive(case),
        initial={"version": case.nominal.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = stays.notify_stay(actor=request.user, case=case, **form.service_arguments())
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            last = dateformat.format(made.ends_on, "j F Y")
            messages.success(request, f"{made.host_area.name} has been told of the stay to {last}")
            return redirect("case", case_id=case.id)
    audit.record_read(actor=request.user, subject=case.id, content="MAPPA case, stay form")
    return render(request, "cases/stay_form.html", {"case": case, "form": form})

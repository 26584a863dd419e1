"""The named person's pages: case lists, matching, candidates, the person's MASH record.

Every page is for MASH named persons only (`mash_checks` and a designation in the area,
checked by the scoped queries); anyone else gets "Page not found". Every read is written
to the audit log.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mappa import versions
from mappa.agencies import permissions
from mappa.agencies.constants import AgencyKind
from mappa.agencies.models import User
from mappa.agencies.permissions import requires
from mappa.kit.forms import add_service_errors
from mappa.safeguarding import queries, rules
from mappa.safeguarding.constants import Decision, FlagStatus, RunStatus
from mappa.safeguarding.forms import (
    DecideForm,
    InviteForm,
    OutcomeForm,
    ReferralOutcomeForm,
    SummaryForm,
    UploadForm,
)
from mappa.safeguarding.services import case_lists, exchange, matching

# Any signed-in user may ask; only a designated named person (role `mash_checks` and a
# designation in the area) is answered: everyone else gets "Page not found", never a 403
# that would confirm the records exist.
NAMED = permissions.SIGNED_IN


def _named(request) -> None:
    if not queries.is_named_person(request.user):
        raise Http404("not a named person")


@requires(NAMED)
def home(request):
    _named(request)
    user = request.user
    context = {
        "case_lists": queries.case_lists_for(user)[:10],
        "flags_to_enter": queries.flags_for(user)
        .filter(superseded_at__isnull=True)
        .exclude(status=FlagStatus.CONFIRMED)
        .count(),
        "referrals": queries.referrals_for(user).filter(outcome="")[:10],
    }
    return render(request, "safeguarding/home.html", context)


@requires(NAMED)
def case_list(request, case_list_id):
    found = queries.get_case_list(request.user, case_list_id)
    case_lists.record_read(actor=request.user, record=found, view="case list")
    entries = found.entries.select_related("meeting").prefetch_related("candidates", "hazard_flags")
    context = {"case_list": found, "entries": entries, "runs": found.runs.all()[:5]}
    return render(request, "safeguarding/case_list.html", context)


@requires(NAMED)
def export(request, case_list_id):
    found = queries.get_case_list(request.user, case_list_id)
    text = case_lists.export_case_list(actor=request.user, case_list=found, via="web")
    case_lists.record_read(actor=request.user, record=found, view="case list (CSV)")
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    name = f"mappa-case-list-{found.week_starting:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@requires(NAMED)
def upload(request, case_list_id):
    found = queries.get_case_list(request.user, case_list_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = matching.start_matching(
                actor=request.user, case_list=found, upload=form.cleaned_data["extract"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("mash-run", run_id=run.id)
    return render(request, "safeguarding/upload.html", {"case_list": found, "form": form})


@requires(NAMED)
def run(request, run_id):
    found = queries.get_run(request.user, run_id)
    case_lists.record_read(actor=request.user, record=found, view="matching results")
    groups, near, reported = [], [], []
    if found.status == RunStatus.FINISHED:
        reported = list(queries.reported(found).select_related("entry"))
        for entry in found.case_list.entries.all():
            mine = [c for c in reported if c.entry_id == entry.id]
            groups.append((entry, mine))
        near = list(queries.near_threshold(found, settings.MAPPA_MASH_NEAR_THRESHOLD))
    busy = found.status in (RunStatus.QUEUED, RunStatus.RUNNING)
    context = {"run": found, "groups": groups, "busy": busy, "reported": len(reported)}
    return render(request, "safeguarding/run.html", context | _near_context(found, near))


def _near_context(run, near) -> dict:
    margin = settings.MAPPA_MASH_NEAR_THRESHOLD
    return {
        "near": near,
        "near_above": sum(c.probability >= run.threshold for c in near),
        "near_below": sum(c.probability < run.threshold for c in near),
        "near_low": max(run.threshold - margin, 0.0),
        "near_high": min(run.threshold + margin, 1.0),
    }


@requires(NAMED)
def near_threshold(request, run_id):
    """The candidates near the run's threshold, either side, most likely first, to review."""
    found = queries.get_run(request.user, run_id)
    case_lists.record_read(actor=request.user, record=found, view="candidates near the threshold")
    near = []
    if found.status == RunStatus.FINISHED:
        near = list(queries.near_threshold(found, settings.MAPPA_MASH_NEAR_THRESHOLD))
    return render(request, "safeguarding/near.html", {"run": found} | _near_context(found, near))


def _social_workers(user):
    return User.objects.filter(
        area_id=user.area_id,
        agency__kind=AgencyKind.CHILDRENS_SOCIAL_CARE,
        is_active=True,
        role__in=[
            role
            for role, held in permissions.ROLE_PERMISSIONS.items()
            if permissions.VIEW_CASES in held
        ],
    )


@requires(NAMED)
def candidate(request, candidate_id):
    found = queries.get_candidate(request.user, candidate_id)
    case_lists.record_read(actor=request.user, record=found, view="candidate")
    initial = {
        "involvement": found.involvement or rules.involvement_from_status(found.case_status),
        "version": found.version,
    }
    form = DecideForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            matching.decide(actor=request.user, candidate=found, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Decision recorded.")
            return redirect("mash-candidate", candidate_id=found.id)
    context = {
        "candidate": found,
        "form": form,
        "invitations": found.worker_invitations.select_related("invitation"),
        "may_invite": found.decision == Decision.CONFIRMED and found.involvement == "open",
    }
    return render(request, "safeguarding/candidate.html", context)


@requires(NAMED)
def invite(request, candidate_id):
    found = queries.get_candidate(request.user, candidate_id)
    form = InviteForm(
        request.POST or None,
        people=_social_workers(request.user),
        initial={"worker_name": found.allocated_worker},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            matching.invite_worker(
                actor=request.user,
                candidate=found,
                worker_name=data["worker_name"],
                manager_name=data["manager_name"],
                user=data["person"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The social worker has been invited.")
            return redirect("mash-candidate", candidate_id=found.id)
    case_lists.record_read(actor=request.user, record=found, view="candidate, invite form")
    return render(request, "safeguarding/invite.html", {"candidate": found, "form": form})


@requires(NAMED)
def entry(request, entry_id):
    found = queries.get_entry(request.user, entry_id)
    case_lists.record_read(actor=request.user, record=found, view="MASH record")
    context = {
        "entry": found,
        "confirmed": found.candidates.filter(decision=Decision.CONFIRMED),
        "flags": found.hazard_flags.select_related("produced_by", "entered_by", "confirmed_by"),
        "summaries": found.summaries.all(),
        "summary_form": SummaryForm(),
        "feedback": getattr(found, "feedback", None),
        "outcome_form": OutcomeForm(),
    }
    return render(request, "safeguarding/entry.html", context)


@requires(NAMED)
@require_POST
def complete_check(request, entry_id):
    found = queries.get_entry(request.user, entry_id)
    exchange.complete_check(actor=request.user, entry=found)
    messages.success(request, "Check completed.")
    return redirect("mash-entry", entry_id=found.id)


@requires(NAMED)
@require_POST
def advance_flag(request, flag_id):
    flag = queries.get_flag(request.user, flag_id)
    try:
        version = versions.VersionField().clean(request.POST.get("version"))
        exchange.advance_flag(actor=request.user, flag=flag, version=version)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("mash-entry", entry_id=flag.entry_id)


@requires(NAMED)
def summary(request, entry_id):
    found = queries.get_entry(request.user, entry_id)
    form = SummaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        exchange.record_summary(actor=request.user, entry=found, text=form.cleaned_data["text"])
        messages.success(request, "Summary saved for the meeting.")
        return redirect("mash-entry", entry_id=found.id)
    case_lists.record_read(actor=request.user, record=found, view="MASH record, summary form")
    return render(
        request, "safeguarding/form.html", _form_context(found, form, "Pre-meeting summary")
    )


@requires(NAMED)
def outcome(request, feedback_id):
    feedback = queries.get_feedback(request.user, feedback_id)
    form = OutcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        exchange.record_action_outcome(
            actor=request.user, feedback=feedback, text=form.cleaned_data["text"]
        )
        messages.success(request, "Sent to the MAPPA administrator.")
        return redirect("mash-entry", entry_id=feedback.entry_id)
    case_lists.record_read(actor=request.user, record=feedback.entry, view="MASH record, outcome")
    context = _form_context(feedback.entry, form, "Outcome of the actions")
    return render(request, "safeguarding/form.html", context)


@requires(NAMED)
def referral(request, referral_id):
    _named(request)
    found = queries.get_referral(request.user, referral_id)
    case_lists.record_read(actor=request.user, record=found, view="MASH referral")
    initial = {"outcome": found.outcome, "version": found.version}
    form = ReferralOutcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            exchange.record_referral_outcome(
                actor=request.user, referral=found, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Outcome shared with MAPPA.")
            return redirect("mash-home")
    return render(request, "safeguarding/referral.html", {"referral": found, "form": form})


def _form_context(entry, form, title: str) -> dict:
    return {"entry": entry, "form": form, "title": title}

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.people import queries as people
from mappa.people.eligibility import for_nominal
from mappa.referrals import queries, rules, sections, services
from mappa.referrals.forms import ScreeningForm
from mappa.referrals.screening import candidates, person_for


@requires(permissions.MAKE_REFERRAL)
def my_referrals(request):
    return render(request, "referrals/list.html", {"referrals": queries.made_by(request.user)})


@requires(permissions.MAKE_REFERRAL)
def start(request):
    """Start a referral; about a person on the register when `person` names one in scope."""
    nominal = None
    if request.GET.get("person") or request.POST.get("person"):
        try:
            nominal = people.get_nominal(
                request.user, request.GET.get("person") or request.POST["person"]
            )
        except ValidationError as error:  # not a UUID
            raise Http404("No such person") from error
    shared = None
    try:  # told on the start page already, not after pressing the button
        services.refuse_if_shared_by_transfer(nominal, request.user.area_id)
    except services.SharedByTransfer as refused:
        shared = refused
    if request.method == "POST" and shared is None:
        try:
            referral = services.start_referral(actor=request.user, nominal=nominal)
        except services.SharedByTransfer as refused:  # one case: point into the transfer
            shared = refused
        else:
            return redirect("referral", referral_id=referral.id)
    if nominal is not None:
        audit.record_read(
            actor=request.user, subject=nominal.id, content="person record, referral start"
        )
    return render(request, "referrals/start.html", {"nominal": nominal, "shared": shared})


def _release_warning(referral) -> bool:
    dates = referral.sections.get("dates", {})
    release = dates.get("release_date")
    return dates.get("in_custody") == "yes" and rules.release_is_close(
        release_date=release and timezone.datetime.fromisoformat(release).date(),
        today=timezone.localdate(),
        months=settings.MAPPA_REFERRAL_RELEASE_WARNING_MONTHS,
    )


@requires(permissions.MAKE_REFERRAL)
def referral(request, referral_id):
    """The task list while the referrer may edit it; otherwise the referral as submitted."""
    found = queries.get_referral(request.user, referral_id)
    editable = found.referred_by_id == request.user.id and rules.may_edit(found.status)
    audit.record_read(actor=request.user, subject=found.id, content="referral")
    context = {
        "referral": found,
        "answers": sections.answers(found),
        "editable": editable,
        "release_warning": _release_warning(found),
        "warning_months": settings.MAPPA_REFERRAL_RELEASE_WARNING_MONTHS,
        "decisions": found.decisions.select_related("decided_by__agency"),
        "may_screen": permissions.has_permission(request.user, permissions.SCREEN_REFERRALS)
        and found.status == "submitted",
    }
    template = "referrals/task_list.html" if editable else "referrals/referral.html"
    return render(request, template, context)


@requires(permissions.MAKE_REFERRAL)
def referral_section(request, referral_id, key):
    found = queries.get_referral(request.user, referral_id)
    part = sections.BY_KEY.get(key)
    if part is None:
        raise Http404("No such section")
    if found.referred_by_id != request.user.id or not rules.may_edit(found.status):
        messages.error(request, "This referral has been submitted and can no longer be changed.")
        return redirect("referral", referral_id=found.id)
    initial = found.sections.get(key)
    if initial is None and found.nominal_id:
        nominal = people.get_nominal(request.user, found.nominal_id, whole_record=True)
        initial = sections.prefill(nominal, for_nominal(nominal, timezone.localdate())).get(key)
    form = part.form(request.POST or None, initial=initial or {})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_section(
                actor=request.user, referral=found, key=key, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("referral", referral_id=found.id)
    audit.record_read(actor=request.user, subject=found.id, content=f"referral, {key} section")
    return render(
        request, "referrals/section.html", {"form": form, "part": part, "referral": found}
    )


@requires(permissions.MAKE_REFERRAL)
def check_and_submit(request, referral_id):
    found = queries.get_referral(request.user, referral_id)
    if found.referred_by_id != request.user.id or not rules.may_edit(found.status):
        return redirect("referral", referral_id=found.id)
    problems = []
    if request.method == "POST":
        try:
            services.submit(actor=request.user, referral=found)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, "Referral submitted. The MAPPA co-ordinator will screen it.")
            return redirect("referral", referral_id=found.id)
    audit.record_read(actor=request.user, subject=found.id, content="referral, check answers")
    context = {
        "referral": found,
        "answers": sections.answers(found),
        "problems": problems,
        "release_warning": _release_warning(found),
        "warning_months": settings.MAPPA_REFERRAL_RELEASE_WARNING_MONTHS,
    }
    return render(request, "referrals/check.html", context)


@require_POST
@requires(permissions.MAKE_REFERRAL)
def withdraw(request, referral_id):
    found = queries.get_referral(request.user, referral_id)
    try:
        services.withdraw(actor=request.user, referral=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("referral", referral_id=found.id)


@requires(permissions.SCREEN_REFERRALS)
def screening_queue(request):
    now = timezone.now()
    waiting = [
        (
            referral,
            (now - referral.submitted_at).days,
            rules.screening_status(
                submitted=referral.submitted_at,
                now=now,
                amber_days=settings.MAPPA_SCREENING_AMBER_DAYS,
                red_days=settings.MAPPA_SCREENING_RED_DAYS,
            ),
        )
        for referral in queries.awaiting_screening(request.user)
    ]
    return render(request, "referrals/queue.html", {"waiting": waiting})


def _screened_message(referral) -> str:
    """The confirmation, with a link to the case the screening opened or changed."""
    referral.refresh_from_db(fields=["case"])
    if referral.case_id is None:
        return "Decision recorded. The referrer has been told."
    return format_html(
        'Decision recorded. The referrer has been told. <a class="govuk-notification-banner__link"'
        ' href="{}">Open the case</a>',
        reverse("case", kwargs={"case_id": referral.case_id}),
    )


@requires(permissions.SCREEN_REFERRALS)
def screen(request, referral_id):
    found = queries.get_referral(request.user, referral_id)
    if found.status != "submitted":
        messages.error(request, "This referral is not waiting for screening.")
        return redirect("referral", referral_id=found.id)
    people_found = [] if found.nominal_id else candidates(request.user, found)
    form = ScreeningForm(request.POST or None, people=people_found, linked=bool(found.nominal_id))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            nominal = person_for(request.user, found, data["person"])
            services.screen(
                actor=request.user,
                referral=found,
                outcome=data["outcome"],
                rationale=data["rationale"],
                missing_information=data["missing_information"],
                lead_agency=data["lead_agency"],
                nominal=nominal,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _screened_message(found))
            return redirect("screening-queue")
    audit.record_read(actor=request.user, subject=found.id, content="referral")
    context = {
        "referral": found,
        "answers": sections.answers(found),
        "form": form,
    }
    return render(request, "referrals/screen.html", context)

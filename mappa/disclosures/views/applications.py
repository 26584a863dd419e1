"""The disclosure team's pages for scheme applications: the queue with red/amber/green, an
application with its stages, research against the register, the decision and the letter."""

from __future__ import annotations

import re
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.disclosures import queries
from mappa.disclosures.constants import Route, Scheme, Stage
from mappa.disclosures.forms.answers import posted
from mappa.disclosures.forms.applications import StaffApplicationForm
from mappa.disclosures.forms.decisions import ApplicationDecisionForm
from mappa.disclosures.forms.stages import STAGE_FORMS, LetterForm, LinkForm, SearchForm
from mappa.disclosures.services import applications, letters
from mappa.kit.forms import add_service_errors
from mappa.people import queries as people


def _readable(value) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return date.fromisoformat(value).strftime("%-d %B %Y")  # stored as ISO: 2 December 2026
    return str(value).replace("_", " ") if value in OUTCOME_WORDS else str(value)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
OUTCOME_WORDS = {"urgent_safeguarding", "no_immediate_risk", "disclose", "do_not_disclose"}
OUTCOME_WORDS |= {"disclosed", "not_disclosed", "in_person", "telephone", "email", "post"}
# Step details that are identifiers, not for reading.
HIDDEN_DETAILS = {"nominal", "disclosure_decision", "decision"}


def _steps(application) -> list:
    rows = []
    for step in application.steps.all():
        details = [
            (key.replace("_", " ").capitalize(), _readable(value))
            for key, value in step.details.items()
            if key not in HIDDEN_DETAILS and value not in ("", None)
        ]
        rows.append((step, _readable(step.outcome) if step.outcome else "", details))
    return rows


def _back(application):
    return redirect("disclosure-application", application_id=application.id)


@requires(permissions.DECIDE_DISCLOSURES)
def queue(request):
    today = timezone.localdate()
    scheme = request.GET.get("scheme", "")
    scheme = scheme if scheme in Scheme.values else ""
    context = {
        "rows": queries.open_queue(request.user, today, scheme),
        "decisions": queries.decisions_waiting(request.user),
        "scheme": scheme,
        "schemes": Scheme.choices,
        "today": today,
        "amber_days": settings.MAPPA_DISCLOSURE_AMBER_DAYS,
        "csods_days": settings.MAPPA_CSODS_TARGET_DAYS,
        "dvds_days": settings.MAPPA_DVDS_TARGET_DAYS,
    }
    return render(request, "disclosures/queue.html", context)


@requires(permissions.DECIDE_DISCLOSURES)
def application(request, application_id):
    found = queries.get_application(request.user, application_id)
    audit.record_read(actor=request.user, subject=found.id, content="disclosure application")
    context = {
        "application": found,
        "rag": queries.rag_of(found, timezone.localdate()),
        "stages": [s for s in Stage if s != Stage.CLOSED],
        "decided_to_disclose": applications.decided_to_disclose(found),
        "decision": found.decisions.filter(decision="disclose").first(),
        "staff_stage": found.stage in applications.STAFF_STAGES,
        "steps": _steps(found),
    }
    return render(request, "disclosures/application.html", context)


@requires(permissions.DECIDE_DISCLOSURES)
def stage(request, application_id):
    """The form for the application's current stage (initial contact to research)."""
    found = queries.get_application(request.user, application_id)
    if found.stage not in STAGE_FORMS:
        return _back(found)
    form = STAGE_FORMS[found.stage](posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            applications.record_stage(
                actor=request.user, application=found, stage=found.stage, details=form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Stage recorded.")
            return _back(found)
    audit.record_read(
        actor=request.user, subject=found.id, content=f"disclosure application, {found.stage} form"
    )
    context = {"application": found, "form": form}
    if found.stage == Stage.RESEARCH:
        context |= _research(request, found)
    return render(request, "disclosures/stage.html", context)


def _research(request, found) -> dict:
    search = SearchForm(request.GET if "name" in request.GET else None)
    results = None
    if search.is_bound and search.is_valid():
        criteria = people.Criteria(
            name=search.cleaned_data["name"], date_of_birth=search.cleaned_data["date_of_birth"]
        )
        linked = {link.nominal_id for link in found.links.all()}
        results = [n for n in people.search(request.user, criteria) if n.id not in linked]
    return {"search": search, "results": results, "link_form": LinkForm()}


@requires(permissions.DECIDE_DISCLOSURES)
def link(request, application_id):
    found = queries.get_application(request.user, application_id)
    form = LinkForm(posted(request))
    if request.method == "POST" and form.is_valid():
        nominal = people.get_nominal(request.user, form.cleaned_data["nominal"])
        try:
            applications.link_nominal(
                actor=request.user,
                application=found,
                nominal=nominal,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{nominal.full_name} linked to the application.")
    elif request.method == "POST":
        messages.error(request, "Say why this is the person the application is about.")
    if found.stage == Stage.DECISION:
        return redirect("disclosure-decide", application_id=found.id)
    return redirect("disclosure-stage", application_id=found.id)


@requires(permissions.DECIDE_DISCLOSURES)
def decide(request, application_id):
    found = queries.get_application(request.user, application_id)
    if found.stage != Stage.DECISION:
        return _back(found)
    links = list(found.links.select_related("nominal"))
    form = ApplicationDecisionForm(posted(request), links=links)
    if request.method == "POST" and form.is_valid():
        try:
            applications.decide(actor=request.user, application=found, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Decision recorded.")
            return _back(found)
    audit.record_read(
        actor=request.user, subject=found.id, content="disclosure application, decision form"
    )
    # No one linked at the research stage: the person can still be found and linked here.
    context = {"application": found, "form": form} | _research(request, found)
    return render(request, "disclosures/decide.html", context)


@requires(permissions.DECIDE_DISCLOSURES)
def letter(request, application_id):
    """The non-disclosure letter as a PDF, marked, with the recipient and time; audited."""
    found = queries.get_application(request.user, application_id)
    if found.stage != Stage.DISCLOSURE or applications.decided_to_disclose(found):
        return _back(found)
    document = letters.export_letter(actor=request.user, application=found)
    audit.record_read(
        actor=request.user, subject=found.id, content="disclosure application, letter (PDF)"
    )
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{found.reference}-letter.pdf"'
    return response


@requires(permissions.DECIDE_DISCLOSURES)
def letter_sent(request, application_id):
    found = queries.get_application(request.user, application_id)
    if found.stage != Stage.DISCLOSURE or applications.decided_to_disclose(found):
        return _back(found)
    form = LetterForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            applications.record_letter_sent(
                actor=request.user, application=found, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Letter recorded: the application is closed.")
            return _back(found)
    audit.record_read(
        actor=request.user, subject=found.id, content="disclosure application, letter sent form"
    )
    return render(request, "disclosures/letter_sent.html", {"application": found, "form": form})


@requires(permissions.DECIDE_DISCLOSURES)
def new_application(request):
    """An application taken by phone or at a station, or a police-initiated right to know."""
    form = StaffApplicationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        scheme, route = form.scheme_and_route()
        try:
            created = applications.receive_application(
                actor=request.user,
                scheme=scheme,
                route=route,
                area=request.user.area,
                details=form.application_details(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Application {created.reference} recorded.")
            return _back(created)
    return render(request, "disclosures/new_application.html", {"form": form, "Route": Route})

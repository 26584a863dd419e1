"""The custody pages: the releases queue, a person's custody, screenings, releases and returns."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.models import User
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.custody import queries, rules, services
from mappa.custody.constants import ScreeningStatus
from mappa.custody.forms import (
    CustodyRecordForm,
    DecisionForm,
    ReleaseForm,
    ReturnForm,
    ScreeningForm,
)
from mappa.kit.forms import add_service_errors


@requires(permissions.VIEW_AREA_CASES)
def releases(request):
    """The area's releases queue, most urgent first."""
    today = timezone.localdate()
    context = {
        "rows": queries.releases_queue(request.user, today),
        "months": settings.MAPPA_RELEASES_MONTHS,
        "lead_months": settings.MAPPA_LEVEL_SET_MONTHS_BEFORE_RELEASE,
        "unprepared": queries.releases_unprepared(request.user, today),
        "recent_days": settings.MAPPA_RELEASES_RECENT_DAYS,
        "today": today,
    }
    return render(request, "custody/releases.html", context)


def _may(user, permission) -> bool:
    return permissions.has_permission(user, permission)


def _may_screen(user) -> bool:
    kind = user.agency.kind if user.agency_id else None
    return _may(user, permissions.MANAGE_CASES) and rules.may_screen(
        role=user.role, agency_kind=kind
    )


@requires(permissions.VIEW_AREA_CASES)
def person(request, nominal_id):
    nominal = queries.get_person(request.user, nominal_id)
    period = queries.open_period(nominal)
    record = queries.custody_record(nominal)
    today = timezone.localdate()
    due = rules.level_due_against(
        release_on=queries.expected_release(nominal, period, record),
        parole_hearing_on=record.parole_hearing_on if record else None,
        today=today,
    )
    screenings = list(queries.screenings_of(nominal))
    audit.record_read(actor=request.user, subject=nominal.id, content="custody")
    context = {
        "nominal": nominal,
        "period": period,
        "record": record,
        "due": due,
        "deadline": due
        and rules.level_deadline(
            due_on=due.on, lead_months=settings.MAPPA_LEVEL_SET_MONTHS_BEFORE_RELEASE
        ),
        "case": queries.open_case(nominal),
        "expected": queries.expected_release(nominal, period, record),
        "screenings": screenings,
        "screened": any(s.custody_started_on == (period and period.started_on) for s in screenings),
        "movements": queries.movements_of(nominal),
        "may_manage": _may(request.user, permissions.MANAGE_CASES),
        "may_screen": _may_screen(request.user),
    }
    return render(request, "custody/person.html", context)


def _form_page(request, *, subject, template, form, save, context, content):
    """A form page: `save(cleaned_data)` returns (message, where to go); a refusal, a stale
    save among them, is shown on the form with what was typed, and nothing changes."""
    if request.method == "POST" and form.is_valid():
        try:
            done, target = save(form.cleaned_data)
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, done)
            return redirect(target)
    audit.record_read(actor=request.user, subject=subject, content=content)
    return render(request, template, {"form": form, **context})


@requires(permissions.MANAGE_CASES)
def edit_record(request, nominal_id):
    nominal = queries.get_person(request.user, nominal_id)
    record = queries.custody_record(nominal)
    initial = (
        {
            "version": record.version,
            "establishment": record.establishment,
            "expected_release_on": record.expected_release_on,
            "parole_hearing_on": record.parole_hearing_on,
        }
        if record
        else {}
    )

    def save(data):
        services.save_custody_record(actor=request.user, nominal=nominal, **data)
        return "Custody record saved", reverse("custody-person", args=[nominal.id])

    return _form_page(
        request,
        subject=nominal.id,
        template="custody/record_form.html",
        form=CustodyRecordForm(request.POST or None, initial=initial),
        save=save,
        context={"nominal": nominal},
        content="custody record form",
    )


def _offender_managers(nominal):
    return User.objects.filter(
        area_id=nominal.area_id, agency__kind="probation", role="ra_practitioner", is_active=True
    ).select_related("agency")


@requires(permissions.MANAGE_CASES)
def new_screening(request, nominal_id):
    nominal = queries.get_person(request.user, nominal_id)

    def save(data):
        data.pop("version", None)
        screening = services.record_screening(actor=request.user, nominal=nominal, **data)
        return "Screening recorded", reverse("custody-screening", args=[screening.id])

    form = ScreeningForm(request.POST or None, offender_managers=_offender_managers(nominal))
    return _form_page(
        request,
        subject=nominal.id,
        template="custody/screening_form.html",
        form=form,
        save=save,
        context={"nominal": nominal, "editing": False},
        content="pre-release screening form",
    )


@requires(permissions.VIEW_AREA_CASES)
def screening(request, screening_id):
    found = queries.get_screening(request.user, screening_id)
    audit.record_read(actor=request.user, subject=found.nominal_id, content="pre-release screening")
    waiting = found.status == ScreeningStatus.AWAITING_DECISION
    context = {
        "screening": found,
        "nominal": found.nominal,
        "may_edit": waiting and _may_screen(request.user),
        "may_decide": waiting and _may(request.user, permissions.SCREEN_REFERRALS),
    }
    return render(request, "custody/screening.html", context)


@requires(permissions.MANAGE_CASES)
def edit_screening(request, screening_id):
    found = queries.get_screening(request.user, screening_id)
    nominal = found.nominal
    initial = {
        name: getattr(found, name)
        for name in ("version", *services.SCREENING_FIELDS)
        if name != "offender_manager"
    }
    initial["report_requested"] = "yes" if found.report_requested else "no"
    initial["offender_manager"] = found.offender_manager and found.offender_manager.uuid

    def save(data):
        services.change_screening(actor=request.user, screening=found, **data)
        return "Screening changed", reverse("custody-screening", args=[found.id])

    form = ScreeningForm(
        request.POST or None, initial=initial, offender_managers=_offender_managers(nominal)
    )
    form.fields["version"].required = True
    return _form_page(
        request,
        subject=nominal.id,
        template="custody/screening_form.html",
        form=form,
        save=save,
        context={"nominal": nominal, "editing": True, "screening": found},
        content="pre-release screening form",
    )


@requires(permissions.SCREEN_REFERRALS)
def decide(request, screening_id):
    found = queries.get_screening(request.user, screening_id)

    def save(data):
        services.decide_level(actor=request.user, screening=found, **data)
        done = f"Level {data['level']} confirmed"
        if data["level"] > 1:
            done += ": the case needs a pre-release meeting"
        return done, reverse("custody-screening", args=[found.id])

    form = DecisionForm(
        request.POST or None,
        initial={"version": found.version, "level": found.proposed_level},
    )
    return _form_page(
        request,
        subject=found.nominal_id,
        template="custody/decision_form.html",
        form=form,
        save=save,
        context={"screening": found, "nominal": found.nominal},
        content="pre-release screening, level decision form",
    )


@requires(permissions.MANAGE_CASES)
def release(request, nominal_id):
    nominal = queries.get_person(request.user, nominal_id)

    def save(data):
        movement = services.record_release(actor=request.user, nominal=nominal, **data)
        done = "Release recorded"
        if not movement.prepared:
            done += ": no level was set in custody, or no risk management plan was in place"
        return done, reverse("custody-person", args=[nominal.id])

    return _form_page(
        request,
        subject=nominal.id,
        template="custody/release_form.html",
        form=ReleaseForm(request.POST or None, initial={"version": nominal.version}),
        save=save,
        context={"nominal": nominal, "period": queries.open_period(nominal)},
        content="release form",
    )


@requires(permissions.MANAGE_CASES)
def return_to_custody(request, nominal_id):
    nominal = queries.get_person(request.user, nominal_id)

    def save(data):
        services.record_return(actor=request.user, nominal=nominal, **data)
        return "Return to custody recorded", reverse("custody-person", args=[nominal.id])

    return _form_page(
        request,
        subject=nominal.id,
        template="custody/return_form.html",
        form=ReturnForm(request.POST or None, initial={"version": nominal.version}),
        save=save,
        context={"nominal": nominal},
        content="return to custody form",
    )

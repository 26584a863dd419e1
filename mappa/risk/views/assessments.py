"""RoSH assessments of a case: the latest and its history, one assessment, recording one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import services as audit
from mappa.kit.forms import add_service_errors
from mappa.risk import queries, services
from mappa.risk.forms.assessments import AssessmentForm
from mappa.risk.views import may_record


@requires(permissions.VIEW_CASES)
def assessments(request, case_id):
    case = queries.get_case(request.user, case_id)
    history = list(queries.assessments_of(case))
    audit.record_read(actor=request.user, subject=case.id, content="RoSH assessments")
    context = {
        "case": case,
        "latest": history[0] if history else None,
        "history": history,
        "may_record": may_record(request, case),
    }
    return render(request, "risk/assessments.html", context)


@requires(permissions.VIEW_CASES)
def assessment(request, case_id, assessment_id):
    case, found = queries.get_assessment(request.user, case_id, assessment_id)
    audit.record_read(actor=request.user, subject=case.id, content="RoSH assessment")
    return render(request, "risk/assessment.html", {"case": case, "assessment": found})


@requires(permissions.RECORD_RISK)
def add_assessment(request, case_id):
    case = queries.get_case(request.user, case_id, changing=True)
    assessors = queries.assessors(case)
    initial = {"assessed_on": timezone.localdate()}
    if any(user.pk == request.user.pk for user in assessors):
        initial["assessor"] = str(request.user.uuid)
    form = AssessmentForm(request.POST or None, assessors=assessors, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_assessment(actor=request.user, case=case, **form.service_arguments())
        except ValidationError as refused:
            add_service_errors(form, refused)
        else:
            messages.success(request, "RoSH assessment recorded")
            return redirect("rosh-assessments", case_id=case.id)
    audit.record_read(actor=request.user, subject=case.id, content="RoSH assessment form")
    return render(request, "risk/assessment_form.html", {"case": case, "form": form})

"""Audits: the board schedules them, an auditor completes them, everyone with the aggregates
permission reads the quarterly summaries."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit.services import record_read
from mappa.kit.forms import add_service_errors
from mappa.oversight import queries, rules, summaries
from mappa.oversight.constants import AuditKind, items_for
from mappa.oversight.forms import AuditForm, ScheduleForm, case_label
from mappa.oversight.services import audits
from mappa.oversight.views import render


def describe(audit) -> str:
    """What was audited, without any name."""
    if audit.kind == AuditKind.MEETING:
        return f"Level {audit.meeting.level} meeting on {audit.meeting.date:%-d %B %Y}"
    return case_label(audit.case)


@requires(permissions.OVERSEE)
def audit_list(request):
    today = timezone.localdate()
    rows = [
        (audit, describe(audit), audit.completed_at is None and audit.due_on < today)
        for audit in queries.audits_visible_to(request.user)
    ]
    return render(request, "oversight/audits.html", {"rows": rows})


@requires(permissions.OVERSEE)
def schedule(request):
    area = queries.area_of(request.user)
    form = ScheduleForm(
        request.POST or None,
        meetings=queries.auditable_meetings(area),
        cases=queries.auditable_cases(area),
        auditors=queries.auditors(area),
    )
    if request.method == "POST" and form.is_valid():
        try:
            audits.schedule_audit(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Audit scheduled.")
            return redirect("oversight-audits")
    return render(request, "oversight/schedule.html", {"form": form})


@requires(permissions.VIEW_AGGREGATES)
def audit(request, audit_id):
    found = queries.get_audit(request.user, audit_id)
    may_complete = found.auditor_id == request.user.pk and found.completed_at is None
    form = AuditForm(request.POST or None, kind=found.kind) if may_complete else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            audits.complete_audit(
                actor=request.user,
                audit_record=found,
                scores=form.scores(),
                overall_comment=form.cleaned_data["overall_comment"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Audit completed.")
            return redirect("oversight-audit", audit_id=found.id)
    record_read(
        actor=request.user,
        subject=found.case_id or found.meeting_id,
        content=f"{found.kind} audit",
    )
    scored = {score.item: score for score in found.scores.all()}
    items = [
        (n, section, question, dict(answers), scored.get(code), code)
        for n, (code, section, question, answers) in enumerate(items_for(found.kind), start=1)
    ]
    context = {
        "audit": found,
        "subject": describe(found),
        "form": form,
        "items": items,
        "subject_url": _subject_url(request.user, found),
    }
    return render(request, "oversight/audit.html", context)


def _subject_url(user, found) -> str | None:
    """A link to the meeting or case, for an auditor who may open it."""
    if found.kind == AuditKind.MEETING and permissions.role_has(user, permissions.VIEW_AREA_CASES):
        return reverse("meeting", kwargs={"meeting_id": found.meeting_id})
    if found.kind == AuditKind.CASE and queries.case_link_visible(user, found.case_id):
        return reverse("case", kwargs={"case_id": found.case_id})
    return None


@requires(permissions.VIEW_AGGREGATES)
def summary(request):
    area = queries.area_of(request.user)
    this_year = rules.quarter_of(timezone.localdate())[0]
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    year = min(max(year, 2000), this_year + 1)
    found = [summaries.quarterly(area, kind, year) for kind in AuditKind.values]
    context = {
        "summaries": found,
        "year": year,
        "years": list(range(this_year, this_year - 6, -1)),
        "quarters": summaries.QUARTERS,
    }
    return render(request, "oversight/audit_summary.html", context)

"""The MARAC co-ordinator's quarterly statistics, on a page and as CSV."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.marac import rules, statistics
from mappa.marac.services import statistics as services


def _quarter(request) -> date:
    """The quarter asked for (`?quarter=YYYY-MM-DD`, its first day), or the current one."""
    offered = statistics.quarters(timezone.localdate())
    asked = request.GET.get("quarter")
    if not asked:
        return offered[0]
    try:
        start = date.fromisoformat(asked)
    except ValueError as error:
        raise Http404("No such quarter") from error
    if start != rules.quarter_of(start)[0]:
        raise Http404("No such quarter")
    return start


@requires(permissions.MANAGE_MARAC)
def page(request):
    start = _quarter(request)
    context = {
        "stats": statistics.for_quarter(request.user.area_id, start),
        "quarters": [
            (q, rules.quarter_label(q)) for q in statistics.quarters(timezone.localdate())
        ],
        "chosen": start,
    }
    return render(request, "marac/statistics.html", context)


@requires(permissions.MANAGE_MARAC)
def csv_export(request):
    user = request.user
    stats = statistics.for_quarter(user.area_id, _quarter(request))
    recipient = user.display_name + (f", {user.agency.name}" if user.agency_id else "")
    body = statistics.as_csv(
        stats, area_name=user.area.name, recipient=recipient, produced_at=timezone.localtime()
    )
    services.record_export(actor=user, stats=stats)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    name = f"marac-statistics-{user.area.code}-{stats.start:%Y-%m}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

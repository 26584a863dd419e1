"""The board's performance indicators: definitions, charts, data tables and CSV, for any period."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit.events import EventType
from mappa.oversight import queries
from mappa.oversight.forms import period_from
from mappa.oversight.indicators import definitions as indicators
from mappa.oversight.pdf import marking_line, recipient_of
from mappa.oversight.services import exports
from mappa.oversight.views import render


@requires(permissions.VIEW_AGGREGATES)
def indicator_list(request):
    area = queries.area_of(request.user)
    form, start, end = period_from(request.GET, timezone.localdate())
    rows = [
        (
            indicator,
            indicators.definition(indicator),
            indicators.compute(indicator, area, start, end),
        )
        for indicator in indicators.INDICATORS
    ]
    context = {"form": form, "start": start, "end": end, "rows": rows}
    return render(request, "oversight/indicators.html", context)


@requires(permissions.VIEW_AGGREGATES)
def indicator(request, slug):
    found = indicators.get(slug)
    area = queries.area_of(request.user)
    form, start, end = period_from(request.GET, timezone.localdate())
    result = indicators.compute(found, area, start, end)
    context = {
        "form": form,
        "result": result,
        "definition": indicators.definition(found),
        "query": request.GET.urlencode(),
    }
    return render(request, "oversight/indicator.html", context)


@requires(permissions.VIEW_AGGREGATES)
def indicator_csv(request, slug):
    found = indicators.get(slug)
    area = queries.area_of(request.user)
    _, start, end = period_from(request.GET, timezone.localdate())
    result = indicators.compute(found, area, start, end)
    line = marking_line(recipient_of(request.user), timezone.now())
    exports.record_export(
        actor=request.user,
        event_type=EventType.INDICATOR_EXPORTED,
        payload={"area": area.code, "indicator": slug, "from": str(start), "to": str(end)},
    )
    response = HttpResponse(indicators.as_csv(result, line), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{indicators.filename(result)}"'
    return response

from django.shortcuts import render

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.audit import queries, services
from mappa.audit.forms import AuditSearchForm


@requires(permissions.VIEW_AUDIT_LOG)
def search_log(request):
    form = AuditSearchForm(request.GET or None)
    events = None
    if form.is_bound and form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value}
        found = queries.search(request.user, **filters)
        events = list(found[: queries.PAGE_SIZE])
        services.record_search(actor=request.user, filters=filters, results=len(events))
    return render(
        request,
        "audit/search.html",
        {"form": form, "events": events, "page_size": queries.PAGE_SIZE},
    )

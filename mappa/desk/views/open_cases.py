"""All open cases: every open case the user may see, filtered by level, category, review status
and lead agency, with how many cases each choice would show, a page at a time.

The list is read through `desk.queries.open_cases` (the user's scope); each page shown is
recorded as a search of the register (`register.searched`) with its filters and count.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.desk import dashboards
from mappa.desk import queries as cases
from mappa.people import services as register


def _with_counts(fields, counts):
    """Each filter option's text with how many open cases it would show: "Level 2 (14)"."""
    return [
        (name, label, any_label, [(v, f"{text} ({counts[name].get(v, 0)})") for v, text in choices], current)
        for name, label, any_label, choices, current in fields
    ]  # fmt: skip


def _pages(page, query: str) -> list[dict]:
    """The GOV.UK pagination's numbered links: first, last, and those next to the current."""
    found, last = [], None
    prefix = f"?{query}&page=" if query else "?page="
    for number in page.paginator.page_range:
        near = abs(number - page.number) <= 1 or number in (1, page.paginator.num_pages)
        if not near:
            continue
        if last is not None and number - last > 1:
            found.append({"ellipsis": True})
        found.append(
            {"number": number, "url": f"{prefix}{number}", "current": number == page.number}
        )
        last = number
    return found


@requires(permissions.VIEW_CASES)
def open_cases(request):
    today = timezone.localdate()
    context = dashboards.open_cases_filter(request.GET)
    case_filter = context["case_filter"]
    found = case_filter.apply(cases.open_mappa_cases(request.user), today)
    paginator = Paginator(cases.soonest_first(found), settings.MAPPA_DASHBOARD_ROWS)
    page = paginator.get_page(request.GET.get("page"))
    counts = cases.counts_by_value(request.user, today, case_filter)
    register.record_search(
        actor=request.user,
        query={"list": "open cases", "page": page.number}
        | {key: str(value) for key, value in vars(case_filter).items() if value not in ("", None)},
        results=paginator.count,
    )
    query = context["filter_query"]
    context |= {
        "filter_fields": _with_counts(context["filter_fields"], counts),
        "rows": [(row, dashboards.case_url(row.case)) for row in cases.with_status(page, today)],
        "page": page,
        "pages": _pages(page, query),
        "previous_url": f"?{query}&page={page.number - 1}" if query else f"?page={page.number - 1}",
        "next_url": f"?{query}&page={page.number + 1}" if query else f"?page={page.number + 1}",
        "total": paginator.count,
        "status_counts": counts["review_status"],
    }
    return render(request, "desk/open_cases.html", context)

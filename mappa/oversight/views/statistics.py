"""The board's home page and the annual statistics: the tables, their charts, CSV and PDF."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone

from mappa.agencies import permissions
from mappa.agencies.permissions import requires
from mappa.oversight import queries, rules
from mappa.oversight.constants import ReviewStatus
from mappa.oversight.forms import YearForm, last_year_ending
from mappa.oversight.models import SeriousCaseReview
from mappa.oversight.services import exports
from mappa.oversight.statistics import annual
from mappa.oversight.statistics.figures import ORDERS, figures
from mappa.oversight.views import render


def _year(request) -> tuple[YearForm, object]:
    default = last_year_ending(timezone.localdate())
    form = YearForm(request.GET if request.GET.get("year_ending") else None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["year_ending"]
    if not form.is_bound:
        form = YearForm(initial={"year_ending": default.strftime("%d/%m/%Y")})
    return form, default


def review_counts(area, year_ending) -> dict[str, int]:
    """Serious case reviews commenced and completed in the year: numbers only."""
    start, end = rules.year_of(year_ending)
    reviews = SeriousCaseReview.objects.filter(area=area)
    return {
        "notified": reviews.filter(charged_on__range=(start, end)).count(),
        "commenced": reviews.filter(decided_on__range=(start, end))
        .exclude(status=ReviewStatus.NOT_HELD)
        .count(),
        "completed": reviews.filter(completed_on__range=(start, end)).count(),
    }


@requires(permissions.VIEW_AGGREGATES)
def overview(request):
    user = request.user
    area = queries.area_of(user)
    today = timezone.localdate()
    year_ending = last_year_ending(today)
    oversee = queries.may_oversee(user)
    context = {
        "area": area,
        "year_ending": year_ending,
        "reviews": review_counts(area, year_ending),
        "oversee": oversee,
        "my_audits": queries.audits_visible_to(user).filter(
            auditor=user, completed_at__isnull=True
        ),
        "charges": len(queries.charges_awaiting_notification(user, today)) if oversee else 0,
        "may_read_reviews": queries.reviews_visible_to(user).exists() or oversee,
    }
    return render(request, "oversight/overview.html", context)


@requires(permissions.VIEW_AGGREGATES)
def statistics(request):
    area = queries.area_of(request.user)
    form, year_ending = _year(request)
    report = annual.annual_report(area, year_ending)
    context = {
        "area": area,
        "form": form,
        "report": report,
        "year_ending": year_ending,
        "figures": figures(report),
        "orders": [(label, report[key]) for key, label in ORDERS.items()],
        "reviews": review_counts(area, year_ending),
        # Beside the tables, never in them: PDPs are not MAPPA (docs/pdp.md).
        "pdp": annual.pdp_counts(area, year_ending),
    }
    return render(request, "oversight/statistics.html", context)


def _download(request, format: str, content_type: str) -> HttpResponse:
    area = queries.area_of(request.user)
    _, year_ending = _year(request)
    document = exports.export_annual(
        actor=request.user, area=area, year_ending=year_ending, format=format
    )
    response = HttpResponse(document, content_type=content_type)
    name = f"mappa-annual-statistics-{area.code}-{year_ending}.{format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@requires(permissions.VIEW_AGGREGATES)
def statistics_csv(request):
    return _download(request, "csv", "text/csv; charset=utf-8")


@requires(permissions.VIEW_AGGREGATES)
def statistics_pdf(request):
    return _download(request, "pdf", "application/pdf")


@requires(permissions.VIEW_AGGREGATES)
def statistics_json(request):
    return _download(request, "json", "application/json")

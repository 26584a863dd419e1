"""Statistics and indicators in the JSON API, read-only, for the caller's own area.

GET /api/v1/statistics/annual/?year_ending=YYYY-MM-DD[&area=CODE] answers the contract's JSON
(shared/contracts/annual-report.md); another area is a 404. GET /api/v1/indicators/ lists the
indicators with their definitions; GET /api/v1/indicators/{slug}/?start=&end= gives one.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.oversight import annual, indicators, queries
from mappa.oversight.forms import default_period, last_year_ending


def _date(request, name: str, default: date) -> date:
    text = request.query_params.get(name)
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise ValidationError({name: "Enter a date written YYYY-MM-DD"}) from error


class IndicatorSummarySerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    definition = serializers.CharField()


class IndicatorSerializer(IndicatorSummarySerializer):
    start = serializers.DateField()
    end = serializers.DateField()
    summary = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.ListField())


class AnnualStatistics(APIView):
    """The area's annual statistics for the year ending on `year_ending` (default: the last
    31 March), exactly as `mappa report annual --format json` writes them."""

    permission = permissions.VIEW_AGGREGATES

    @extend_schema(
        parameters=[OpenApiParameter("year_ending", str), OpenApiParameter("area", str)],
        responses=dict,
        summary="Annual statistics",
    )
    def get(self, request):
        area = queries.area_for_code(request.user, request.query_params.get("area"))
        year_ending = _date(request, "year_ending", last_year_ending(timezone.localdate()))
        return Response(annual.annual_report(area, year_ending))


def _summary(indicator) -> dict:
    return {
        "slug": indicator.slug,
        "title": indicator.title,
        "definition": indicators.definition(indicator),
    }


class IndicatorList(APIView):
    """The board's performance indicators and their definitions."""

    permission = permissions.VIEW_AGGREGATES

    @extend_schema(responses=IndicatorSummarySerializer(many=True), summary="List indicators")
    def get(self, request):
        queries.area_of(request.user)
        return Response([_summary(indicator) for indicator in indicators.INDICATORS])


class IndicatorDetail(APIView):
    """One indicator for the caller's area and a period (default: the twelve months to today)."""

    permission = permissions.VIEW_AGGREGATES

    @extend_schema(
        parameters=[OpenApiParameter("start", str), OpenApiParameter("end", str)],
        responses=IndicatorSerializer,
        summary="Get an indicator",
    )
    def get(self, request, slug):
        found = indicators.get(slug)
        area = queries.area_of(request.user)
        first, last = default_period(timezone.localdate())
        start, end = _date(request, "start", first), _date(request, "end", last)
        if start > end:
            raise ValidationError({"end": "The end of the period must be on or after its start"})
        result = indicators.compute(found, area, start, end)
        return Response(
            _summary(found)
            | {
                "start": start,
                "end": end,
                "summary": result.summary,
                "columns": result.headings,
                "rows": result.rows,
            }
        )

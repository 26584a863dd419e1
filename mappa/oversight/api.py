"""Statistics and indicators in the JSON API, read-only, for the caller's own area.

GET /api/v1/statistics/annual/?year_ending=YYYY-MM-DD[&area=CODE] answers the contract's JSON
(shared/contracts/annual-report.md); another area is a 404. GET /api/v1/indicators/ lists the
indicators with their definitions; GET /api/v1/indicators/{slug}/?start=&end= gives one.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.api import params
from mappa.api.schema import ERRORS
from mappa.oversight import queries
from mappa.oversight.forms import MAX_PERIOD, default_period, last_year_ending
from mappa.oversight.indicators import definitions as indicators
from mappa.oversight.statistics import annual


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


class Levels123Serializer(serializers.Serializer):
    level_1 = serializers.IntegerField()
    level_2 = serializers.IntegerField()
    level_3 = serializers.IntegerField()


class LevelsTotalSerializer(Levels123Serializer):
    total = serializers.IntegerField()


class Levels23Serializer(serializers.Serializer):
    level_2 = serializers.IntegerField()
    level_3 = serializers.IntegerField()


class EligibleByCategorySerializer(serializers.Serializer):
    category_1 = LevelsTotalSerializer()
    category_2 = LevelsTotalSerializer()
    category_3 = LevelsTotalSerializer()
    category_4 = LevelsTotalSerializer()
    total = LevelsTotalSerializer()


class ManagedByCategorySerializer(serializers.Serializer):
    category_1 = Levels23Serializer()
    category_2 = Levels23Serializer()
    category_3 = Levels23Serializer()
    category_4 = Levels23Serializer()
    total = Levels23Serializer()


class YearSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()


class ReturnedToCustodySerializer(serializers.Serializer):
    licence_breach = Levels123Serializer()
    order_breach = Levels123Serializer()


class AnnualReportSerializer(serializers.Serializer):
    """shared/contracts/annual-report.md"""

    area = serializers.CharField()
    year = YearSerializer()
    eligible_on_31_march = EligibleByCategorySerializer()
    rso_per_100k_population = serializers.FloatField(allow_null=True)
    level_2_3_during_year = ManagedByCategorySerializer()
    rso_notification_breach_sanctions = serializers.IntegerField()
    rso_lifetime_notification_revoked = serializers.IntegerField()
    shpos_imposed = serializers.IntegerField()
    shpos_with_foreign_travel_prohibition = serializers.IntegerField()
    notification_orders_imposed = serializers.IntegerField()
    sros_imposed = serializers.IntegerField()
    sro_breach_sanctions = serializers.IntegerField()
    returned_to_custody = ReturnedToCustodySerializer()
    serious_further_offences_charged = Levels123Serializer()


class AnnualStatistics(APIView):
    """The area's annual statistics for the year ending on `year_ending` (default: the last
    31 March), exactly as `mappa report annual --format json` writes them."""

    permission = permissions.VIEW_AGGREGATES
    filters = params.Query(
        params.Date("year_ending", "The last day of the year (default: the last 31 March)"),
        params.Text("area", "The caller's own area's code (another area is a 404)"),
    )

    @extend_schema(
        parameters=filters.schema(),
        responses={200: AnnualReportSerializer, 404: ERRORS},
        summary="Annual statistics",
    )
    def get(self, request):
        query = self.filters.parse(request)
        area = queries.area_for_code(request.user, query["area"])
        year_ending = query["year_ending"] or last_year_ending(timezone.localdate())
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

    @extend_schema(
        responses={200: IndicatorSummarySerializer(many=True), 404: ERRORS},
        summary="List indicators",
    )
    def get(self, request):
        queries.area_of(request.user)
        return Response([_summary(indicator) for indicator in indicators.INDICATORS])


class IndicatorDetail(APIView):
    """One indicator for the caller's area and a period (default: the twelve months to today)."""

    permission = permissions.VIEW_AGGREGATES
    filters = params.Query(
        params.Date("start", "The first day of the period (default: a year before the end)"),
        params.Date("end", "The last day of the period (default: today)"),
    )

    @extend_schema(
        parameters=filters.schema(), responses=IndicatorSerializer, summary="Get an indicator"
    )
    def get(self, request, slug):
        query = self.filters.parse(request)
        found = indicators.get(slug)
        area = queries.area_of(request.user)
        first, last = default_period(timezone.localdate())
        start, end = query["start"] or first, query["end"] or last
        if start > end:
            raise ValidationError({"end": "The end of the period must be on or after its start"})
        if end - start > MAX_PERIOD:
            raise ValidationError({"start": "Choose a period of 5 years or less"})
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

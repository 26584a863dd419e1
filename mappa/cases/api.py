"""MAPPA cases in the JSON API: /api/v1/cases/."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.audit import services as audit
from mappa.cases import queries
from mappa.cases.constants import Level


class LevelChangeSerializer(serializers.Serializer):
    level = serializers.IntegerField()
    effective_from = serializers.DateField()
    source = serializers.CharField()
    rationale = serializers.CharField()
    decided_by = serializers.SerializerMethodField()

    def get_decided_by(self, change) -> str | None:
        return change.decided_by.username if change.decided_by else None


class ReviewSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    held_on = serializers.DateField()
    reviewed_by = serializers.CharField(source="reviewed_by.username")
    what_was_reviewed = serializers.CharField()
    risk_changed = serializers.BooleanField()
    risk_change = serializers.CharField()
    plan_changed = serializers.BooleanField()
    plan_change = serializers.CharField()
    decision = serializers.CharField()
    rationale = serializers.CharField()


class CaseSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    nominal = serializers.UUIDField(source="nominal_id")
    category = serializers.IntegerField(allow_null=True)
    level = serializers.IntegerField(allow_null=True)
    lead_agency = serializers.CharField()
    start_date = serializers.DateField(allow_null=True)
    next_review_due = serializers.DateField(allow_null=True)
    first_meeting_needed_since = serializers.DateField(allow_null=True)
    responsible_officer = serializers.CharField(
        source="responsible_officer.username", allow_null=True, default=None
    )
    closed_on = serializers.DateField(allow_null=True)
    closure_reason = serializers.CharField()


class CaseDetailSerializer(CaseSerializer):
    level_history = LevelChangeSerializer(many=True)
    reviews = ReviewSerializer(many=True)


class CaseList(APIView):
    """MAPPA cases in the caller's scope; `?open=` and `?level=` narrow the list."""

    permission = permissions.VIEW_CASES
    pagination_class = Pages
    filters = params.Query(
        params.Boolean("open", "true: only open cases; false: only closed ones"),
        params.Choice("level", Level, "Only cases managed at this level"),
    )

    @extend_schema(
        parameters=filters.schema(),
        responses=CaseSerializer(many=True),
        summary="List MAPPA cases",
    )
    def get(self, request):
        query = self.filters.parse(request)
        cases = queries.cases_visible_to(request.user).order_by("next_review_due", "id")
        if query["open"] is not None:
            cases = cases.filter(closed_on__isnull=query["open"])
        if query["level"]:
            cases = cases.filter(level=query["level"])
        return paginated(self, request, cases, CaseSerializer)


class CaseDetail(APIView):
    """One MAPPA case with its level history and reviews."""

    permission = permissions.VIEW_CASES

    @extend_schema(responses=CaseDetailSerializer, summary="Get a MAPPA case")
    def get(self, request, case_id):
        case = queries.get_case(request.user, case_id)
        audit.record_read(actor=request.user, subject=case.id, content="MAPPA case (API)")
        return Response(CaseDetailSerializer(case).data)

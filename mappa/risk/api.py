"""Risk records in the JSON API: /api/v1/cases/{id}/risk/..., scoped exactly as the pages are."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.api.pagination import Pages, paginated
from mappa.audit import services as audit
from mappa.risk import queries


class AssessmentSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    assessed_on = serializers.DateField()
    assessor = serializers.CharField(source="assessor.username")
    overall_level = serializers.CharField()
    in_custody = serializers.BooleanField()
    ratings = serializers.SerializerMethodField()
    who_is_at_risk = serializers.CharField()
    nature_of_harm = serializers.CharField()
    imminence = serializers.CharField()
    when_risk_greatest = serializers.CharField()
    increasing_factors = serializers.CharField()
    reducing_factors = serializers.CharField()
    tools = serializers.ListField(child=serializers.CharField())
    other_tool = serializers.CharField()
    recorded_by = serializers.CharField(source="recorded_by.username")
    recorded_at = serializers.DateTimeField()

    def get_ratings(self, assessment) -> dict[str, dict[str, str]]:
        """{"community": {"children": "high", ...}, "custody": {...}}."""
        matrix: dict[str, dict[str, str]] = {}
        for rating in assessment.ratings.all():
            matrix.setdefault(rating.setting, {})[rating.group] = rating.level
        return matrix


class PlanSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    version = serializers.IntegerField()
    sections = serializers.SerializerMethodField()
    victim_liaison_input = serializers.CharField()
    victim_wishes = serializers.CharField()
    change_summary = serializers.CharField()
    created_by = serializers.CharField(source="created_by.username")
    created_at = serializers.DateTimeField()

    def get_sections(self, plan) -> dict[str, list[str]]:
        """Each pillar and contingency with its measures in order."""
        return {section.value: [e.text for e in entries] for section, entries in plan.sections()}


class ConditionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(allow_null=True)
    description = serializers.CharField()
    address = serializers.CharField()
    approved_premises = serializers.BooleanField()
    named_person = serializers.CharField()
    zone = serializers.JSONField(allow_null=True, help_text="GeoJSON Polygon or MultiPolygon")
    curfew_from = serializers.TimeField(allow_null=True)
    curfew_to = serializers.TimeField(allow_null=True)
    monitoring = serializers.CharField()
    programme = serializers.CharField()
    recorded_by = serializers.CharField(source="recorded_by.username")
    recorded_at = serializers.DateTimeField()


class _CaseRiskList(APIView):
    permission = permissions.VIEW_CASES
    pagination_class = Pages
    content = ""

    def records(self, case):
        raise NotImplementedError

    def respond(self, request, case_id, serializer):
        case = queries.get_case(request.user, case_id)
        audit.record_read(actor=request.user, subject=case.id, content=f"{self.content} (API)")
        return paginated(self, request, self.records(case), serializer)


class AssessmentList(_CaseRiskList):
    """A case's RoSH assessments, newest first."""

    content = "RoSH assessments"

    def records(self, case):
        return queries.assessments_of(case)

    @extend_schema(responses=AssessmentSerializer(many=True), summary="List RoSH assessments")
    def get(self, request, case_id):
        return self.respond(request, case_id, AssessmentSerializer)


class PlanList(_CaseRiskList):
    """Every version of a case's risk management plan, newest first."""

    content = "risk management plans"

    def records(self, case):
        return queries.plans_of(case)

    @extend_schema(
        responses=PlanSerializer(many=True), summary="List risk management plan versions"
    )
    def get(self, request, case_id):
        return self.respond(request, case_id, PlanSerializer)


class ConditionList(_CaseRiskList):
    """A case's licence conditions, latest start first."""

    content = "licence conditions"

    def records(self, case):
        return queries.conditions_of(case)

    @extend_schema(responses=ConditionSerializer(many=True), summary="List licence conditions")
    def get(self, request, case_id):
        return self.respond(request, case_id, ConditionSerializer)

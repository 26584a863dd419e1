"""MAPPA cases in the JSON API: /api/v1/cases/, and the changes made to one between meetings
(POST /api/v1/cases/{id}/decisions/, /responsible-officer/, /closure/, each with If-Match)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa import versions
from mappa.agencies import permissions
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.api.schema import ERRORS
from mappa.audit import services as audit
from mappa.cases import queries, services
from mappa.cases.constants import (
    SET_BY_THE_SERVICE,
    CaseKind,
    Category,
    ClosureReason,
    DecisionSource,
    Level,
)


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


class PdpDecisionSerializer(serializers.Serializer):
    """A step in managing a potentially dangerous person (`services.pdp`)."""

    id = serializers.UUIDField()
    step = serializers.CharField()
    made_on = serializers.DateField()
    made_by = serializers.CharField(source="made_by.username")
    rank = serializers.CharField()
    rationale = serializers.CharField()
    review_due = serializers.DateField(allow_null=True)


class CaseSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    nominal = serializers.UUIDField(source="nominal_id")
    kind = serializers.ChoiceField(
        choices=CaseKind.choices, help_text="mappa, or pdp: a potentially dangerous person"
    )
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
    pdp_decisions = PdpDecisionSerializer(many=True)


class CaseList(APIView):
    """Cases in the caller's scope; `?open=`, `?level=` and `?kind=` narrow the list."""

    permission = permissions.VIEW_CASES
    pagination_class = Pages
    filters = params.Query(
        params.Boolean("open", "true: only open cases; false: only closed ones"),
        params.Choice("level", Level, "Only cases managed at this level"),
        params.Choice("kind", CaseKind, "mappa: MAPPA cases; pdp: potentially dangerous persons"),
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
        if query["kind"]:
            cases = cases.filter(kind=query["kind"])
        return paginated(self, request, cases, CaseSerializer)


class CaseDetail(APIView):
    """One MAPPA case with its level history and reviews."""

    permission = permissions.VIEW_CASES

    @extend_schema(responses=CaseDetailSerializer, summary="Get a MAPPA case")
    def get(self, request, case_id):
        case = queries.get_case(request.user, case_id)
        audit.record_read(actor=request.user, subject=case.id, content="MAPPA case (API)")
        return Response(
            CaseDetailSerializer(case).data, headers={"ETag": versions.etag(case.nominal)}
        )


# Changes between meetings. The case is part of the person record, so its ETag is the record's
# (decision 0011): a GET of the case gives it, and each change must send it back in If-Match.

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description="The case's ETag as last read (from a GET of the case or an earlier change)",
)
CHANGED = {200: CaseDetailSerializer, 400: ERRORS, 404: ERRORS, 412: ERRORS, 428: ERRORS}


class DecisionIn(serializers.Serializer):
    category = serializers.ChoiceField(choices=Category.choices)
    level = serializers.ChoiceField(choices=Level.choices)
    source = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in DecisionSource if s not in SET_BY_THE_SERVICE]
    )
    rationale = serializers.CharField(max_length=5000)
    decided_on = serializers.DateField()


class OfficerIn(serializers.Serializer):
    officer = serializers.CharField(max_length=150, help_text="The officer's username")


class ClosureIn(serializers.Serializer):
    reason = serializers.ChoiceField(choices=ClosureReason.choices)
    explanation = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    closed_on = serializers.DateField()


class CaseChange(APIView):
    """A change to a case in the caller's scope, made through `change` with the If-Match version."""

    permission = permissions.MANAGE_CASES
    body = serializers.Serializer

    def change(self, case, data: dict, version: int) -> None:
        raise NotImplementedError

    def post(self, request, case_id):
        case = queries.get_case(request.user, case_id, changing=True)
        version = versions.if_match(request)
        given = self.body(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            self.change(case, dict(given.validated_data), version)
        except versions.StaleEdit as stale:
            raise versions.refused(stale) from None
        except DjangoValidationError as refused:
            problems = refused.message_dict if hasattr(refused, "error_dict") else refused.messages
            raise ValidationError(problems) from None
        case = queries.get_case(request.user, case.id)
        return Response(
            CaseDetailSerializer(case).data, headers={"ETag": versions.etag(case.nominal)}
        )


class CaseDecision(CaseChange):
    """Record a category and level decision: the level history shows who, when, where and why."""

    body = DecisionIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=DecisionIn,
        responses=CHANGED,
        summary="Record a category and level decision",
    )
    def post(self, request, case_id):
        return super().post(request, case_id)

    def change(self, case, data: dict, version: int) -> None:
        data["source"] = DecisionSource(data["source"])
        services.record_decision(actor=self.request.user, case=case, version=version, **data)


class CaseOfficer(CaseChange):
    """Name the responsible officer: a practitioner of the lead agency in the case's area."""

    body = OfficerIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=OfficerIn,
        responses=CHANGED,
        summary="Name the responsible officer",
    )
    def post(self, request, case_id):
        return super().post(request, case_id)

    def change(self, case, data: dict, version: int) -> None:
        officer = queries.officers_for(case).filter(username=data["officer"]).first()
        if officer is None:
            raise ValidationError(
                {"officer": ["is not a practitioner of the lead agency in the case's area"]}
            )
        services.name_responsible_officer(
            actor=self.request.user, case=case, version=version, officer=officer
        )


class CaseClosure(CaseChange):
    """Close the case (deregistration) on a date, for a reason."""

    body = ClosureIn

    @extend_schema(
        parameters=[IF_MATCH], request=ClosureIn, responses=CHANGED, summary="Close a MAPPA case"
    )
    def post(self, request, case_id):
        return super().post(request, case_id)

    def change(self, case, data: dict, version: int) -> None:
        services.deregister(
            actor=self.request.user,
            case=case,
            version=version,
            reason=ClosureReason(data["reason"]),
            explanation=data.get("explanation", ""),
            closed_on=data["closed_on"],
        )

"""Whereabouts unknown in the JSON API, under /api/v1/cases/{id}/whereabouts/: the case's
reports (GET) and a new report (POST), one report with its search log (GET), a search action
(POST …/search-actions/) and the end (POST …/end/). A report's ETag is its version: a search
action and the end must send it back in If-Match (decision 0011)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa import versions
from mappa.agencies import permissions
from mappa.api.pagination import Pages, paginated
from mappa.api.schema import ERRORS
from mappa.audit import services as audit
from mappa.cases.queries import get_case
from mappa.whereabouts import queries, services
from mappa.whereabouts.constants import Ending, Kind


class SearchActionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    done_at = serializers.DateTimeField()
    what_was_done = serializers.CharField()
    outcome = serializers.CharField()
    recorded_by = serializers.CharField(source="recorded_by.username")
    recorded_at = serializers.DateTimeField()


class ReportSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    case = serializers.UUIDField(source="case_id")
    kind = serializers.ChoiceField(choices=Kind.choices)
    status = serializers.SerializerMethodField()
    started_at = serializers.DateTimeField()
    what_is_known = serializers.CharField()
    police_reference = serializers.CharField()
    reported_by = serializers.CharField(source="reported_by.username")
    reported_at = serializers.DateTimeField()
    urgent_meeting = serializers.UUIDField(
        source="urgent_item.meeting_id", allow_null=True, default=None
    )
    ending = serializers.CharField(
        allow_null=True, help_text="found, arrested or returned_to_custody"
    )
    ended_at = serializers.DateTimeField(allow_null=True)
    end_note = serializers.CharField()
    ended_by = serializers.CharField(source="ended_by.username", allow_null=True, default=None)
    search_actions = SearchActionSerializer(many=True)

    def get_status(self, report) -> str:
        return "open" if report.is_open else "ended"

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["ending"] = data["ending"] or None
        return data


class ReportIn(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    started_at = serializers.DateTimeField()
    what_is_known = serializers.CharField(max_length=10000)
    police_reference = serializers.CharField(max_length=100, required=False, allow_blank=True)


class SearchActionIn(serializers.Serializer):
    done_at = serializers.DateTimeField()
    what_was_done = serializers.CharField(max_length=10000)
    outcome = serializers.CharField(max_length=10000)


class EndIn(serializers.Serializer):
    ending = serializers.ChoiceField(choices=Ending.choices)
    ended_at = serializers.DateTimeField()
    note = serializers.CharField(max_length=10000)


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description="The report's ETag as last read (from a GET of it or an earlier change)",
)


def _refused(refusal: DjangoValidationError) -> ValidationError:
    problems = refusal.message_dict if hasattr(refusal, "error_dict") else refusal.messages
    return ValidationError(problems)


def _answer(request, case, report_id, code=status.HTTP_200_OK) -> Response:
    report = queries.get_case_report(request.user, case, report_id)
    return Response(
        ReportSerializer(report).data, status=code, headers={"ETag": versions.etag(report)}
    )


class CaseWhereabouts(APIView):
    """The case's reports of whereabouts unknown, latest first; POST reports a new one."""

    permission = permissions.VIEW_CASES
    permissions_by_method = {"POST": permissions.MANAGE_CASES}
    pagination_class = Pages

    @extend_schema(responses=ReportSerializer(many=True), summary="List whereabouts reports")
    def get(self, request, case_id):
        case = get_case(request.user, case_id)
        audit.record_read(actor=request.user, subject=case.id, content="whereabouts (API)")
        return paginated(self, request, queries.reports_of(case), ReportSerializer)

    @extend_schema(
        request=ReportIn,
        responses={201: ReportSerializer, 400: ERRORS, 403: ERRORS, 404: ERRORS},
        summary="Report whereabouts unknown",
    )
    def post(self, request, case_id):
        case = get_case(request.user, case_id)
        given = ReportIn(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        try:
            report = services.report_whereabouts_unknown(
                actor=request.user,
                case=case,
                kind=Kind(data["kind"]),
                started_at=data["started_at"],
                what_is_known=data["what_is_known"],
                police_reference=data.get("police_reference", ""),
            )
        except DjangoValidationError as refusal:
            raise _refused(refusal) from None
        return _answer(request, case, report.id, status.HTTP_201_CREATED)


class WhereaboutsDetail(APIView):
    """One report with its search log; its ETag is the version a change must send back."""

    permission = permissions.VIEW_CASES

    @extend_schema(
        responses={200: ReportSerializer, 404: ERRORS}, summary="Get a whereabouts report"
    )
    def get(self, request, case_id, report_id):
        case = get_case(request.user, case_id)
        report = queries.get_case_report(request.user, case, report_id)
        audit.record_read(actor=request.user, subject=case.id, content="whereabouts report (API)")
        return Response(ReportSerializer(report).data, headers={"ETag": versions.etag(report)})


CHANGED = {200: ReportSerializer, 400: ERRORS, 403: ERRORS, 404: ERRORS, 412: ERRORS, 428: ERRORS}


class _ReportChange(APIView):
    permission = permissions.MANAGE_CASES
    body = serializers.Serializer

    def change(self, report, data: dict, version: int) -> None:
        raise NotImplementedError

    def respond(self, request, case_id, report_id, code) -> Response:
        case = get_case(request.user, case_id)
        report = queries.get_case_report(request.user, case, report_id)
        version = versions.if_match(request)
        given = self.body(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            self.change(report, dict(given.validated_data), version)
        except versions.StaleEdit as stale:
            raise versions.refused(stale) from None
        except DjangoValidationError as refusal:
            raise _refused(refusal) from None
        return _answer(request, case, report.id, code)


class WhereaboutsSearchActions(_ReportChange):
    """Log a search action on an open report."""

    body = SearchActionIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=SearchActionIn,
        responses={**CHANGED, 201: ReportSerializer},
        summary="Log a search action",
    )
    def post(self, request, case_id, report_id):
        return self.respond(request, case_id, report_id, status.HTTP_201_CREATED)

    def change(self, report, data: dict, version: int) -> None:
        services.add_search_action(actor=self.request.user, report=report, version=version, **data)


class WhereaboutsEnd(_ReportChange):
    """Record the end: found, arrested or returned to custody."""

    body = EndIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=EndIn,
        responses=CHANGED,
        summary="Record the end of whereabouts unknown",
    )
    def post(self, request, case_id, report_id):
        return self.respond(request, case_id, report_id, status.HTTP_200_OK)

    def change(self, report, data: dict, version: int) -> None:
        services.end_whereabouts_unknown(
            actor=self.request.user,
            report=report,
            version=version,
            ending=Ending(data["ending"]),
            ended_at=data["ended_at"],
            note=data["note"],
        )

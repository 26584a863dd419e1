"""Information requests in the JSON API: /api/v1/information-requests/, scoped as the pages
are. POST raises one; POST .../answer/ and .../decline/ close one, and .../withdraw/ (the person
who asked, or the co-ordinator) withdraws one, each with If-Match (the request's ETag from its
GET). Raising makes a new record, so it has nothing to match."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa import versions
from mappa.agencies import permissions
from mappa.agencies.models import Agency, User
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.api.schema import ERRORS
from mappa.audit import services as audit
from mappa.cases.queries import get_case
from mappa.information_requests import queries, services
from mappa.information_requests.constants import Basis, Occasion, Status
from mappa.referrals.queries import get_referral


class RequestSerializer(serializers.Serializer):
    """What either side may see: the person's name and date of birth, never the case's content;
    `case` is the case's id only for a caller who may see the case (null before screening opens
    one), `referral` the referral's id for a request raised at screening, likewise."""

    id = serializers.UUIDField()
    case = serializers.SerializerMethodField()
    referral = serializers.SerializerMethodField()
    person = serializers.CharField(source="person_name")
    date_of_birth = serializers.DateField(source="person_date_of_birth", allow_null=True)
    agency = serializers.CharField(source="agency.name")
    addressed_to = serializers.CharField(
        source="addressed_to.username", allow_null=True, default=None
    )
    occasion = serializers.CharField()
    basis = serializers.CharField()
    purpose = serializers.CharField()
    question = serializers.CharField()
    due_on = serializers.DateField()
    status = serializers.CharField()
    rag = serializers.SerializerMethodField()
    requested_by = serializers.CharField(source="requested_by.username")
    requested_at = serializers.DateTimeField()
    answer = serializers.CharField()
    decline_reason = serializers.CharField()
    answered_by = serializers.CharField(
        source="answered_by.username", allow_null=True, default=None
    )
    answered_at = serializers.DateTimeField(allow_null=True)
    withdrawal_reason = serializers.CharField()
    withdrawn_by = serializers.CharField(
        source="withdrawn_by.username", allow_null=True, default=None
    )
    withdrawn_at = serializers.DateTimeField(allow_null=True)

    def get_case(self, found) -> str | None:
        visible = self.context.get("visible_cases", set())
        return str(found.case_id) if found.case_id and found.id in visible else None

    def get_referral(self, found) -> str | None:
        visible = self.context.get("visible_cases", set())
        return str(found.referral_id) if found.referral_id and found.id in visible else None

    def get_rag(self, found) -> str:
        return queries.status_of(found, self.context["today"])


def _context(request, found_ids) -> dict:
    visible = set(
        queries.asked_by_area(request.user).filter(id__in=found_ids).values_list("id", flat=True)
    )
    return {"visible_cases": visible, "today": timezone.localdate()}


class RaiseIn(serializers.Serializer):
    case = serializers.UUIDField(
        required=False, help_text="The case; optional at screening when `referral` is given"
    )
    agency = serializers.UUIDField(help_text="An agency of the case's (or referral's) area")
    addressed_to = serializers.CharField(
        max_length=150, required=False, help_text="The named person's username (optional)"
    )
    basis = serializers.ChoiceField(choices=Basis.choices)
    purpose = serializers.CharField(max_length=10000, allow_blank=True)
    question = serializers.CharField(max_length=10000, allow_blank=True)
    due_on = serializers.DateField()
    occasion = serializers.ChoiceField(choices=Occasion.choices, default=Occasion.CASE)
    referral = serializers.UUIDField(
        required=False,
        help_text="The referral, at screening; without `case`, the request is on the referral "
        "until screening opens the person's case",
    )

    def validate(self, data):
        if data.get("case") is None and data.get("referral") is None:
            raise serializers.ValidationError({"case": ["is required unless referral is given"]})
        if data.get("case") is None and data.get("occasion", Occasion.CASE) != Occasion.SCREENING:
            raise serializers.ValidationError(
                {"occasion": ["must be screening for a request on a referral without a case"]}
            )
        return data


class AnswerIn(serializers.Serializer):
    answer = serializers.CharField(max_length=10000, allow_blank=True)


class DeclineIn(serializers.Serializer):
    reason = serializers.CharField(max_length=10000, allow_blank=True)


class WithdrawIn(serializers.Serializer):
    reason = serializers.CharField(max_length=10000, allow_blank=True)


def _problems(error: DjangoValidationError):
    return error.message_dict if hasattr(error, "error_dict") else error.messages


class RequestList(APIView):
    """Requests the caller may see: on cases in scope, and those addressed to them or their
    agency. `?case=`, `?status=` and `?to_answer=true` narrow the list. POST raises one."""

    permission = permissions.ANSWER_INFORMATION_REQUESTS
    permissions_by_method = {"POST": permissions.MANAGE_CASES}
    pagination_class = Pages
    filters = params.Query(
        params.Uuid("case", "Only requests on this case"),
        params.Choice("status", Status, "Only requests with this status"),
        params.Boolean("to_answer", "Only requests for the caller or their agency to answer"),
    )

    @extend_schema(
        parameters=filters.schema(),
        responses=RequestSerializer(many=True),
        summary="List information requests",
    )
    def get(self, request):
        query = self.filters.parse(request)
        found = queries.asked_of(request.user) if query["to_answer"] else None
        found = found if found is not None else queries.visible_to(request.user)
        if query["case"]:
            found = found.filter(case_id=query["case"])
        if query["status"]:
            found = found.filter(status=query["status"])
        found = found.select_related(*queries.RELATED).order_by("due_on", "id")
        context = _context(request, found.values("id"))

        def serializer(page, many):
            return RequestSerializer(page, many=many, context=context)

        return paginated(self, request, found, serializer)

    @extend_schema(
        request=RaiseIn,
        responses={201: RequestSerializer, 404: ERRORS},
        summary="Raise an information request",
    )
    def post(self, request):
        given = RaiseIn(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        case = data.pop("case", None)
        case = get_case(request.user, case) if case is not None else None
        referral = data.pop("referral", None)
        if referral is not None:
            referral = get_referral(request.user, referral)
        area_id = case.nominal.area_id if case is not None else referral.area_id
        agency = Agency.objects.filter(id=data.pop("agency"), area_id=area_id).first()
        if agency is None:
            raise ValidationError({"agency": ["is not an agency of the case's area"]})
        username = data.pop("addressed_to", None)
        named = None
        if username:
            named = User.objects.filter(username=username, agency=agency).first()
            if named is None:
                raise ValidationError({"addressed_to": ["does not work for the agency asked"]})
        try:
            found = services.raise_request(
                actor=request.user,
                case=case,
                agency=agency,
                addressed_to=named,
                referral=referral,
                **data,
            )
        except DjangoValidationError as error:
            raise ValidationError(_problems(error)) from None
        found = queries.get_request(request.user, found.id)
        body = RequestSerializer(found, context=_context(request, [found.id])).data
        return Response(body, status=201, headers={"ETag": versions.etag(found)})


class RequestDetail(APIView):
    """One information request, with its ETag for answering or declining it."""

    permission = permissions.ANSWER_INFORMATION_REQUESTS

    @extend_schema(responses=RequestSerializer, summary="Get an information request")
    def get(self, request, request_id):
        found = queries.get_request(request.user, request_id)
        audit.record_read(
            actor=request.user, subject=found.subject, content="information request (API)"
        )
        body = RequestSerializer(found, context=_context(request, [found.id])).data
        return Response(body, headers={"ETag": versions.etag(found)})


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description="The request's ETag as last read (from its GET)",
)
CLOSED = {200: RequestSerializer, 400: ERRORS, 404: ERRORS, 412: ERRORS, 428: ERRORS}


class RequestClose(APIView):
    """The agency asked answers or declines (`close`), naming the version it read."""

    permission = permissions.ANSWER_INFORMATION_REQUESTS
    body = serializers.Serializer

    def close(self, found, data: dict, version: int) -> None:
        raise NotImplementedError

    def post(self, request, request_id):
        found = queries.get_request(request.user, request_id)
        version = versions.if_match(request)
        given = self.body(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            self.close(found, dict(given.validated_data), version)
        except versions.StaleEdit as stale:
            raise versions.refused(stale) from None
        except DjangoValidationError as error:
            raise ValidationError(_problems(error)) from None
        found = queries.get_request(request.user, found.id)
        body = RequestSerializer(found, context=_context(request, [found.id])).data
        return Response(body, headers={"ETag": versions.etag(found)})


class RequestAnswer(RequestClose):
    body = AnswerIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=AnswerIn,
        responses=CLOSED,
        summary="Answer an information request",
    )
    def post(self, request, request_id):
        return super().post(request, request_id)

    def close(self, found, data: dict, version: int) -> None:
        services.answer_request(
            actor=self.request.user, found=found, version=version, answer=data["answer"]
        )


class RequestDecline(RequestClose):
    body = DeclineIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=DeclineIn,
        responses=CLOSED,
        summary="Decline an information request, with the reason",
    )
    def post(self, request, request_id):
        return super().post(request, request_id)

    def close(self, found, data: dict, version: int) -> None:
        services.decline_request(
            actor=self.request.user, found=found, version=version, reason=data["reason"]
        )


class RequestWithdraw(RequestClose):
    """The person who asked, or the co-ordinator, withdraws an open request, with the reason."""

    permission = permissions.MANAGE_CASES
    body = WithdrawIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=WithdrawIn,
        responses=CLOSED,
        summary="Withdraw an information request, with the reason",
    )
    def post(self, request, request_id):
        return super().post(request, request_id)

    def close(self, found, data: dict, version: int) -> None:
        services.withdraw_request(
            actor=self.request.user, found=found, version=version, reason=data["reason"]
        )

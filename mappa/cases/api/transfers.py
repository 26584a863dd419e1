"""Transfers and temporary stays in the JSON API (docs/transfers.md).

- `GET  /api/v1/transfers/`: transfers waiting for the caller's area (its co-ordinators).
- `GET  /api/v1/cases/{id}/transfers/`: a case's transfers; `POST` requests one, with If-Match
  naming the case's ETag (the person record's, as for `/decisions/`).
- `GET  /api/v1/cases/{id}/transfers/{transfer_id}/`: one transfer, with its own ETag; `POST` to
  its `accept/`, `query/`, `answer/` or `withdraw/` with If-Match naming that ETag.
- `POST /api/v1/cases/{id}/stays/`: notify a temporary stay, with If-Match naming the case's ETag.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa import versions
from mappa.agencies import permissions
from mappa.agencies.models import Area
from mappa.api.pagination import Pages, paginated
from mappa.api.schema import ERRORS
from mappa.audit import services as audit
from mappa.cases import queries
from mappa.cases.constants import Level, StayReason
from mappa.cases.services import stays, transfers


class MessageSerializer(serializers.Serializer):
    kind = serializers.CharField()
    text = serializers.CharField()
    written_by = serializers.CharField(source="written_by.username")
    written_at = serializers.DateTimeField()


class TransferSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    case = serializers.UUIDField(source="case_id")
    from_area = serializers.CharField(source="from_area.code")
    to_area = serializers.CharField(source="to_area.code")
    status = serializers.CharField()
    reason = serializers.CharField()
    new_address = serializers.CharField()
    moving_on = serializers.DateField()
    proposed_meeting = serializers.CharField()
    requested_by = serializers.CharField(source="requested_by.username")
    requested_at = serializers.DateTimeField()
    accepted_level = serializers.IntegerField(allow_null=True)
    sending_reads_until = serializers.DateField(allow_null=True)
    withdrawal_reason = serializers.CharField()
    messages = MessageSerializer(many=True)


class StaySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    case = serializers.UUIDField(source="case_id")
    home_area = serializers.CharField(source="home_area.code")
    host_area = serializers.CharField(source="host_area.code")
    reason = serializers.CharField()
    explanation = serializers.CharField()
    address = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    ended_early_at = serializers.DateTimeField(allow_null=True)


@extend_schema_field(OpenApiTypes.STR)
class AreaCode(serializers.Field):
    """A MAPPA area named by its code (e.g. OTHER), given as the Area."""

    def to_internal_value(self, data):
        code = data if isinstance(data, str) else ""
        area = Area.objects.filter(code=code).first() if 0 < len(code) <= 20 else None
        if area is None:
            raise serializers.ValidationError(f"{str(data)[:20]!r} is not a MAPPA area's code")
        return area

    def to_representation(self, value):
        return value.code


class TransferIn(serializers.Serializer):
    to_area = AreaCode(help_text="The receiving area's code")
    reason = serializers.CharField(max_length=5000)
    new_address = serializers.CharField(max_length=1000)
    moving_on = serializers.DateField()
    proposed_meeting = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, help_text="Needed at level 2 or 3"
    )


class StayIn(serializers.Serializer):
    host_area = AreaCode(help_text="The code of the area of the stay")
    reason = serializers.ChoiceField(choices=StayReason.choices)
    explanation = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    address = serializers.CharField(max_length=1000)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()


class AcceptIn(serializers.Serializer):
    level = serializers.ChoiceField(choices=Level.choices)
    rationale = serializers.CharField(max_length=5000)


class QueryIn(serializers.Serializer):
    query = serializers.CharField(max_length=5000)


class AnswerIn(serializers.Serializer):
    answer = serializers.CharField(max_length=5000)


class WithdrawIn(serializers.Serializer):
    reason = serializers.CharField(max_length=5000)


def _if_match(description: str) -> OpenApiParameter:
    return OpenApiParameter(
        "If-Match",
        OpenApiTypes.STR,
        location=OpenApiParameter.HEADER,
        required=True,
        description=description,
    )


CASE_IF_MATCH = _if_match("The case's ETag as last read (from a GET of the case)")
TRANSFER_IF_MATCH = _if_match("The transfer's ETag as last read (from a GET of the transfer)")
REFUSALS = {400: ERRORS, 404: ERRORS, 412: ERRORS, 428: ERRORS}


def _run(change):
    """Run a service call, answering a stale version 412 and a refusal 400."""
    try:
        return change()
    except versions.StaleEdit as stale:
        raise versions.refused(stale) from None
    except DjangoValidationError as refused:
        problems = refused.message_dict if hasattr(refused, "error_dict") else refused.messages
        raise ValidationError(problems) from None


def _body(serializer_class, request) -> dict:
    given = serializer_class(data=request.data)
    given.is_valid(raise_exception=True)
    return dict(given.validated_data)


def _transfer_response(request, transfer_id, status=200) -> Response:
    found = queries.get_transfer(request.user, transfer_id)
    return Response(
        TransferSerializer(found).data, status=status, headers={"ETag": versions.etag(found)}
    )


class IncomingTransfers(APIView):
    """Transfers to the caller's area waiting for it (or for the sending area's answer)."""

    permission = permissions.SCREEN_REFERRALS
    pagination_class = Pages

    @extend_schema(responses=TransferSerializer(many=True), summary="List incoming transfers")
    def get(self, request):
        found = queries.incoming_transfers(request.user).prefetch_related("messages__written_by")
        return paginated(self, request, found, TransferSerializer)


class CaseTransfers(APIView):
    """A case's transfers; POST requests one (the lead agency or the co-ordinator)."""

    permission = permissions.VIEW_CASES
    permissions_by_method = {"POST": permissions.MANAGE_CASES}
    pagination_class = Pages

    @extend_schema(responses=TransferSerializer(many=True), summary="List a case's transfers")
    def get(self, request, case_id):
        case = queries.get_case(request.user, case_id)
        audit.record_read(actor=request.user, subject=case.id, content="transfers (API)")
        return paginated(self, request, queries.transfers_of(case), TransferSerializer)

    @extend_schema(
        parameters=[CASE_IF_MATCH],
        request=TransferIn,
        responses={201: TransferSerializer, **REFUSALS},
        summary="Request a transfer to another area",
    )
    def post(self, request, case_id):
        case = queries.get_case(request.user, case_id, changing=True)
        version = versions.if_match(request)
        data = _body(TransferIn, request)
        made = _run(
            lambda: transfers.request_transfer(
                actor=request.user, case=case, version=version, **data
            )
        )
        return _transfer_response(request, made.id, status=201)


class TransferDetail(APIView):
    """One transfer of a case, with its ETag for the next step."""

    permission = permissions.VIEW_CASES

    @extend_schema(responses={200: TransferSerializer, 404: ERRORS}, summary="Get a transfer")
    def get(self, request, case_id, transfer_id):
        found = queries.get_transfer(request.user, transfer_id)
        if found.case_id != case_id:
            raise Http404("No such transfer")
        audit.record_read(actor=request.user, subject=found.case_id, content="transfer (API)")
        return _transfer_response(request, found.id)


class TransferStep(APIView):
    """A step of a transfer in the caller's scope, made through `take` with its If-Match version."""

    body = serializers.Serializer

    def take(self, transfer, version: int, data: dict) -> None:
        raise NotImplementedError

    def post(self, request, case_id, transfer_id):
        found = queries.get_transfer(request.user, transfer_id)
        if found.case_id != case_id:
            raise Http404("No such transfer")
        version = versions.if_match(request)
        data = _body(self.body, request)
        _run(lambda: self.take(found, version, data))
        return _transfer_response(request, found.id)


def _step_schema(body, summary):
    return extend_schema(
        parameters=[TRANSFER_IF_MATCH],
        request=body,
        responses={200: TransferSerializer, **REFUSALS},
        summary=summary,
    )


class AcceptTransfer(TransferStep):
    """The receiving area accepts, with its own level decision and the reason for it."""

    permission = permissions.SCREEN_REFERRALS
    body = AcceptIn

    @_step_schema(AcceptIn, "Accept a transfer, with the receiving area's level decision")
    def post(self, request, case_id, transfer_id):
        return super().post(request, case_id, transfer_id)

    def take(self, transfer, version, data):
        transfers.accept_transfer(
            actor=self.request.user, transfer=transfer, version=version, **data
        )


class QueryTransfer(TransferStep):
    """The receiving area asks the sending area for what it needs."""

    permission = permissions.SCREEN_REFERRALS
    body = QueryIn

    @_step_schema(QueryIn, "Query a transfer (the receiving area)")
    def post(self, request, case_id, transfer_id):
        return super().post(request, case_id, transfer_id)

    def take(self, transfer, version, data):
        transfers.query_transfer(
            actor=self.request.user, transfer=transfer, version=version, **data
        )


class AnswerTransfer(TransferStep):
    """The sending area answers the query; the transfer returns to the receiving area."""

    permission = permissions.MANAGE_CASES
    body = AnswerIn

    @_step_schema(AnswerIn, "Answer the receiving area's query (the sending area)")
    def post(self, request, case_id, transfer_id):
        return super().post(request, case_id, transfer_id)

    def take(self, transfer, version, data):
        transfers.answer_query(actor=self.request.user, transfer=transfer, version=version, **data)


class WithdrawTransfer(TransferStep):
    """The requester withdraws the transfer before it is accepted."""

    permission = permissions.MANAGE_CASES
    body = WithdrawIn

    @_step_schema(WithdrawIn, "Withdraw a transfer before it is accepted (the requester)")
    def post(self, request, case_id, transfer_id):
        return super().post(request, case_id, transfer_id)

    def take(self, transfer, version, data):
        transfers.withdraw_transfer(
            actor=self.request.user, transfer=transfer, version=version, **data
        )


class CaseStays(APIView):
    """Notify a temporary stay in another area (the lead agency or the co-ordinator)."""

    permission = permissions.MANAGE_CASES

    @extend_schema(
        parameters=[CASE_IF_MATCH],
        request=StayIn,
        responses={201: StaySerializer, **REFUSALS},
        summary="Notify a temporary stay in another area",
    )
    def post(self, request, case_id):
        case = queries.get_case(request.user, case_id, changing=True)
        version = versions.if_match(request)
        data = _body(StayIn, request)
        data["reason"] = StayReason(data["reason"])
        made = _run(
            lambda: stays.notify_stay(actor=request.user, case=case, version=version, **data)
        )
        return Response(
            StaySerializer(made).data, status=201, headers={"ETag": versions.etag(made)}
        )

"""Custody in the JSON API, scoped as the pages are and through the same services:

- /api/v1/custody/releases/ (the queue) and /api/v1/custody/screenings/ (list, read, create);
- POST /api/v1/custody/screenings/{id}/decision/: the co-ordinator's level decision, If-Match
  with the screening's ETag;
- POST /api/v1/custody/people/{id}/releases/ and …/returns/: a release, a recall or other return
  to custody, If-Match with the person record's ETag (a GET of the nominal gives it).
"""

from __future__ import annotations

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
from mappa.agencies.models import User
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.api.schema import ERRORS
from mappa.audit import services as audit
from mappa.cases.constants import Category, Level
from mappa.custody import queries, services
from mappa.custody.constants import MovementKind, ReturnReason, ScreeningStatus


def _if_match(whose: str) -> OpenApiParameter:
    return OpenApiParameter(
        "If-Match",
        OpenApiTypes.STR,
        location=OpenApiParameter.HEADER,
        required=True,
        description=f"The {whose} ETag as last read",
    )


def _problems(refused: DjangoValidationError):
    return refused.message_dict if hasattr(refused, "error_dict") else refused.messages


class ScreeningSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    nominal = serializers.UUIDField(source="nominal_id")
    custody_started_on = serializers.DateField()
    category = serializers.IntegerField()
    proposed_level = serializers.IntegerField()
    rationale = serializers.CharField()
    information_to_share = serializers.CharField()
    report_requested = serializers.BooleanField()
    report_due_on = serializers.DateField(allow_null=True)
    offender_manager = serializers.CharField(
        source="offender_manager.username", allow_null=True, default=None
    )
    made_by = serializers.CharField(source="made_by.username")
    made_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=ScreeningStatus.choices)
    decided_level = serializers.IntegerField(allow_null=True)


class NewScreeningSerializer(serializers.Serializer):
    nominal = serializers.UUIDField()
    category = serializers.ChoiceField(choices=Category.choices)
    proposed_level = serializers.ChoiceField(choices=Level.choices)
    rationale = serializers.CharField(max_length=10000)
    information_to_share = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    report_requested = serializers.BooleanField()
    report_due_on = serializers.DateField(required=False, allow_null=True)
    offender_manager = serializers.CharField(
        max_length=150, required=False, allow_null=True, help_text="Username, of probation"
    )


class ScreeningList(APIView):
    """Pre-release screenings of the caller's area; `?nominal=` narrows the list. POST records
    the screening of a person's current custody."""

    permission = permissions.VIEW_AREA_CASES
    permissions_by_method = {"POST": permissions.MANAGE_CASES}
    pagination_class = Pages
    filters = params.Query(params.Uuid("nominal", "Only screenings of this person"))

    @extend_schema(
        parameters=filters.schema(),
        responses=ScreeningSerializer(many=True),
        summary="List pre-release screenings",
    )
    def get(self, request):
        query = self.filters.parse(request)
        screenings = queries.screenings_visible_to(request.user).order_by("-made_at", "id")
        if query["nominal"]:
            screenings = screenings.filter(nominal_id=query["nominal"])
        return paginated(self, request, screenings, ScreeningSerializer)

    @extend_schema(
        request=NewScreeningSerializer,
        responses={201: ScreeningSerializer, 400: ERRORS, 404: ERRORS},
        summary="Record a pre-release screening",
    )
    def post(self, request):
        given = NewScreeningSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        nominal = queries.get_person(request.user, data.pop("nominal"))
        username = data.pop("offender_manager", None)
        officer = None
        if username:
            officer = User.objects.filter(username=username, area_id=nominal.area_id).first()
            if officer is None:
                raise ValidationError({"offender_manager": ["is not a user in the person's area"]})
        data.setdefault("information_to_share", "")
        data.setdefault("report_due_on", None)
        try:
            screening = services.record_screening(
                actor=request.user, nominal=nominal, offender_manager=officer, **data
            )
        except DjangoValidationError as refused:
            raise ValidationError(_problems(refused)) from None
        return Response(
            ScreeningSerializer(screening).data,
            status=201,
            headers={"ETag": versions.etag(screening)},
        )


class ScreeningDetail(APIView):
    permission = permissions.VIEW_AREA_CASES

    @extend_schema(responses=ScreeningSerializer, summary="Get a pre-release screening")
    def get(self, request, screening_id):
        screening = queries.get_screening(request.user, screening_id)
        audit.record_read(
            actor=request.user, subject=screening.nominal_id, content="pre-release screening (API)"
        )
        return Response(
            ScreeningSerializer(screening).data, headers={"ETag": versions.etag(screening)}
        )


class DecisionIn(serializers.Serializer):
    level = serializers.ChoiceField(choices=Level.choices)
    rationale = serializers.CharField(max_length=10000, help_text="The reason for the decision")


CHANGED = {400: ERRORS, 404: ERRORS, 412: ERRORS, 428: ERRORS}


class ScreeningDecision(APIView):
    """The co-ordinator's level decision on a screening waiting for it: recorded on the case
    (a new case, led by the prison, if there is none); at level 2 or 3 the case needs a
    pre-release meeting."""

    permission = permissions.SCREEN_REFERRALS

    @extend_schema(
        parameters=[_if_match("screening's")],
        request=DecisionIn,
        responses={200: ScreeningSerializer, **CHANGED},
        summary="Decide the level after a pre-release screening",
    )
    def post(self, request, screening_id):
        screening = queries.get_screening(request.user, screening_id)
        version = versions.if_match(request)
        given = DecisionIn(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            services.decide_level(
                actor=request.user, screening=screening, version=version, **given.validated_data
            )
        except versions.StaleEdit as stale:
            raise versions.refused(stale) from None
        except DjangoValidationError as refused:
            raise ValidationError(_problems(refused)) from None
        screening = queries.get_screening(request.user, screening_id)
        return Response(
            ScreeningSerializer(screening).data, headers={"ETag": versions.etag(screening)}
        )


class MovementSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    nominal = serializers.UUIDField(source="nominal_id")
    kind = serializers.ChoiceField(choices=MovementKind.choices)
    occurred_on = serializers.DateField()
    reason = serializers.CharField(help_text="A return's reason; empty for a release")
    level = serializers.IntegerField(allow_null=True, help_text="A release: the case's level")
    level_set_in_custody = serializers.BooleanField(allow_null=True)
    plan_in_place = serializers.BooleanField(allow_null=True)
    prepared = serializers.BooleanField(
        help_text="A release with a level decided in custody and a plan in place"
    )
    recorded_by = serializers.CharField(source="recorded_by.username", allow_null=True)
    recorded_at = serializers.DateTimeField()


class ReleaseIn(serializers.Serializer):
    on = serializers.DateField(help_text="The date of release: today or earlier")


class ReturnIn(serializers.Serializer):
    on = serializers.DateField(help_text="The date of the return: today or earlier")
    reason = serializers.ChoiceField(choices=ReturnReason.choices)


class _Movement(APIView):
    """A release or return of a person of the caller's area, written to the person record."""

    permission = permissions.MANAGE_CASES
    body = serializers.Serializer

    def record(self, nominal, version: int, data: dict):
        raise NotImplementedError

    def post(self, request, nominal_id):
        nominal = queries.get_person(request.user, nominal_id)
        version = versions.if_match(request)
        given = self.body(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            movement = self.record(nominal, version, dict(given.validated_data))
        except versions.StaleEdit as stale:
            raise versions.refused(stale) from None
        except DjangoValidationError as refused:
            raise ValidationError(_problems(refused)) from None
        current = queries.get_person(request.user, nominal_id)
        return Response(
            MovementSerializer(movement).data,
            status=201,
            headers={"ETag": versions.etag(current)},
        )


class PersonRelease(_Movement):
    """Record the release: the open custody period ends on the date (docs/custody.md)."""

    body = ReleaseIn

    @extend_schema(
        parameters=[_if_match("person record's")],
        request=ReleaseIn,
        responses={201: MovementSerializer, **CHANGED},
        summary="Record a release from custody",
    )
    def post(self, request, nominal_id):
        return super().post(request, nominal_id)

    def record(self, nominal, version, data):
        return services.record_release(
            actor=self.request.user, nominal=nominal, version=version, on=data["on"]
        )


class PersonReturn(_Movement):
    """Record a recall or other return to custody: a custody period opens on the date."""

    body = ReturnIn

    @extend_schema(
        parameters=[_if_match("person record's")],
        request=ReturnIn,
        responses={201: MovementSerializer, **CHANGED},
        summary="Record a recall or return to custody",
    )
    def post(self, request, nominal_id):
        return super().post(request, nominal_id)

    def record(self, nominal, version, data):
        return services.record_return(
            actor=self.request.user,
            nominal=nominal,
            version=version,
            on=data["on"],
            reason=ReturnReason(data["reason"]),
        )


class ReleaseSerializer(serializers.Serializer):
    nominal = serializers.UUIDField(source="nominal.id")
    name = serializers.CharField(source="nominal.full_name")
    category = serializers.IntegerField(allow_null=True)
    due_against = serializers.CharField(source="due.kind")
    due_on = serializers.DateField(source="due.on")
    level_due_by = serializers.DateField(source="deadline")
    status = serializers.ChoiceField(choices=["red", "amber", "green"])
    level_decided = serializers.BooleanField()
    screening = serializers.UUIDField(source="screening.id", allow_null=True, default=None)


class ReleaseList(APIView):
    """The area's releases queue (MAPPA_RELEASES_MONTHS ahead), most urgent first."""

    permission = permissions.VIEW_AREA_CASES
    pagination_class = Pages

    @extend_schema(responses=ReleaseSerializer(many=True), summary="List the releases queue")
    def get(self, request):
        rows = queries.releases_queue(request.user, timezone.localdate())
        return paginated(self, request, rows, ReleaseSerializer)

"""Custody in the JSON API: /api/v1/custody/releases/ (the queue) and
/api/v1/custody/screenings/ (list, read, create), scoped as the pages are."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.agencies.models import User
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.api.schema import ERRORS
from mappa.audit import services as audit
from mappa.cases.constants import Category, Level
from mappa.custody import queries, services
from mappa.custody.constants import ScreeningStatus


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
            problems = refused.message_dict if hasattr(refused, "error_dict") else refused.messages
            raise ValidationError(problems) from None
        return Response(ScreeningSerializer(screening).data, status=201)


class ScreeningDetail(APIView):
    permission = permissions.VIEW_AREA_CASES

    @extend_schema(responses=ScreeningSerializer, summary="Get a pre-release screening")
    def get(self, request, screening_id):
        screening = queries.get_screening(request.user, screening_id)
        audit.record_read(
            actor=request.user, subject=screening.nominal_id, content="pre-release screening (API)"
        )
        return Response(ScreeningSerializer(screening).data)


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

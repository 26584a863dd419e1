"""Disclosure decisions and scheme applications in the JSON API, scoped as the pages are:
decisions to whoever may see the person; applications to the area's disclosure team."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.api.schema import ERRORS
from mappa.audit import services as audit
from mappa.disclosures import queries, rules
from mappa.disclosures.constants import Decision, Method, Relationship, Scheme, Stage
from mappa.disclosures.services import decisions as decision_services
from mappa.people import queries as people


class DisclosureMadeSerializer(serializers.Serializer):
    made_on = serializers.DateField()
    made_by = serializers.CharField()
    method = serializers.CharField()
    recipient = serializers.CharField()
    what_was_said = serializers.CharField()
    undertaking_signed = serializers.BooleanField()
    undertaking_reference = serializers.CharField()
    no_undertaking_reason = serializers.CharField()
    offender_told = serializers.BooleanField()
    offender_told_on = serializers.DateField(allow_null=True)
    offender_not_told_reason = serializers.CharField()


class DisclosureDecisionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    nominal = serializers.UUIDField(source="nominal_id")
    case = serializers.UUIDField(source="case_id", allow_null=True)
    origin = serializers.CharField()
    source = serializers.UUIDField(allow_null=True)
    application = serializers.CharField(source="application.reference", default=None)
    decision = serializers.CharField()
    status = serializers.SerializerMethodField()
    rationale = serializers.CharField()
    tests = serializers.SerializerMethodField()
    recipient = serializers.CharField()
    relationship = serializers.CharField()
    what_to_disclose = serializers.CharField()
    risk_protected_against = serializers.CharField()
    discloser = serializers.CharField()
    method = serializers.CharField()
    disclose_by = serializers.DateField(allow_null=True)
    decided_on = serializers.DateField()
    decided_by = serializers.CharField(source="decided_by.username")
    disclosure_officer = serializers.CharField(source="disclosure_officer.username", default=None)
    chair = serializers.CharField(source="chair.username", default=None)
    made = serializers.SerializerMethodField()

    def get_status(self, decision) -> str:
        return decision_services.status_of(decision)

    def get_tests(self, decision) -> dict[str, str]:
        return {name: getattr(decision, name) for name in rules.TESTS}

    @extend_schema_field(DisclosureMadeSerializer(allow_null=True))
    def get_made(self, decision) -> dict | None:
        made = getattr(decision, "made", None) if hasattr(decision, "made") else None
        return DisclosureMadeSerializer(made).data if made else None


class NewDisclosureDecisionSerializer(serializers.Serializer):
    nominal = serializers.UUIDField()
    decision = serializers.ChoiceField(Decision.choices)
    rationale = serializers.CharField(allow_blank=True)
    reasonable = serializers.CharField(required=False, allow_blank=True, default="")
    necessary = serializers.CharField(required=False, allow_blank=True, default="")
    lawful = serializers.CharField(required=False, allow_blank=True, default="")
    proportionate = serializers.CharField(required=False, allow_blank=True, default="")
    recipient = serializers.CharField(required=False, allow_blank=True, default="")
    relationship = serializers.ChoiceField(
        Relationship.choices, required=False, allow_blank=True, default=""
    )
    what_to_disclose = serializers.CharField(required=False, allow_blank=True, default="")
    risk_protected_against = serializers.CharField(required=False, allow_blank=True, default="")
    discloser = serializers.CharField(required=False, allow_blank=True, default="")
    method = serializers.ChoiceField(Method.choices, required=False, allow_blank=True, default="")
    disclose_by = serializers.DateField(required=False, allow_null=True, default=None)


class ApplicationLinkSerializer(serializers.Serializer):
    nominal = serializers.UUIDField(source="nominal_id")
    reason = serializers.CharField()
    linked_by = serializers.CharField(source="linked_by.username")
    linked_at = serializers.DateTimeField()


class ApplicationStepSerializer(serializers.Serializer):
    stage = serializers.CharField()
    outcome = serializers.CharField()
    details = serializers.JSONField()
    recorded_by = serializers.CharField(source="recorded_by.username")
    recorded_at = serializers.DateTimeField()


class SchemeApplicationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    reference = serializers.CharField()
    scheme = serializers.CharField()
    route = serializers.CharField()
    received_via = serializers.CharField()
    received_on = serializers.DateField()
    target_days = serializers.IntegerField()
    due_on = serializers.DateField()
    stage = serializers.CharField()
    outcome = serializers.CharField()
    closed_on = serializers.DateField(allow_null=True)


class SchemeApplicationDetailSerializer(SchemeApplicationSerializer):
    applicant_name = serializers.CharField()
    applicant_phone = serializers.CharField()
    applicant_email = serializers.CharField()
    safe_contact = serializers.CharField()
    applicant_relationship = serializers.CharField()
    applicant_is_at_risk = serializers.BooleanField(allow_null=True)
    at_risk = serializers.CharField()
    subject_name = serializers.CharField()
    subject_other_names = serializers.CharField()
    subject_date_of_birth = serializers.DateField(allow_null=True)
    subject_address = serializers.CharField()
    subject_contact = serializers.CharField()
    concern = serializers.CharField()
    links = ApplicationLinkSerializer(many=True)
    steps = ApplicationStepSerializer(many=True)


class DecisionList(APIView):
    """Disclosure decisions about people in the caller's scope; `?nominal=` narrows the list.
    POST records a standalone decision (disclosure officers only)."""

    permission = permissions.VIEW_CASES
    permissions_by_method = {"POST": permissions.DECIDE_DISCLOSURES}
    pagination_class = Pages
    filters = params.Query(params.Uuid("nominal", "Only decisions about this nominal"))

    @extend_schema(
        parameters=filters.schema(),
        responses=DisclosureDecisionSerializer(many=True),
        summary="List disclosure decisions",
    )
    def get(self, request):
        query = self.filters.parse(request)
        decisions = queries.decisions_visible_to(request.user).select_related(
            "made", "application", "decided_by", "disclosure_officer", "chair"
        )
        if query["nominal"]:
            decisions = decisions.filter(nominal_id=query["nominal"])
        decisions = decisions.order_by("-decided_on", "-recorded_at", "id")
        return paginated(self, request, decisions, DisclosureDecisionSerializer)

    @extend_schema(
        request=NewDisclosureDecisionSerializer,
        responses={201: DisclosureDecisionSerializer, 404: ERRORS},
        summary="Record a decision",
    )
    def post(self, request):
        given = NewDisclosureDecisionSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        nominal = people.get_nominal(request.user, data.pop("nominal"))
        data["tests"] = {name: data.pop(name) for name in rules.TESTS}
        case = nominal.mappa_cases.filter(closed_on__isnull=True).first()
        try:
            recorded = decision_services.record_decision(
                actor=request.user, nominal=nominal, case=case, **data
            )
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        return Response(DisclosureDecisionSerializer(recorded).data, status=201)


class DecisionDetail(APIView):
    permission = permissions.VIEW_CASES

    @extend_schema(responses=DisclosureDecisionSerializer, summary="Get a disclosure decision")
    def get(self, request, decision_id):
        decision = queries.get_decision(request.user, decision_id)
        audit.record_read(
            actor=request.user, subject=decision.nominal_id, content="disclosure decision (API)"
        )
        return Response(DisclosureDecisionSerializer(decision).data)


class ApplicationList(APIView):
    """The area's scheme applications (disclosure team only); `?scheme=`, `?stage=`,
    `?open=true` narrow the list."""

    permission = permissions.DECIDE_DISCLOSURES
    pagination_class = Pages
    filters = params.Query(
        params.Choice("scheme", Scheme, "Only applications under this scheme"),
        params.Choice("stage", Stage, "Only applications at this stage"),
        params.Boolean("open", "true: only applications not yet closed; false: only closed ones"),
    )

    @extend_schema(
        parameters=filters.schema(),
        responses=SchemeApplicationSerializer(many=True),
        summary="List scheme applications",
    )
    def get(self, request):
        query = self.filters.parse(request)
        applications = queries.applications_visible_to(request.user).order_by("due_on", "id")
        if query["scheme"]:
            applications = applications.filter(scheme=query["scheme"])
        if query["stage"]:
            applications = applications.filter(stage=query["stage"])
        if query["open"] is True:
            applications = applications.exclude(stage=Stage.CLOSED)
        elif query["open"] is False:
            applications = applications.filter(stage=Stage.CLOSED)
        return paginated(self, request, applications, SchemeApplicationSerializer)


class ApplicationDetail(APIView):
    permission = permissions.DECIDE_DISCLOSURES

    @extend_schema(responses=SchemeApplicationDetailSerializer, summary="Get a scheme application")
    def get(self, request, application_id):
        application = queries.get_application(request.user, application_id)
        audit.record_read(
            actor=request.user, subject=application.id, content="disclosure application (API)"
        )
        return Response(SchemeApplicationDetailSerializer(application).data)

"""Referrals in the JSON API: /api/v1/referrals/, scoped exactly as the pages are."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.audit import services as audit
from mappa.referrals import queries
from mappa.referrals.constants import Status


class DecisionSerializer(serializers.Serializer):
    outcome = serializers.CharField()
    rationale = serializers.CharField()
    missing_information = serializers.CharField()
    decided_by = serializers.CharField(source="decided_by.username")
    decided_at = serializers.DateTimeField()


class ReferralSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField()
    level_requested = serializers.IntegerField(allow_null=True)
    category = serializers.IntegerField(allow_null=True)
    nominal = serializers.UUIDField(source="nominal_id", allow_null=True)
    case = serializers.UUIDField(source="case_id", allow_null=True)
    referred_by = serializers.CharField(source="referred_by.username")
    referring_agency = serializers.CharField(source="referring_agency.name")
    created_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)


class ReferralDetailSerializer(ReferralSerializer):
    sections = serializers.DictField(child=serializers.DictField())
    decisions = DecisionSerializer(many=True)


class ReferralList(APIView):
    """Referrals in the caller's scope: their own, and submitted ones they may see."""

    permission = permissions.MAKE_REFERRAL
    pagination_class = Pages
    filters = params.Query(params.Choice("status", Status, "Only referrals with this status"))

    @extend_schema(
        parameters=filters.schema(),
        responses=ReferralSerializer(many=True),
        summary="List referrals",
    )
    def get(self, request):
        query = self.filters.parse(request)
        referrals = (
            queries.referrals_visible_to(request.user)
            .select_related("referred_by", "referring_agency")
            .order_by("-created_at", "id")
        )
        if query["status"]:
            referrals = referrals.filter(status=query["status"])
        return paginated(self, request, referrals, ReferralSerializer)


class ReferralDetail(APIView):
    """One referral with its sections and screening decisions."""

    permission = permissions.MAKE_REFERRAL

    @extend_schema(responses=ReferralDetailSerializer, summary="Get a referral")
    def get(self, request, referral_id):
        referral = queries.get_referral(request.user, referral_id)
        audit.record_read(actor=request.user, subject=referral.id, content="referral (API)")
        return Response(ReferralDetailSerializer(referral).data)

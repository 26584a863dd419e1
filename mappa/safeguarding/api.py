"""The weekly case list in the JSON API, for MASH named persons only (others: empty or 404).

Every read of a list is audited exactly as the page is.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.safeguarding import queries
from mappa.safeguarding.services import case_lists


class CaseListSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    week_starting = serializers.DateField()
    meetings_from = serializers.DateField()
    meetings_to = serializers.DateField()
    published_at = serializers.DateTimeField()


class EntrySerializer(serializers.Serializer):
    case_id = serializers.CharField()
    forenames = serializers.CharField()
    surname = serializers.CharField()
    date_of_birth = serializers.CharField()
    aliases = serializers.CharField()
    address_line_1 = serializers.CharField()
    address_line_2 = serializers.CharField()
    town = serializers.CharField()
    postcode = serializers.CharField()
    category = serializers.CharField()
    level = serializers.CharField()
    meeting_date = serializers.CharField()


class CaseListDetailSerializer(CaseListSerializer):
    entries = EntrySerializer(many=True)


class CaseLists(APIView):
    """The caller's area's published case lists, newest first (named persons only)."""

    permission = permissions.SIGNED_IN

    @extend_schema(responses=CaseListSerializer(many=True), summary="List MASH case lists")
    def get(self, request):
        return Response(CaseListSerializer(queries.case_lists_for(request.user), many=True).data)


class CaseListDetail(APIView):
    """One case list with its people, in the MASH check contract's case-list fields."""

    permission = permissions.SIGNED_IN

    @extend_schema(responses=CaseListDetailSerializer, summary="Get a MASH case list")
    def get(self, request, case_list_id):
        case_list = queries.get_case_list(request.user, case_list_id)
        case_lists.record_read(actor=request.user, record=case_list, view="case list (API)")
        data = CaseListSerializer(case_list).data
        data["entries"] = EntrySerializer(case_lists.case_list_rows(case_list), many=True).data
        return Response(data)

"""Meetings in the JSON API: /api/v1/meetings/, scoped exactly as the pages are.

A meeting's agenda lists every item in slot order; an item the caller is not part of is
`restricted`, with its time slot only: no case, no kind, no invitees.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.audit import services as audit
from mappa.cases.api import Pages
from mappa.meetings import queries
from mappa.meetings.constants import MeetingStatus


class MeetingSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    series = serializers.UUIDField(source="series_id", allow_null=True)
    level = serializers.IntegerField()
    date = serializers.DateField()
    start_time = serializers.TimeField()
    end_time = serializers.TimeField()
    venue = serializers.CharField()
    video_link = serializers.CharField()
    status = serializers.CharField()
    chair_name = serializers.CharField()
    chair_agency = serializers.CharField()
    chair_rank = serializers.CharField()
    co_chair_name = serializers.CharField()
    co_chair_agency = serializers.CharField()
    co_chair_rank = serializers.CharField()
    statement_read = serializers.BooleanField(allow_null=True)


class InvitationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    invitee_user = serializers.CharField(source="invitee_user.username", default=None)
    invitee_agency = serializers.UUIDField(source="invitee_agency_id", allow_null=True)
    invitee_name = serializers.CharField()
    response = serializers.CharField()


class AgendaItemSerializer(serializers.Serializer):
    id = serializers.UUIDField(allow_null=True)
    position = serializers.IntegerField()
    starts_at = serializers.TimeField()
    ends_at = serializers.TimeField()
    restricted = serializers.BooleanField()
    case = serializers.UUIDField(allow_null=True)
    kind = serializers.CharField(allow_null=True)
    review_number = serializers.IntegerField(allow_null=True)
    invitations = InvitationSerializer(many=True, allow_null=True)


def agenda_entry(row) -> dict:
    item = row.item
    entry = {
        "id": None,
        "position": item.position,
        "starts_at": item.starts_at,
        "ends_at": item.ends_at,
        "restricted": not row.visible,
        "case": None,
        "kind": None,
        "review_number": None,
        "invitations": None,
    }
    if row.visible:
        entry |= {
            "id": item.id,
            "case": item.case_id,
            "kind": item.kind,
            "review_number": item.review_number,
            "invitations": [i for i in item.invitations.all() if i.withdrawn_at is None],
        }
    return entry


class MeetingList(APIView):
    """Meetings in the caller's scope: the area's, or those they are invited to."""

    permission = permissions.VIEW_CASES

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=MeetingStatus.values),
            OpenApiParameter("from", str, description="Meetings on or after this date (ISO)"),
        ],
        responses=MeetingSerializer(many=True),
        summary="List meetings",
    )
    def get(self, request):
        meetings = queries.meetings_visible_to(request.user).order_by("date", "start_time", "id")
        if request.query_params.get("status") in MeetingStatus.values:
            meetings = meetings.filter(status=request.query_params["status"])
        if request.query_params.get("from"):
            serializer = serializers.DateField()
            try:
                since = serializer.to_internal_value(request.query_params["from"])
            except serializers.ValidationError as error:
                raise serializers.ValidationError({"from": error.detail}) from error
            meetings = meetings.filter(date__gte=since)
        paginator = Pages()
        page = paginator.paginate_queryset(meetings, request, view=self)
        return paginator.get_paginated_response(MeetingSerializer(page, many=True).data)


class MeetingDetail(APIView):
    permission = permissions.VIEW_CASES

    @extend_schema(responses=MeetingSerializer, summary="Get a meeting")
    def get(self, request, meeting_id):
        return Response(MeetingSerializer(queries.get_meeting(request.user, meeting_id)).data)


class MeetingAgenda(APIView):
    """A meeting's agenda in slot order; items the caller is not part of are restricted."""

    permission = permissions.VIEW_CASES

    @extend_schema(responses=AgendaItemSerializer(many=True), summary="Get a meeting's agenda")
    def get(self, request, meeting_id):
        meeting = queries.get_meeting(request.user, meeting_id)
        rows = queries.agenda_for(request.user, meeting)
        audit.record_read(actor=request.user, subject=meeting.id, content="meeting agenda (API)")
        entries = [agenda_entry(row) for row in rows]
        return Response(AgendaItemSerializer(entries, many=True).data)

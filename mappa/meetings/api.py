"""Meetings in the JSON API: /api/v1/meetings/, scoped exactly as the pages are.

A meeting's agenda lists every item in slot order; an item the caller is not part of is
`restricted`, with its time slot only: no case, no kind, no invitees.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.audit import services as audit
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.queries import meetings as queries
from mappa.meetings.queries import minutes as read
from mappa.meetings.services import circulation


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
    pagination_class = Pages
    filters = params.Query(
        params.Choice("status", MeetingStatus, "Only meetings with this status"),
        params.Date("from", "Only meetings on or after this date"),
    )

    @extend_schema(
        parameters=filters.schema(),
        responses=MeetingSerializer(many=True),
        summary="List meetings",
    )
    def get(self, request):
        query = self.filters.parse(request)
        meetings = queries.meetings_visible_to(request.user).order_by("date", "start_time", "id")
        if query["status"]:
            meetings = meetings.filter(status=query["status"])
        if query["from"]:
            meetings = meetings.filter(date__gte=query["from"])
        return paginated(self, request, meetings, MeetingSerializer)


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


class DisclosureSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    decision = serializers.CharField()
    rationale = serializers.CharField()
    recipient = serializers.CharField()
    discloser = serializers.CharField()
    method = serializers.CharField()
    disclose_by = serializers.DateField(allow_null=True)


class CaseMinutesSerializer(serializers.Serializer):
    """One agenda item's minutes; a restricted item has only its position and time slot."""

    item = serializers.UUIDField(allow_null=True)
    position = serializers.IntegerField()
    starts_at = serializers.TimeField()
    restricted = serializers.BooleanField()
    case = serializers.UUIDField(allow_null=True)
    discussed = serializers.BooleanField(allow_null=True)
    not_discussed_reason = serializers.CharField(allow_null=True)
    category = serializers.IntegerField(allow_null=True)
    level = serializers.IntegerField(allow_null=True)
    sections = serializers.DictField(child=serializers.CharField(), allow_null=True)
    rosh_assessment = serializers.UUIDField(allow_null=True)
    risk_plan_version = serializers.IntegerField(allow_null=True)
    disclosure = DisclosureSerializer(allow_null=True)
    actions_agreed = serializers.ListField(child=serializers.UUIDField(), allow_null=True)
    level_decision = serializers.CharField(allow_null=True)
    new_level = serializers.IntegerField(allow_null=True)
    closure_reason = serializers.CharField(allow_null=True)
    decision_rationale = serializers.CharField(allow_null=True)
    dissent = serializers.CharField(allow_null=True)
    next_review_on = serializers.DateField(allow_null=True)


class AttendeeSerializer(serializers.Serializer):
    name = serializers.CharField()
    agency_name = serializers.CharField()
    role_title = serializers.CharField()
    status = serializers.CharField()
    report_received = serializers.BooleanField()


class MinutesSerializer(serializers.Serializer):
    meeting = serializers.UUIDField()
    status = serializers.CharField()
    statement_read = serializers.BooleanField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    circulated_at = serializers.DateTimeField(allow_null=True)
    attendance = AttendeeSerializer(many=True)
    items = CaseMinutesSerializer(many=True)


def minutes_entry(row) -> dict:
    item = row.item
    entry = dict.fromkeys(CaseMinutesSerializer().fields, None)
    entry |= {
        "position": item.position,
        "starts_at": item.starts_at,
        "restricted": not row.visible,
    }
    if not row.visible or row.detail is None:
        return entry
    detail, cm = row.detail, row.detail.case_minutes
    entry |= {
        "item": item.id,
        "case": item.case_id,
        "discussed": cm.discussed,
        "not_discussed_reason": cm.not_discussed_reason,
        "category": cm.category,
        "level": cm.level,
        "sections": {field: text for field, _label, text in detail.sections},
        "rosh_assessment": detail.assessment.id if detail.assessment else None,
        "risk_plan_version": detail.plan.version if detail.plan else None,
        "disclosure": cm.disclosure,
        "actions_agreed": [action.id for action in detail.new_actions],
        "level_decision": cm.level_decision or None,
        "new_level": cm.new_level,
        "closure_reason": cm.closure_reason or None,
        "decision_rationale": cm.decision_rationale,
        "dissent": cm.dissent,
        "next_review_on": cm.next_review_on,
    }
    return entry


class MeetingMinutes(APIView):
    """A meeting's minutes, scoped like the agenda: other cases' items are restricted.

    Draft minutes are for the area's chairs and co-ordinators; approved minutes for the area's
    staff; circulated minutes for invitees too. Anything else is 404.
    """

    permission = permissions.VIEW_CASES

    @extend_schema(responses=MinutesSerializer, summary="Get a meeting's minutes")
    def get(self, request, meeting_id):
        meeting = queries.get_meeting(request.user, meeting_id)
        minutes = read.get_minutes(request.user, meeting)
        circulation.record_read(
            actor=request.user, minutes=minutes, content="meeting minutes (API)"
        )
        data = {
            "meeting": meeting.id,
            "status": meeting.status,
            "statement_read": meeting.statement_read,
            "approved_at": minutes.approved_at,
            "circulated_at": minutes.circulated_at,
            "attendance": meeting.attendance.all(),
            "items": [minutes_entry(row) for row in read.shown_rows(request.user, meeting)],
        }
        return Response(MinutesSerializer(data).data)

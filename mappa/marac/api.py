"""MARAC in the JSON API: /api/v1/marac/…: DASH assessments, cases, meetings and actions,
scoped exactly as the pages are (out of scope answers 404; lists never include it)."""

from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.actions import rules as action_rules
from mappa.agencies import permissions
from mappa.api.pagination import Pages, paginated
from mappa.audit import services as audit
from mappa.marac import checklist, queries, rules, sections

PARTICIPATING = permissions.TAKE_PART_IN_MARAC


class MaracPersonSerializer(serializers.Serializer):
    forenames = serializers.CharField(default="")
    surname = serializers.CharField(default="")
    date_of_birth = serializers.CharField(allow_null=True, default=None)


class MaracAnswerSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    question = serializers.CharField()
    answer = serializers.CharField(allow_null=True)
    notes = serializers.CharField()


class DashSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField()
    completed_by = serializers.CharField(source="completed_by.username")
    agency = serializers.CharField(source="agency.name")
    yes_count = serializers.IntegerField(allow_null=True)
    criteria = serializers.ListField(child=serializers.CharField())
    children_count = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)


class DashDetailSerializer(DashSerializer):
    victim = serializers.SerializerMethodField()
    perpetrator = serializers.SerializerMethodField()
    answers = serializers.SerializerMethodField()

    def get_victim(self, dash) -> MaracPersonSerializer:
        return MaracPersonSerializer(dash.sections.get("victim", {})).data

    def get_perpetrator(self, dash) -> MaracPersonSerializer:
        return MaracPersonSerializer(dash.sections.get("perpetrator", {})).data

    def get_answers(self, dash) -> MaracAnswerSerializer(many=True):
        given = {}
        for key in sections.CHECKLIST_KEYS:
            given |= dash.sections.get(key, {})
        return [
            {
                "number": q.number,
                "question": q.text,
                "answer": given.get(q.key),
                "notes": given.get(f"{q.key}_notes", ""),
            }
            for q in checklist.QUESTIONS
        ]


class MaracResearchRequestSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    agency = serializers.CharField(source="agency.name")
    deadline = serializers.DateField()
    responded_on = serializers.DateField(allow_null=True)
    rag = serializers.SerializerMethodField()

    def get_rag(self, request) -> str:
        return rules.research_rag(
            answered_on=request.responded_on, deadline=request.deadline, today=timezone.localdate()
        )


class MaracCaseSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField()
    referred_on = serializers.DateField()
    referring_agency = serializers.CharField(source="referring_agency.name")
    criteria = serializers.ListField(child=serializers.CharField())
    is_repeat = serializers.BooleanField()
    victim = serializers.UUIDField(source="victim_id")
    dash = serializers.UUIDField(source="dash_id")
    heard_on = serializers.DateField(allow_null=True)


class MaracCaseDetailSerializer(MaracCaseSerializer):
    idva = serializers.SerializerMethodField()
    linked_to_mappa = serializers.SerializerMethodField()
    research_requests = MaracResearchRequestSerializer(many=True)

    def get_idva(self, case) -> dict | None:
        if not case.idva_name:
            return None
        return {
            "name": case.idva_name,
            "organisation": case.idva_organisation,
            "allocated_on": case.idva_allocated_on,
        }

    def get_linked_to_mappa(self, case) -> bool:
        return case.mappa_links.exists()


class MaracAgendaItemSerializer(serializers.Serializer):
    case = serializers.UUIDField(source="case_id")
    position = serializers.IntegerField()
    heard = serializers.BooleanField()


class MaracMeetingSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    date = serializers.DateField()
    start_time = serializers.TimeField()
    end_time = serializers.TimeField()
    venue = serializers.CharField()
    status = serializers.CharField()


class MaracMeetingDetailSerializer(MaracMeetingSerializer):
    agenda = MaracAgendaItemSerializer(many=True)


class MaracActionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    case = serializers.UUIDField(source="case_id")
    description = serializers.CharField()
    owner_agency = serializers.CharField(source="owner_agency.name")
    owner_name = serializers.CharField()
    due_on = serializers.DateField()
    status = serializers.CharField()
    rag = serializers.SerializerMethodField()

    def get_rag(self, action) -> str:
        return action_rules.action_status(
            status=action.status,
            due_on=action.due_on,
            today=timezone.localdate(),
            due_soon_days=settings.MAPPA_ACTION_DUE_SOON_DAYS,
        )


class DashList(APIView):
    """DASH assessments in the caller's scope, newest first."""

    permission = PARTICIPATING
    pagination_class = Pages

    @extend_schema(responses=DashSerializer(many=True), summary="List DASH assessments")
    def get(self, request):
        dashes = queries.dashes_visible_to(request.user).select_related("completed_by", "agency")
        return paginated(self, request, dashes.order_by("-created_at", "id"), DashSerializer)


class DashDetail(APIView):
    """One DASH assessment with its 24 answers."""

    permission = PARTICIPATING

    @extend_schema(responses=DashDetailSerializer, summary="Get a DASH assessment")
    def get(self, request, dash_id):
        dash = queries.get_dash(request.user, dash_id)
        audit.record_read(actor=request.user, subject=dash.id, content="DASH (API)")
        return Response(DashDetailSerializer(dash).data)


class CaseList(APIView):
    """MARAC cases the caller takes part in, oldest referral first."""

    permission = PARTICIPATING
    pagination_class = Pages

    @extend_schema(responses=MaracCaseSerializer(many=True), summary="List MARAC cases")
    def get(self, request):
        cases = queries.cases_visible_to(request.user).select_related("referring_agency")
        return paginated(self, request, cases.order_by("referred_on", "id"), MaracCaseSerializer)


class CaseDetail(APIView):
    """One MARAC case with its research requests and their red/amber/green status."""

    permission = PARTICIPATING

    @extend_schema(responses=MaracCaseDetailSerializer, summary="Get a MARAC case")
    def get(self, request, case_id):
        case = queries.get_case(request.user, case_id)
        audit.record_read(actor=request.user, subject=case.id, content="MARAC case (API)")
        return Response(MaracCaseDetailSerializer(case).data)


class MeetingList(APIView):
    """MARAC meetings: the area's for the co-ordinator, otherwise those listing one's cases."""

    permission = PARTICIPATING
    pagination_class = Pages

    @extend_schema(responses=MaracMeetingSerializer(many=True), summary="List MARAC meetings")
    def get(self, request):
        meetings = queries.meetings_visible_to(request.user).order_by("date", "id")
        return paginated(self, request, meetings, MaracMeetingSerializer)


class MeetingDetail(APIView):
    """One MARAC meeting with the agenda items the caller may see."""

    permission = PARTICIPATING

    @extend_schema(
        responses=MaracMeetingDetailSerializer, summary="Get a MARAC meeting and its agenda"
    )
    def get(self, request, meeting_id):
        meeting = queries.get_meeting(request.user, meeting_id)
        audit.record_read(
            actor=request.user, subject=meeting.id, content="MARAC meeting agenda (API)"
        )
        agenda = MaracAgendaItemSerializer(
            queries.agenda_for(request.user, meeting), many=True
        ).data
        return Response(MaracMeetingSerializer(meeting).data | {"agenda": agenda})


class ActionList(APIView):
    """Actions on MARAC cases the caller takes part in, soonest due first."""

    permission = PARTICIPATING
    pagination_class = Pages

    @extend_schema(responses=MaracActionSerializer(many=True), summary="List MARAC actions")
    def get(self, request):
        actions = queries.actions_visible_to(request.user).select_related("owner_agency")
        return paginated(self, request, actions.order_by("due_on", "id"), MaracActionSerializer)


class ActionDetail(APIView):
    permission = PARTICIPATING

    @extend_schema(responses=MaracActionSerializer, summary="Get a MARAC action")
    def get(self, request, action_id):
        action = queries.get_action(request.user, action_id)
        audit.record_read(actor=request.user, subject=action.case_id, content="MARAC action (API)")
        return Response(MaracActionSerializer(action).data)

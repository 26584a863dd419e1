"""Actions in the JSON API: /api/v1/actions/, scoped as the pages are."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.actions import queries
from mappa.actions.constants import Status
from mappa.agencies import permissions
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.audit import services as audit


class UpdateSerializer(serializers.Serializer):
    written_on = serializers.DateField()
    text = serializers.CharField()
    status = serializers.CharField()
    written_by = serializers.CharField(source="written_by.username")


class ActionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    case = serializers.UUIDField(source="case_id")
    description = serializers.CharField()
    owner_agency = serializers.CharField(source="owner_agency.name")
    owner_user = serializers.CharField(source="owner_user.username", allow_null=True, default=None)
    due_on = serializers.DateField()
    status = serializers.CharField()
    closed_on = serializers.DateField(allow_null=True)


class ActionDetailSerializer(ActionSerializer):
    updates = UpdateSerializer(many=True)


class ActionList(APIView):
    """Actions on cases in the caller's scope; `?case=` and `?status=` narrow the list."""

    permission = permissions.VIEW_CASES
    pagination_class = Pages
    filters = params.Query(
        params.Uuid("case", "Only actions on this case"),
        params.Choice("status", Status, "Only actions with this status"),
    )

    @extend_schema(
        parameters=filters.schema(),
        responses=ActionSerializer(many=True),
        summary="List actions",
    )
    def get(self, request):
        query = self.filters.parse(request)
        actions = (
            queries.actions_visible_to(request.user)
            .select_related("owner_agency", "owner_user")
            .order_by("due_on", "id")
        )
        if query["status"]:
            actions = actions.filter(status=query["status"])
        if query["case"]:
            actions = actions.filter(case_id=query["case"])
        return paginated(self, request, actions, ActionSerializer)


class ActionDetail(APIView):
    """One action with its updates."""

    permission = permissions.VIEW_CASES

    @extend_schema(responses=ActionDetailSerializer, summary="Get an action")
    def get(self, request, action_id):
        action = queries.get_action(request.user, action_id)
        audit.record_read(actor=request.user, subject=action.case_id, content="action (API)")
        return Response(ActionDetailSerializer(action).data)

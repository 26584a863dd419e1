from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions


class NamedRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class MeSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="uuid")
    username = serializers.CharField()
    name = serializers.CharField(source="display_name")
    role = serializers.CharField()
    agency = NamedRefSerializer(allow_null=True)
    area = serializers.SerializerMethodField()
    permissions = serializers.SerializerMethodField()

    def get_area(self, user) -> dict | None:
        if user.area is None:
            return None
        return {"id": str(user.area.id), "code": user.area.code, "name": user.area.name}

    def get_permissions(self, user) -> list[str]:
        return sorted(permissions.ROLE_PERMISSIONS.get(user.role, frozenset()))


class MeView(APIView):
    """The user the request is authenticated as."""

    permission = permissions.SIGNED_IN

    @extend_schema(responses=MeSerializer, summary="Who am I")
    def get(self, request):
        return Response(MeSerializer(request.user).data)

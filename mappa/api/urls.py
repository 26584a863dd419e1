from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from mappa.agencies import permissions
from mappa.agencies.api import MeView
from mappa.agencies.permissions import HasDeclaredPermission


class SchemaView(SpectacularJSONAPIView):
    permission = permissions.PUBLIC
    permission_classes = [HasDeclaredPermission]


urlpatterns = [
    path("schema/", SchemaView.as_view(), name="api-schema"),
    path("me/", MeView.as_view(), name="api-me"),
]

from django.urls import include, path

from mappa.agencies.admin import admin_site

urlpatterns = [
    path("", include("mappa.agencies.urls")),
    path("audit-log/", include("mappa.audit.urls")),
    path("people/", include("mappa.people.urls")),
    path("cases/", include("mappa.cases.urls")),
    path("referrals/", include("mappa.referrals.urls")),
    path("api/v1/", include("mappa.api.urls")),
    path("admin/", admin_site.urls),
]

handler400 = "mappa.errors.bad_request"
handler403 = "mappa.errors.permission_denied"
handler404 = "mappa.errors.page_not_found"
handler500 = "mappa.errors.server_error"

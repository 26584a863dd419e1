from django.conf import settings
from django.urls import include, path
from django.views.static import serve

from mappa.agencies import permissions
from mappa.agencies import urls as agencies_urls
from mappa.agencies.admin import admin_site
from mappa.cases import urls as cases_urls
from mappa.desk import urls as desk_urls
from mappa.people import urls as people_urls

# MoJ Frontend's stylesheet asks for its icons under /assets/images/, where WhiteNoise serves
# GOV.UK Frontend's assets; the icons GOV.UK Frontend lacks fall through to MoJ's own folder.
moj_icon = permissions.requires(permissions.PUBLIC)(serve)

urlpatterns = [
    path("", include(desk_urls.home_urls + agencies_urls.urlpatterns)),
    path("audit-log/", include("mappa.audit.urls")),
    path("people/", include(people_urls.urlpatterns + desk_urls.person_urls)),
    path("cases/", include(desk_urls.case_urls + cases_urls.urlpatterns)),
    path("referrals/", include("mappa.referrals.urls")),
    path("meetings/", include("mappa.meetings.urls")),
    path("cases/<uuid:case_id>/risk/", include("mappa.risk.urls")),
    path("actions/", include("mappa.actions.urls")),
    path("mash/", include("mappa.safeguarding.urls")),
    path("custody/", include("mappa.custody.urls")),
    path("whereabouts/", include("mappa.whereabouts.urls")),
    path("information-requests/", include("mappa.information_requests.urls")),
    path("oversight/", include("mappa.oversight.urls")),
    path("marac/", include("mappa.marac.urls")),
    path("api/v1/", include("mappa.desk.api_urls")),
    path("public/", include("mappa.public.urls")),
    path("disclosures/", include("mappa.disclosures.urls")),
    path("admin/", admin_site.urls),
    path(
        "assets/images/<path:path>",
        moj_icon,
        {"document_root": settings.MOJ_FRONTEND_IMAGES},
        name="moj-icon",
    ),
]

handler400 = "mappa.errors.bad_request"
handler403 = "mappa.errors.permission_denied"
handler404 = "mappa.errors.page_not_found"
handler500 = "mappa.errors.server_error"

from django.urls import path

from mappa.whereabouts import views

urlpatterns = [
    path("report/for-case/<uuid:case_id>/", views.report, name="report-whereabouts"),
    path("<uuid:report_id>/", views.report_page, name="whereabouts-report"),
    path(
        "<uuid:report_id>/search-actions/new/",
        views.add_search_action,
        name="whereabouts-search-action",
    ),
    path("<uuid:report_id>/end/", views.end, name="end-whereabouts"),
    path(
        "<uuid:report_id>/urgent-meeting/", views.urgent_meeting, name="whereabouts-urgent-meeting"
    ),
]

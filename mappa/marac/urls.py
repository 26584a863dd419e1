from django.urls import path

from mappa.marac.views import cases, dash, meetings, statistics

urlpatterns = [
    path("", dash.home, name="marac"),
    path("dash/new/", dash.start, name="marac-start-dash"),
    path("dash/<uuid:dash_id>/", dash.dash, name="marac-dash"),
    path("dash/<uuid:dash_id>/children/", dash.children, name="marac-dash-children"),
    path("dash/<uuid:dash_id>/complete/", dash.complete, name="marac-dash-complete"),
    path("dash/<uuid:dash_id>/<slug:key>/", dash.section, name="marac-dash-section"),
    path("queue/", meetings.queue, name="marac-queue"),
    path("meetings/", meetings.meetings, name="marac-meetings"),
    path("meetings/<uuid:meeting_id>/", meetings.meeting, name="marac-meeting"),
    path("research/<uuid:request_id>/", meetings.research_request, name="marac-research"),
    path("statistics/", statistics.page, name="marac-statistics"),
    path("statistics.csv", statistics.csv_export, name="marac-statistics-csv"),
    path("victims/<uuid:victim_id>/", cases.victim, name="marac-victim"),
    path("cases/<uuid:case_id>/", cases.case, name="marac-case"),
    path("cases/<uuid:case_id>/list/", meetings.list_case, name="marac-list-case"),
    path("cases/<uuid:case_id>/idva/", cases.idva, name="marac-idva"),
    path("cases/<uuid:case_id>/safety-plan/", cases.safety_plan, name="marac-safety-plan"),
    path("cases/<uuid:case_id>/actions/new/", cases.new_action, name="marac-new-action"),
    path("cases/<uuid:case_id>/share/", cases.share_fact, name="marac-share-fact"),
    path(
        "cases/<uuid:case_id>/items/<uuid:item_id>/research/",
        meetings.research,
        name="marac-ask-research",
    ),
    path(
        "cases/<uuid:case_id>/items/<uuid:item_id>/information/",
        meetings.information,
        name="marac-information",
    ),
    path("cases/<uuid:case_id>/items/<uuid:item_id>/heard/", meetings.hear, name="marac-hear"),
    path("actions/<uuid:action_id>/", cases.action, name="marac-action"),
]

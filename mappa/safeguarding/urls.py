from django.urls import path

from mappa.safeguarding.views import mappa_side
from mappa.safeguarding.views import mash_side as views

urlpatterns = [
    path("", views.home, name="mash-home"),
    path("case-lists/<uuid:case_list_id>/", views.case_list, name="mash-case-list"),
    path("case-lists/<uuid:case_list_id>/export.csv", views.export, name="mash-export"),
    path("case-lists/<uuid:case_list_id>/upload/", views.upload, name="mash-upload"),
    path("runs/<uuid:run_id>/", views.run, name="mash-run"),
    path("candidates/<uuid:candidate_id>/", views.candidate, name="mash-candidate"),
    path("candidates/<uuid:candidate_id>/invite/", views.invite, name="mash-invite"),
    path("records/<uuid:entry_id>/", views.entry, name="mash-entry"),
    path("records/<uuid:entry_id>/complete/", views.complete_check, name="mash-complete"),
    path("records/<uuid:entry_id>/summary/", views.summary, name="mash-summary"),
    path("flags/<uuid:flag_id>/", views.advance_flag, name="mash-flag"),
    path("feedback/<uuid:feedback_id>/outcome/", views.outcome, name="mash-outcome"),
    path("referrals/<uuid:referral_id>/", views.referral, name="mash-referral"),
    path("publish/", mappa_side.publish, name="mash-publish"),
    path("named-persons/new/", mappa_side.designate, name="mash-designate"),
    path(
        "named-persons/<uuid:designation_id>/end/",
        mappa_side.end_designation,
        name="mash-end-designation",
    ),
    path("published/<uuid:case_list_id>/", mappa_side.published, name="mash-published"),
    path(
        "published/<uuid:case_list_id>/records/<uuid:entry_id>/feedback/",
        mappa_side.feedback,
        name="mash-feedback",
    ),
    path(
        "published/<uuid:case_list_id>/summaries/<uuid:summary_id>/share/",
        mappa_side.share_summary,
        name="mash-share-summary",
    ),
    path("cases/<uuid:case_id>/refer/", mappa_side.refer, name="mash-refer"),
]

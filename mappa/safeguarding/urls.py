from django.urls import path

from mappa.safeguarding.views import mappa_side, mash_side

urlpatterns = [
    path("", mash_side.home, name="mash-home"),
    path("case-lists/<uuid:case_list_id>/", mash_side.case_list, name="mash-case-list"),
    path("case-lists/<uuid:case_list_id>/export.csv", mash_side.export, name="mash-export"),
    path("case-lists/<uuid:case_list_id>/upload/", mash_side.upload, name="mash-upload"),
    path("runs/<uuid:run_id>/", mash_side.run, name="mash-run"),
    path("runs/<uuid:run_id>/near/", mash_side.near_threshold, name="mash-run-near"),
    path("candidates/<uuid:candidate_id>/", mash_side.candidate, name="mash-candidate"),
    path("candidates/<uuid:candidate_id>/invite/", mash_side.invite, name="mash-invite"),
    path("records/<uuid:entry_id>/", mash_side.entry, name="mash-entry"),
    path("records/<uuid:entry_id>/complete/", mash_side.complete_check, name="mash-complete"),
    path("records/<uuid:entry_id>/summary/", mash_side.summary, name="mash-summary"),
    path("flags/<uuid:flag_id>/", mash_side.advance_flag, name="mash-flag"),
    path("feedback/<uuid:feedback_id>/outcome/", mash_side.outcome, name="mash-outcome"),
    path("referrals/<uuid:referral_id>/", mash_side.referral, name="mash-referral"),
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
    path(
        "meetings/<uuid:meeting_id>/feedback/",
        mappa_side.meeting_feedback,
        name="mash-meeting-feedback",
    ),
    path("cases/<uuid:case_id>/refer/", mappa_side.refer, name="mash-refer"),
]

from django.urls import path

from mappa.meetings.views import (
    agenda,
    attendance,
    circulation,
    decisions,
    meetings,
    minutes,
    series,
)

M = "<uuid:meeting_id>/"
ITEM = "minutes/<uuid:item_id>/"
SHARE = "minutes/shares/<uuid:share_id>/"

urlpatterns = [
    path("", meetings.meeting_list, name="meetings"),
    path("new/", meetings.new_meeting, name="new-meeting"),
    path("series/new/", meetings.new_series, name="new-meeting-series"),
    path("series/<uuid:series_id>/", series.series, name="meeting-series"),
    path(
        "series/<uuid:series_id>/members/",
        series.standing_members,
        name="series-standing-members",
    ),
    path("series/<uuid:series_id>/schedule/", meetings.schedule_series, name="schedule-series"),
    path("invitations/<uuid:invitation_id>/", agenda.respond, name="respond-to-invitation"),
    path(M, meetings.meeting, name="meeting"),
    path(M + "details/", meetings.meeting_details, name="meeting-details"),
    path(M + "cancel/", meetings.cancel, name="cancel-meeting"),
    path(M + "agenda/build/", agenda.build_agenda, name="build-agenda"),
    path(M + "agenda/urgent/", agenda.add_urgent, name="add-urgent-item"),
    path(M + "agenda/<uuid:item_id>/remove/", agenda.remove_item, name="remove-agenda-item"),
    path(M + "agenda/<uuid:item_id>/invite/", agenda.invite, name="invite"),
    path(
        M + "invitations/<uuid:invitation_id>/withdraw/",
        agenda.withdraw,
        name="withdraw-invitation",
    ),
    path(M + "attendance/", attendance.attendance, name="attendance"),
    path(
        M + "attendance/invitations/<uuid:invitation_id>/",
        attendance.record_invitee,
        name="record-invitee-attendance",
    ),
    path(
        M + "attendance/<uuid:attendance_id>/remove/",
        attendance.remove_record,
        name="remove-attendance",
    ),
    path(M + "statement/", attendance.statement, name="meeting-statement"),
    path(M + "held/", attendance.held, name="meeting-held"),
    path(M + "minutes/", minutes.minutes_page, name="minutes"),
    path(M + "minutes/start/", minutes.start, name="start-minutes"),
    path(M + "minutes/send/", minutes.send_for_approval, name="send-minutes-for-approval"),
    path(M + "minutes/approve/", minutes.approve, name="approve-minutes"),
    path(M + "minutes/circulate/", circulation.circulate, name="circulate-minutes"),
    path(M + "minutes/circulation/", circulation.tracking, name="minutes-circulation"),
    path(M + "minutes/minutes.pdf", circulation.minutes_pdf, name="minutes-pdf"),
    path(M + ITEM + "edit/", minutes.edit_case, name="edit-case-minutes"),
    path(M + ITEM + "decision/", decisions.decision, name="minutes-decision"),
    path(M + ITEM + "disclosure/", decisions.disclosure, name="minutes-disclosure"),
    path(M + ITEM + "actions/add/", decisions.add_action, name="minutes-add-action"),
    path(M + ITEM + "share/", circulation.request_share, name="request-minutes-share"),
    path(M + SHARE + "decide/", circulation.decide_share, name="decide-minutes-share"),
    path(M + SHARE + "shared/", circulation.record_shared, name="record-minutes-shared"),
]

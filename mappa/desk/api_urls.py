from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from mappa.actions.api import ActionDetail, ActionList
from mappa.agencies import permissions
from mappa.agencies.api import MeView
from mappa.agencies.permissions import HasDeclaredPermission
from mappa.cases.api import CaseClosure, CaseDecision, CaseDetail, CaseList, CaseOfficer
from mappa.cases.api import stays as case_stays
from mappa.cases.api import transfers as case_transfers
from mappa.custody import api as custody
from mappa.desk.api import pdp
from mappa.disclosures import api as disclosures
from mappa.information_requests import api as information_requests
from mappa.marac import api as marac
from mappa.meetings.api import MeetingAgenda, MeetingDetail, MeetingList, MeetingMinutes
from mappa.oversight.api import AnnualStatistics, IndicatorDetail, IndicatorList
from mappa.people.api.lists import NominalList
from mappa.people.api.record import NominalDetail
from mappa.referrals.api import ReferralDetail, ReferralList
from mappa.risk.api import AssessmentList, ConditionList, PlanList
from mappa.safeguarding.api import CaseListDetail, CaseLists
from mappa.whereabouts import api as whereabouts


class SchemaView(SpectacularJSONAPIView):
    permission = permissions.PUBLIC
    permission_classes = [HasDeclaredPermission]


urlpatterns = [
    path("schema/", SchemaView.as_view(), name="api-schema"),
    path("me/", MeView.as_view(), name="api-me"),
    path("nominals/", NominalList.as_view(), name="api-nominals"),
    path("nominals/<uuid:nominal_id>/", NominalDetail.as_view(), name="api-nominal"),
    path("cases/", CaseList.as_view(), name="api-cases"),
    path("cases/<uuid:case_id>/", CaseDetail.as_view(), name="api-case"),
    path("cases/<uuid:case_id>/decisions/", CaseDecision.as_view(), name="api-case-decisions"),
    path(
        "cases/<uuid:case_id>/responsible-officer/", CaseOfficer.as_view(), name="api-case-officer"
    ),
    path("cases/<uuid:case_id>/closure/", CaseClosure.as_view(), name="api-case-closure"),
    path("nominals/<uuid:nominal_id>/pdp/", pdp.PdpProposal.as_view(), name="api-pdp-proposal"),
    path(
        "cases/<uuid:case_id>/pdp/decision/", pdp.PdpDecisionView.as_view(), name="api-pdp-decision"
    ),
    path("cases/<uuid:case_id>/pdp/reviews/", pdp.PdpReview.as_view(), name="api-pdp-reviews"),
    path("cases/<uuid:case_id>/pdp/mappa/", pdp.PdpIntoMappa.as_view(), name="api-pdp-mappa"),
    path(
        "cases/<uuid:case_id>/whereabouts/",
        whereabouts.CaseWhereabouts.as_view(),
        name="api-case-whereabouts",
    ),
    path(
        "cases/<uuid:case_id>/whereabouts/<uuid:report_id>/",
        whereabouts.WhereaboutsDetail.as_view(),
        name="api-whereabouts-report",
    ),
    path(
        "cases/<uuid:case_id>/whereabouts/<uuid:report_id>/search-actions/",
        whereabouts.WhereaboutsSearchActions.as_view(),
        name="api-whereabouts-search-actions",
    ),
    path(
        "cases/<uuid:case_id>/whereabouts/<uuid:report_id>/end/",
        whereabouts.WhereaboutsEnd.as_view(),
        name="api-whereabouts-end",
    ),
    # Transfers between areas and temporary stays (docs/transfers.md).
    path("transfers/", case_transfers.IncomingTransfers.as_view(), name="api-incoming-transfers"),
    path(
        "cases/<uuid:case_id>/transfers/",
        case_transfers.CaseTransfers.as_view(),
        name="api-case-transfers",
    ),
    path(
        "cases/<uuid:case_id>/transfers/<uuid:transfer_id>/",
        case_transfers.TransferDetail.as_view(),
        name="api-case-transfer",
    ),
    path(
        "cases/<uuid:case_id>/transfers/<uuid:transfer_id>/accept/",
        case_transfers.AcceptTransfer.as_view(),
        name="api-accept-transfer",
    ),
    path(
        "cases/<uuid:case_id>/transfers/<uuid:transfer_id>/query/",
        case_transfers.QueryTransfer.as_view(),
        name="api-query-transfer",
    ),
    path(
        "cases/<uuid:case_id>/transfers/<uuid:transfer_id>/answer/",
        case_transfers.AnswerTransfer.as_view(),
        name="api-answer-transfer",
    ),
    path(
        "cases/<uuid:case_id>/transfers/<uuid:transfer_id>/withdraw/",
        case_transfers.WithdrawTransfer.as_view(),
        name="api-withdraw-transfer",
    ),
    path("cases/<uuid:case_id>/stays/", case_transfers.CaseStays.as_view(), name="api-case-stays"),
    path(
        "cases/<uuid:case_id>/stays/<uuid:stay_id>/",
        case_stays.StayDetail.as_view(),
        name="api-case-stay",
    ),
    path(
        "cases/<uuid:case_id>/stays/<uuid:stay_id>/end/",
        case_stays.EndStay.as_view(),
        name="api-end-stay",
    ),
    path(
        "cases/<uuid:case_id>/risk/assessments/",
        AssessmentList.as_view(),
        name="api-rosh-assessments",
    ),
    path("cases/<uuid:case_id>/risk/plans/", PlanList.as_view(), name="api-risk-plans"),
    path(
        "cases/<uuid:case_id>/risk/conditions/",
        ConditionList.as_view(),
        name="api-licence-conditions",
    ),
    path("referrals/", ReferralList.as_view(), name="api-referrals"),
    path("actions/", ActionList.as_view(), name="api-actions"),
    path("actions/<uuid:action_id>/", ActionDetail.as_view(), name="api-action"),
    path("referrals/<uuid:referral_id>/", ReferralDetail.as_view(), name="api-referral"),
    path("meetings/", MeetingList.as_view(), name="api-meetings"),
    path("mash/case-lists/", CaseLists.as_view(), name="api-mash-case-lists"),
    path(
        "mash/case-lists/<uuid:case_list_id>/",
        CaseListDetail.as_view(),
        name="api-mash-case-list",
    ),
    path("meetings/<uuid:meeting_id>/", MeetingDetail.as_view(), name="api-meeting"),
    path("meetings/<uuid:meeting_id>/agenda/", MeetingAgenda.as_view(), name="api-meeting-agenda"),
    path(
        "meetings/<uuid:meeting_id>/minutes/", MeetingMinutes.as_view(), name="api-meeting-minutes"
    ),
    path("custody/releases/", custody.ReleaseList.as_view(), name="api-custody-releases"),
    path("custody/screenings/", custody.ScreeningList.as_view(), name="api-custody-screenings"),
    path(
        "custody/screenings/<uuid:screening_id>/",
        custody.ScreeningDetail.as_view(),
        name="api-custody-screening",
    ),
    path(
        "custody/screenings/<uuid:screening_id>/decision/",
        custody.ScreeningDecision.as_view(),
        name="api-custody-decision",
    ),
    path(
        "custody/people/<uuid:nominal_id>/releases/",
        custody.PersonRelease.as_view(),
        name="api-custody-release",
    ),
    path(
        "custody/people/<uuid:nominal_id>/returns/",
        custody.PersonReturn.as_view(),
        name="api-custody-return",
    ),
    path("statistics/annual/", AnnualStatistics.as_view(), name="api-annual-statistics"),
    path("indicators/", IndicatorList.as_view(), name="api-indicators"),
    path("indicators/<slug:slug>/", IndicatorDetail.as_view(), name="api-indicator"),
    path("marac/dash/", marac.DashList.as_view(), name="api-marac-dashes"),
    path("marac/dash/<uuid:dash_id>/", marac.DashDetail.as_view(), name="api-marac-dash"),
    path("marac/cases/", marac.CaseList.as_view(), name="api-marac-cases"),
    path("marac/cases/<uuid:case_id>/", marac.CaseDetail.as_view(), name="api-marac-case"),
    path("marac/meetings/", marac.MeetingList.as_view(), name="api-marac-meetings"),
    path(
        "marac/meetings/<uuid:meeting_id>/",
        marac.MeetingDetail.as_view(),
        name="api-marac-meeting",
    ),
    path("marac/actions/", marac.ActionList.as_view(), name="api-marac-actions"),
    path("marac/actions/<uuid:action_id>/", marac.ActionDetail.as_view(), name="api-marac-action"),
    path(
        "disclosures/decisions/",
        disclosures.DecisionList.as_view(),
        name="api-disclosure-decisions",
    ),
    path(
        "disclosures/decisions/<uuid:decision_id>/",
        disclosures.DecisionDetail.as_view(),
        name="api-disclosure-decision",
    ),
    path(
        "disclosures/applications/",
        disclosures.ApplicationList.as_view(),
        name="api-disclosure-applications",
    ),
    path(
        "disclosures/applications/<uuid:application_id>/",
        disclosures.ApplicationDetail.as_view(),
        name="api-disclosure-application",
    ),
    path(
        "information-requests/",
        information_requests.RequestList.as_view(),
        name="api-information-requests",
    ),
    path(
        "information-requests/<uuid:request_id>/",
        information_requests.RequestDetail.as_view(),
        name="api-information-request",
    ),
    path(
        "information-requests/<uuid:request_id>/answer/",
        information_requests.RequestAnswer.as_view(),
        name="api-answer-information-request",
    ),
    path(
        "information-requests/<uuid:request_id>/decline/",
        information_requests.RequestDecline.as_view(),
        name="api-decline-information-request",
    ),
    path(
        "information-requests/<uuid:request_id>/withdraw/",
        information_requests.RequestWithdraw.as_view(),
        name="api-withdraw-information-request",
    ),
]

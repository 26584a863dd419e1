from django.urls import path

from mappa.cases import views
from mappa.cases.views import stays, transfers

urlpatterns = [
    path("<uuid:case_id>/access/grant/", views.grant_access, name="grant-case-access"),
    path(
        "<uuid:case_id>/access/<uuid:grant_id>/revoke/",
        views.revoke_access,
        name="revoke-case-access",
    ),
    path("<uuid:case_id>/reviews/add/", views.add_review, name="add-level-1-review"),
    path("<uuid:case_id>/decision/", views.change_decision, name="change-case-decision"),
    path("<uuid:case_id>/officer/", views.name_officer, name="name-responsible-officer"),
    path("<uuid:case_id>/close/", views.close, name="close-case"),
    path(
        "<uuid:case_id>/terrorism-management/",
        views.decide_terrorism_management,
        name="decide-terrorism-management",
    ),
    # Transfers between areas and temporary stays (docs/transfers.md).
    path("<uuid:case_id>/transfer/", transfers.request_transfer, name="request-transfer"),
    path("<uuid:case_id>/stays/add/", transfers.notify_stay, name="notify-stay"),
    path("stays/<uuid:stay_id>/change/", stays.change_stay, name="change-stay"),
    path("stays/<uuid:stay_id>/end/", stays.end_stay, name="end-stay"),
    path("transfers/", transfers.area_transfers, name="area-transfers"),
    path("transfers/<uuid:transfer_id>/", transfers.transfer, name="transfer"),
    path("transfers/<uuid:transfer_id>/accept/", transfers.accept, name="accept-transfer"),
    path("transfers/<uuid:transfer_id>/query/", transfers.query, name="query-transfer"),
    path("transfers/<uuid:transfer_id>/answer/", transfers.answer, name="answer-transfer-query"),
    path("transfers/<uuid:transfer_id>/withdraw/", transfers.withdraw, name="withdraw-transfer"),
]

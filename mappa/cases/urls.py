from django.urls import path

from mappa.cases import views

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
]

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
]

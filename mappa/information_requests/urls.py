from django.urls import path

from mappa.information_requests import views

urlpatterns = [
    path("", views.request_list, name="information-requests"),
    path("<uuid:request_id>/", views.information_request, name="information-request"),
    path("<uuid:request_id>/decline/", views.decline, name="decline-information-request"),
    path("<uuid:request_id>/withdraw/", views.withdraw, name="withdraw-information-request"),
    path("new/for-case/<uuid:case_id>/", views.new_for_case, name="request-information"),
    path(
        "new/for-case/<uuid:case_id>/before-review/",
        views.new_before_review,
        name="request-information-before-review",
    ),
    path(
        "new/at-screening/<uuid:referral_id>/",
        views.new_at_screening,
        name="request-information-at-screening",
    ),
]

from django.urls import path

from mappa.referrals import views

urlpatterns = [
    path("", views.my_referrals, name="referrals"),
    path("new/", views.start, name="start-referral"),
    path("screening/", views.screening_queue, name="screening-queue"),
    path("<uuid:referral_id>/", views.referral, name="referral"),
    path("<uuid:referral_id>/submit/", views.check_and_submit, name="submit-referral"),
    path("<uuid:referral_id>/withdraw/", views.withdraw, name="withdraw-referral"),
    path("<uuid:referral_id>/screen/", views.screen, name="screen-referral"),
    path("<uuid:referral_id>/<slug:key>/", views.referral_section, name="referral-section"),
]

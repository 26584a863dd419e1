from django.urls import path

from mappa.disclosures.views import applications as views
from mappa.disclosures.views import decisions as decision_views

urlpatterns = [
    path("", views.queue, name="disclosures"),
    path("applications/new/", views.new_application, name="disclosure-new-application"),
    path(
        "applications/<uuid:application_id>/",
        views.application,
        name="disclosure-application",
    ),
    path("applications/<uuid:application_id>/stage/", views.stage, name="disclosure-stage"),
    path("applications/<uuid:application_id>/link/", views.link, name="disclosure-link"),
    path("applications/<uuid:application_id>/decision/", views.decide, name="disclosure-decide"),
    path("applications/<uuid:application_id>/letter.pdf", views.letter, name="disclosure-letter"),
    path(
        "applications/<uuid:application_id>/letter-sent/",
        views.letter_sent,
        name="disclosure-letter-sent",
    ),
    path(
        "decisions/new/<uuid:nominal_id>/",
        decision_views.new_decision,
        name="disclosure-new-decision",
    ),
    path("decisions/<uuid:decision_id>/", decision_views.decision, name="disclosure-decision"),
    path("decisions/<uuid:decision_id>/agree/", decision_views.agree, name="disclosure-agree"),
    path("decisions/<uuid:decision_id>/made/", decision_views.made, name="disclosure-made"),
]

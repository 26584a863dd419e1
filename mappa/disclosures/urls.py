from django.urls import path

from mappa.disclosures.views import applications, decisions

urlpatterns = [
    path("", applications.queue, name="disclosures"),
    path("applications/new/", applications.new_application, name="disclosure-new-application"),
    path(
        "applications/<uuid:application_id>/",
        applications.application,
        name="disclosure-application",
    ),
    path("applications/<uuid:application_id>/stage/", applications.stage, name="disclosure-stage"),
    path("applications/<uuid:application_id>/link/", applications.link, name="disclosure-link"),
    path(
        "applications/<uuid:application_id>/decision/",
        applications.decide,
        name="disclosure-decide",
    ),
    path(
        "applications/<uuid:application_id>/letter.pdf",
        applications.letter,
        name="disclosure-letter",
    ),
    path(
        "applications/<uuid:application_id>/letter-sent/",
        applications.letter_sent,
        name="disclosure-letter-sent",
    ),
    path(
        "decisions/new/<uuid:nominal_id>/",
        decisions.new_decision,
        name="disclosure-new-decision",
    ),
    path("decisions/<uuid:decision_id>/", decisions.decision, name="disclosure-decision"),
    path("decisions/<uuid:decision_id>/agree/", decisions.agree, name="disclosure-agree"),
    path("decisions/<uuid:decision_id>/made/", decisions.made, name="disclosure-made"),
]

from django.urls import path

from mappa.public import views

PAGES = [
    ("", "index", "public-index"),
    ("what-is-mappa/", "what-is-mappa", "public-what-is-mappa"),
    ("categories-and-levels/", "categories-and-levels", "public-categories-and-levels"),
    ("how-offenders-are-managed/", "how-offenders-are-managed", "public-management"),
    ("victims/", "victims", "public-victims"),
    ("apply/", "apply", "public-apply"),
    ("emergency/", "emergency", "public-emergency"),
]

urlpatterns = [
    *(path(route, views.information(template), name=name) for route, template, name in PAGES),
    path(
        "apply/child-sex-offender-disclosure/",
        views.apply_csods,
        name="public-apply-csods",
    ),
    path(
        "apply/domestic-violence-disclosure/",
        views.apply_dvds,
        name="public-apply-dvds",
    ),
    path("apply/sent/", views.application_sent, name="public-application-sent"),
]

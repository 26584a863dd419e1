"""The desk's pages, each list composed in `mappa/urls.py` with the app whose prefix it shares,
so every route keeps its address and its name."""

from django.urls import path

from mappa.desk.views import case, home, open_cases, pdp, person, stay

# At the site's root, beside the sign-in pages of `mappa.agencies.urls`.
home_urls = [
    path("", home.start, name="start"),
    path("dashboard/", home.dashboard, name="dashboard"),
]

# Under /people/, beside `mappa.people.urls`.
person_urls = [
    path("<uuid:nominal_id>/", person.person, name="person"),
    path("<uuid:nominal_id>/pdp/propose/", pdp.propose, name="propose-pdp"),
]

# Under /cases/, beside `mappa.cases.urls`.
case_urls = [
    path("open/", open_cases.open_cases, name="open-cases"),
    path("<uuid:case_id>/", case.case, name="case"),
    path("<uuid:case_id>/pdp/decision/", pdp.decide, name="decide-pdp"),
    path("<uuid:case_id>/pdp/review/", pdp.review, name="review-pdp"),
    path("<uuid:case_id>/pdp/mappa/", pdp.move_into_mappa, name="move-pdp-into-mappa"),
    path("stays/<uuid:stay_id>/", stay.stay, name="temporary-stay"),
]

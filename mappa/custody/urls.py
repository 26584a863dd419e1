from django.urls import path

from mappa.custody import views

urlpatterns = [
    path("releases/", views.releases, name="custody-releases"),
    path("people/<uuid:nominal_id>/", views.person, name="custody-person"),
    path("people/<uuid:nominal_id>/record/", views.edit_record, name="custody-record"),
    path("people/<uuid:nominal_id>/screening/", views.new_screening, name="custody-new-screening"),
    path("people/<uuid:nominal_id>/release/", views.release, name="custody-release"),
    path("people/<uuid:nominal_id>/return/", views.return_to_custody, name="custody-return"),
    path("screenings/<uuid:screening_id>/", views.screening, name="custody-screening"),
    path(
        "screenings/<uuid:screening_id>/edit/", views.edit_screening, name="custody-edit-screening"
    ),
    path("screenings/<uuid:screening_id>/decision/", views.decide, name="custody-decide"),
]

from django.urls import path

from mappa.people import views

urlpatterns = [
    path("", views.search, name="people"),
    path("add/", views.add, name="add-person"),
    path("add/passed-to-the-coordinators/", views.passed, name="person-passed"),
    path("held/", views.held_additions, name="held-additions"),
    path("held/<uuid:held_id>/", views.held_addition, name="held-addition"),
    path("<uuid:nominal_id>/<slug:section_name>/", views.edit, name="edit-person"),
    path(
        "<uuid:nominal_id>/<slug:section_name>/<str:item_id>/remove/",
        views.remove,
        name="remove-from-record",
    ),
]

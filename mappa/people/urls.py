from django.urls import path

from mappa.people import views

urlpatterns = [
    path("", views.search, name="people"),
    path("add/", views.add, name="add-person"),
    path("<uuid:nominal_id>/<slug:section_name>/", views.edit, name="edit-person"),
    path(
        "<uuid:nominal_id>/<slug:section_name>/<str:item_id>/remove/",
        views.remove,
        name="remove-from-record",
    ),
]

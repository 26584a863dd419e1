from django.urls import path

from mappa.actions import views

urlpatterns = [
    path("", views.dashboard, name="actions"),
    path("<uuid:action_id>/", views.action, name="action"),
    path("new/for-case/<uuid:case_id>/", views.new_action, name="new-action"),
]

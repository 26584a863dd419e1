from django.urls import path

from mappa.audit import views

urlpatterns = [path("", views.search_log, name="audit-log")]

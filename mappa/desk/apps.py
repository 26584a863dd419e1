from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "mappa.desk"
    verbose_name = "Dashboards, the person and case pages, the demo and the commands across apps"

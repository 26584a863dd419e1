from django.apps import AppConfig


class InformationRequestsConfig(AppConfig):
    name = "mappa.information_requests"
    verbose_name = "Information requests"

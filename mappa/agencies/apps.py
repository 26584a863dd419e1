from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "mappa.agencies"
    verbose_name = "Areas, agencies and users"

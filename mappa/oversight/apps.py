from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "mappa.oversight"
    verbose_name = "Strategic oversight"

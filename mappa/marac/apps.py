from django.apps import AppConfig


class MaracConfig(AppConfig):
    name = "mappa.marac"
    verbose_name = "MARAC and DASH"

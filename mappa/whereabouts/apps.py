from django.apps import AppConfig


class WhereaboutsConfig(AppConfig):
    name = "mappa.whereabouts"
    verbose_name = "Whereabouts unknown"

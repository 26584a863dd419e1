from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "mappa.actions"
    verbose_name = "MAPPA actions"

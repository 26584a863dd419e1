from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "mappa.cases"
    verbose_name = "MAPPA cases"

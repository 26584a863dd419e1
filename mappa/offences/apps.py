from django.apps import AppConfig


class OffencesConfig(AppConfig):
    name = "mappa.offences"
    verbose_name = "Offences, convictions and eligibility"

from django.apps import AppConfig


class RiskConfig(AppConfig):
    name = "mappa.risk"
    verbose_name = "Risk of serious harm, risk management plans and licence conditions"

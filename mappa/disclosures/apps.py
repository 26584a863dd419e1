from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "mappa.disclosures"
    verbose_name = "Disclosure"

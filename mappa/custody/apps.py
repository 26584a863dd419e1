from django.apps import AppConfig


class CustodyConfig(AppConfig):
    name = "mappa.custody"
    verbose_name = "Custody: screening before release, release and recall"

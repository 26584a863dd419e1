from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    name = "mappa.safeguarding"
    verbose_name = "Safeguarding (MASH)"

from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "mappa.public"
    verbose_name = "Public site"

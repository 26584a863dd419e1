from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "mappa.meetings"
    verbose_name = "MAPPA meetings"

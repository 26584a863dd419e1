from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "mappa.people"
    verbose_name = "People on the register"

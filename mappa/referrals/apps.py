from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "mappa.referrals"
    verbose_name = "MAPPA referrals"

from django.apps import AppConfig


class InformationRequestsConfig(AppConfig):
    name = "mappa.information_requests"
    verbose_name = "Information requests"

    def ready(self) -> None:
        # Requests raised at screening before a case follow their referral when it is settled:
        # onto the case opened, or withdrawn when it closes without one, in the same transaction.
        from mappa.information_requests import services
        from mappa.referrals.signals import referral_concluded

        referral_concluded.connect(
            services.settle_with_referral, dispatch_uid="information-requests-settle"
        )

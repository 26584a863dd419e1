from django.apps import AppConfig


class InformationRequestsConfig(AppConfig):
    name = "mappa.information_requests"
    verbose_name = "Information requests"

    def ready(self) -> None:
        # Requests raised at screening before a case follow their referral when it is settled:
        # onto the case opened, or withdrawn when it closes without one, in the same transaction.
        # The services are imported when a referral concludes, not at start-up: they bring the
        # import format (pydantic), which commands such as `mappa report annual` never use.
        from mappa.referrals.signals import referral_concluded

        referral_concluded.connect(
            _settle_with_referral, dispatch_uid="information-requests-settle"
        )


def _settle_with_referral(**signal) -> None:
    from mappa.information_requests import services

    services.settle_with_referral(**signal)

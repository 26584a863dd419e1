from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "mappa.actions"
    verbose_name = "MAPPA actions"

    def ready(self) -> None:
        # Open actions owned outside the receiving area are handed to it on a transfer's
        # acceptance, in the acceptance's transaction (docs/transfers.md).
        from mappa.actions import services
        from mappa.cases.signals import transfer_accepted

        transfer_accepted.connect(services.hand_over_on_transfer, dispatch_uid="actions-hand-over")

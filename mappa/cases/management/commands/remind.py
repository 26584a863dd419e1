from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks import TaskResultStatus

from mappa.cases import reminders, tasks


class Command(BaseCommand):
    help = (
        "Send reminder e-mails. `remind overdue` e-mails everyone with an overdue MAPPA review "
        "a count and a link (no case details). Run it weekly from cron or a systemd timer; it "
        "queues the work for `mappa db-worker`, or sends at once with --now."
    )

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        overdue = kinds.add_parser("overdue", help="e-mail counts of overdue reviews")
        overdue.add_argument(
            "--now",
            action="store_true",
            help="send in this process instead of queueing the task for the worker",
        )

    def handle(self, *args, kind: str, now: bool, **options):
        try:
            reminders.dashboard_link()  # refuse now rather than fail later in the worker
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if now:
            self.report(reminders.send_overdue_reminders(actor=None, today=timezone.localdate()))
            return
        result = tasks.send_overdue_reminders.enqueue()
        if result.status == TaskResultStatus.FAILED:
            raise CommandError(f"sending overdue reminders failed:\n{result.errors[-1].traceback}")
        if result.status == TaskResultStatus.SUCCESSFUL:  # an immediate backend ran it here
            self.report(result.return_value)
        else:
            self.stdout.write(f"overdue reminders queued for the worker as task {result.id}")

    def report(self, sent: dict) -> None:
        self.stdout.write(
            f"overdue reminders sent: {sent['recipients']} recipients, "
            f"{sent['items']} overdue reviews"
        )

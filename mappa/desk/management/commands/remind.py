from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks import TaskResultStatus

from mappa.actions import reminders as action_reminders
from mappa.actions import tasks as action_tasks
from mappa.cases import reminders, tasks
from mappa.meetings import tasks as meeting_tasks
from mappa.meetings.services import circulation as minutes_reminders

# kind: (what it e-mails, the task to queue, the function that sends at once)
KINDS = {
    "overdue": (
        "overdue reviews",
        tasks.send_overdue_reminders,
        reminders.send_overdue_reminders,
    ),
    "actions": (
        "overdue actions",
        action_tasks.send_overdue_action_reminders,
        action_reminders.send_overdue_action_reminders,
    ),
    "minutes": (
        "late minutes",
        meeting_tasks.send_overdue_minutes_reminders,
        minutes_reminders.send_overdue_minutes_reminders,
    ),
}


class Command(BaseCommand):
    help = (
        "Send reminder e-mails. `remind overdue` e-mails everyone with an overdue MAPPA review, "
        "`remind actions` everyone with an overdue action, and `remind minutes` the chairs and "
        "co-ordinators of meetings whose minutes are not circulated in time, a count and a link (no case "
        "details). Run them weekly from cron or a systemd timer; they queue the work for "
        "`mappa db-worker`, or send at once with --now."
    )

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        for kind, (noun, _task, _send) in KINDS.items():
            sub = kinds.add_parser(kind, help=f"e-mail counts of {noun}")
            sub.add_argument(
                "--now",
                action="store_true",
                help="send in this process instead of queueing the task for the worker",
            )

    def handle(self, *args, kind: str, now: bool, **options):
        noun, queued, send = KINDS[kind]
        try:
            reminders.dashboard_link()  # refuse now rather than fail later in the worker
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if now:
            self.report(noun, send(actor=None, today=timezone.localdate()))
            return
        result = queued.enqueue()
        if result.status == TaskResultStatus.FAILED:
            raise CommandError(f"sending {noun} reminders failed:\n{result.errors[-1].traceback}")
        if result.status == TaskResultStatus.SUCCESSFUL:  # an immediate backend ran it here
            self.report(noun, result.return_value)
        else:
            self.stdout.write(f"{noun} reminders queued for the worker as task {result.id}")

    def report(self, noun: str, sent: dict) -> None:
        self.stdout.write(
            f"{noun} reminders sent: {sent['recipients']} recipients, {sent['items']} {noun}"
        )

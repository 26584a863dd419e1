from django.core.management.base import BaseCommand, CommandError

from mappa.audit.verification import verify_chain


class Command(BaseCommand):
    help = "Work with the audit log. `audit verify` checks its hash chain."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        actions.add_parser("verify", help="check every entry against the hash chain")

    def handle(self, *args, action: str, **options):
        if action == "verify":
            self.verify()

    def verify(self) -> None:
        count, broken = verify_chain()
        if broken is not None:
            raise CommandError(f"audit log broken at entry {broken.sequence}: {broken.reason}")
        self.stdout.write(f"audit log intact: {count} entries verified")

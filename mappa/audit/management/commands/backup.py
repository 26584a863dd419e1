from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mappa.audit import backups


class Command(BaseCommand):
    help = (
        "Copy the whole database to FILE so that the audit log still verifies after a restore: "
        "SQLite through its online backup API, PostgreSQL with pg_dump --format=custom. "
        "The backup is recorded in the audit log first, so the copy holds that entry too."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE", help="a new file to write")

    def handle(self, *args, file: Path, **options):
        try:
            event = backups.backup(actor=None, path=file)
        except backups.BackupError as error:
            raise CommandError(f"no backup made: {error}") from error
        self.stdout.write(
            f"backed up the {backups.ENGINES[event.payload['engine']]} database to {file}; "
            f"its audit log ends at entry {event.sequence}, which records this backup"
        )

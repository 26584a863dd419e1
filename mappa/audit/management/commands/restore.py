from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mappa.audit import backups


class Command(BaseCommand):
    help = (
        "Restore the database from a FILE written by `mappa backup`, then verify its audit log "
        "and record the restore in it. Refuses a database that already holds audit entries or "
        "users unless --replace is given. Stop the service first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE", help="a file from `mappa backup`")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace everything the database holds with the backup's contents",
        )

    def handle(self, *args, file: Path, replace: bool, **options):
        try:
            restored = backups.restore(actor=None, path=file, replace=replace)
        except backups.BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(
            f"restored the database from {file}: audit log intact, {restored.entries} entries "
            f"verified; the restore is recorded as entry {restored.recorded_as}"
        )

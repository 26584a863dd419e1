"""`mappa postcodes load <file>`: postcode locations from the ONS Postcode Directory CSV, used
to place addresses with a postcode but no latitude and longitude on the exclusion-zone map."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from mappa.agencies import permissions
from mappa.agencies.models import User
from mappa.risk import services


class Command(BaseCommand):
    help = (
        "Load postcode locations from the ONS Postcode Directory CSV (columns pcds, lat, long; "
        "docs/risk.md), replacing those loaded before. All or nothing."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        load = actions.add_parser("load", help="load the directory's CSV file")
        load.add_argument("file", type=Path, help="the ONSPD CSV file")
        load.add_argument(
            "--user", required=True, help="who loads it (a user who manages reference data)"
        )

    def handle(self, *args, action: str, file: Path, user: str, **options):
        actor = User.objects.filter(username=user, is_active=True).first()
        if actor is None:
            raise CommandError(f"no active user {user!r}")
        if not permissions.role_has(actor, permissions.MANAGE_REFERENCE_DATA):
            raise CommandError(f"{user} may not change reference data")
        if not file.is_file():
            raise CommandError(f"no file {file}")
        with file.open(encoding="utf-8-sig", newline="") as lines:
            try:
                count = services.load_postcodes(actor=actor, lines=lines, name=file.name)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Loaded {count} postcode locations from {file.name}.")

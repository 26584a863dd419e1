"""`mappa case-list publish|export`: the weekly MAPPA case list from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from mappa.agencies import permissions
from mappa.agencies.models import User
from mappa.safeguarding import queries
from mappa.safeguarding.services import case_lists


class Command(BaseCommand):
    help = (
        "Publish this week's MAPPA case list to the MASH (as a co-ordinator), or export the "
        "latest one as the MASH check's case-list CSV (as a named person; audited and marked)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        publish = actions.add_parser("publish", help="build and publish this week's list")
        publish.add_argument("--user", required=True, help="the co-ordinator publishing it")
        export = actions.add_parser("export", help="write the latest list as CSV")
        export.add_argument("--user", required=True, help="the named person exporting it")
        export.add_argument("--out", type=Path, help="file to write (default: standard output)")

    def _user(self, username: str) -> User:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"no active user {username!r}")
        return user

    def handle(self, *args, action: str, user: str, out: Path | None = None, **options):
        actor = self._user(user)
        if action == "publish":
            if not permissions.role_has(actor, permissions.PUBLISH_CASE_LIST):
                raise CommandError(f"{user} may not publish the case list")
            try:
                case_list = case_lists.publish_case_list(actor=actor)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            self.stdout.write(f"Published {case_list} with {case_list.entries.count()} people.")
            return
        if not queries.is_named_person(actor):
            raise CommandError(f"{user} is not a MASH named person of an area")
        case_list = queries.latest_case_list(actor)
        if case_list is None:
            raise CommandError("no case list has been published for the area")
        text = case_lists.export_case_list(actor=actor, case_list=case_list, via="command line")
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")

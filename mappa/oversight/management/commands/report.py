import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mappa.agencies.models import Area
from mappa.oversight.services import exports


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(
            f"--year-ending must be a date written YYYY-MM-DD, not {text!r}"
        ) from error


class Command(BaseCommand):
    # A report reads; Django's system checks (every URL, model and setting) are for the
    # commands that serve or change the database, and cost a second at every start.
    requires_system_checks = []
    help = (
        "Reports: `report annual --area CODE --year-ending YYYY-MM-DD [--format json|csv|pdf] "
        "[--out FILE]` writes the area's MAPPA annual statistics (shared/contracts/annual-report.md)."
    )

    def add_arguments(self, parser):
        reports = parser.add_subparsers(dest="report", required=True, metavar="REPORT")
        annual = reports.add_parser("annual", help="the annual statistics for 1 April to 31 March")
        annual.add_argument("--area", required=True, help="the area's code, e.g. DEMO")
        annual.add_argument(
            "--year-ending", required=True, help="the year's last day, e.g. 2026-03-31"
        )
        annual.add_argument("--format", choices=exports.FORMATS, default="json")
        annual.add_argument("--out", default="-", help="a file to write, or - for standard output")

    def handle(self, *args, report: str, area: str, year_ending: str, format: str, out: str, **_):
        found = Area.objects.filter(code=area).first()
        if found is None:
            raise CommandError(f"no configured area has the code {area!r}")
        document = exports.export_annual(
            actor=None, area=found, year_ending=_date(year_ending), format=format
        )
        if out != "-":
            Path(out).write_bytes(document)
        elif format == "pdf":
            sys.stdout.buffer.write(document)
            sys.stdout.flush()
        else:
            self.stdout.write(document.decode(), ending="")

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mappa.agencies.models import Area
from mappa.cases import services as cases
from mappa.people import services


class Command(BaseCommand):
    help = (
        "Export data: `export nominals --area CODE` (the nominal import format) or "
        "`export registrations --area CODE` (nDelius-coded MAPPA registrations, CSV)."
    )

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        nominals = kinds.add_parser("nominals", help="an area's register, in the import format")
        nominals.add_argument("--area", required=True, help="the area's code, e.g. DEMO")
        nominals.add_argument(
            "--out", default="-", help="a file to write, or - for standard output"
        )
        registrations = kinds.add_parser(
            "registrations", help="an area's open MAPPA cases as nDelius CSV"
        )
        registrations.add_argument("--area", required=True, help="the area's code, e.g. DEMO")
        registrations.add_argument(
            "--out", default="-", help="a file to write, or - for standard output"
        )

    def handle(self, *args, kind: str, area: str, out: str, **options):
        found = Area.objects.filter(code=area).first()
        if found is None:
            raise CommandError(f"no configured area has the code {area!r}")
        if kind == "registrations":
            return self._registrations(found, out)
        stream = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
        try:
            count = services.export_nominals(actor=None, area=found, stream=stream)
        finally:
            if stream is not sys.stdout:
                stream.close()
        self.stderr.write(f"{count} nominals exported from {area}")

    def _registrations(self, area, out: str) -> None:
        text, count = cases.export_registrations(actor=None, area=area)
        if out == "-":
            self.stdout.write(text, ending="")
        else:
            Path(out).write_text(text, encoding="utf-8")
        self.stderr.write(f"{count} registrations exported from {area.code}")

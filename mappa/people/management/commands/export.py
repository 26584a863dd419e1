import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mappa.agencies.models import Area
from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.cases import services as cases
from mappa.people import records
from mappa.people.models import Nominal


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
        nominals = records.exportable(Nominal.objects.filter(area=found).order_by("surname", "id"))
        stream = sys.stdout if out == "-" else open(out, "w", encoding="utf-8")  # noqa: SIM115
        count = 0
        with transaction.atomic():
            try:
                for nominal in nominals.iterator(chunk_size=1000):
                    stream.write(records.to_record(nominal).to_json() + "\n")
                    count += 1
            finally:
                if stream is not sys.stdout:
                    stream.close()
            audit.record(
                actor=None,
                event_type=EventType.NOMINALS_EXPORTED,
                payload={"area": area, "count": count},
                area=found,
            )
        self.stderr.write(f"{count} nominals exported from {area}")

    def _registrations(self, area, out: str) -> None:
        with transaction.atomic():
            text = cases.export_registrations(area=area)
            count = text.count("\n") - 1
            audit.record(
                actor=None,
                event_type=EventType.REGISTRATIONS_EXPORTED,
                payload={"area": area.code, "count": count},
                area=area,
            )
        if out == "-":
            self.stdout.write(text, ending="")
        else:
            Path(out).write_text(text, encoding="utf-8")
        self.stderr.write(f"{count} registrations exported from {area.code}")

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from mappa.people import services
from mappa.people.services import registrations_import


class Command(BaseCommand):
    help = (
        "Import data: `import nominals FILE` (the nominal import format) or "
        "`import registrations FILE` (nDelius-coded MAPPA registrations, CSV); `-` reads standard input."
    )
    # The system checks (seconds at start-up, for every project module) are for deploying and
    # serving (`mappa check --deploy`, `mappa serve`); a data load does not need them each time.
    requires_system_checks = []

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
        nominals = kinds.add_parser("nominals", help="nominals in JSON Lines (all-or-nothing)")
        nominals.add_argument("file", help="a JSON Lines file, or - for standard input")
        registrations = kinds.add_parser(
            "registrations", help="nDelius MAPP registrations in CSV (all-or-nothing)"
        )
        registrations.add_argument("file", help="a CSV file, or - for standard input")

    def handle(self, *args, kind: str, file: str, **options):
        path = self._readable(file)
        try:
            if kind == "registrations":
                self._import_registrations(path, file)
            else:
                self._import(path, file)
        except UnicodeDecodeError as error:
            raise CommandError(f"{file}: not UTF-8 text (byte {error.start})") from None
        finally:
            if file == "-":
                path.unlink(missing_ok=True)

    def _import(self, path: Path, file: str) -> None:
        total = sum(1 for line in path.open(encoding="utf-8") if line.strip())
        with tqdm(
            total=total, unit="nominal", disable=not sys.stderr.isatty(), file=sys.stderr
        ) as bar:
            try:
                result = services.import_nominals(
                    actor=None,
                    open_lines=lambda: path.open(encoding="utf-8"),
                    source=file if file != "-" else "standard input",
                    progress=bar.update,
                )
            except services.ImportRejected as rejected:
                for problem in rejected.problems:
                    self.stderr.write(problem)
                raise CommandError(
                    f"nothing was imported: {len(rejected.problems)} problem(s)"
                ) from None
        self.stdout.write(
            f"{result.created} nominals created, {result.updated} updated, {result.unchanged} unchanged"
        )
        for line in result.pdp_left:
            self.stdout.write(line)

    def _import_registrations(self, path: Path, file: str) -> None:
        source = file if file != "-" else "standard input"
        try:
            counts = registrations_import.import_registrations(
                actor=None, text=path.read_text(encoding="utf-8"), source=source
            )
        except registrations_import.RegistrationsRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"nothing was imported: {len(rejected.problems)} problem(s)"
            ) from None
        self.stdout.write(
            f"{counts['created']} cases created, {counts['updated']} updated, {counts['unchanged']} unchanged"
        )

    def _readable(self, file: str) -> Path:
        if file == "-":
            return _spool_stdin()
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        return path


def _spool_stdin() -> Path:
    """Standard input is read twice (counted for the progress bar, then imported), so keep a
    copy in a temporary file."""
    import tempfile

    spool = tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".jsonl", delete=False)
    with spool:
        for line in sys.stdin:
            spool.write(line)
    return Path(spool.name)

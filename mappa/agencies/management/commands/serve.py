"""`mappa serve`: the web service under gunicorn, with the static files it needs collected.

In the production posture every page names its stylesheets, scripts and icons through
WhiteNoise's manifest (`CompressedManifestStaticFilesStorage`), and a page naming a file the
manifest lacks is a 500. So before starting, `serve` compares STATIC_ROOT's manifest with the
files the static finders see, and runs `collectstatic` when the manifest is missing or out of
date (docs/operations.md, "Production start-up"). If that fails, say because STATIC_ROOT is
read-only, it stops with an error saying what to do rather than serve error pages.
"""

import sys
from pathlib import Path

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# collectstatic's default ignore patterns, so both see the same files.
IGNORED = ["CVS", ".*", "*~"]


def static_files_out_of_date() -> str | None:
    """Why the collected static files are not the ones the pages need; None if they are,
    or if this posture serves them from where they are (development and tests)."""
    storage = staticfiles_storage
    if not isinstance(storage, ManifestFilesMixin):
        return None
    manifest = Path(storage.path(storage.manifest_name))
    if not manifest.exists():
        return f"there is no manifest at {manifest}"
    collected, _ = storage.load_manifest()
    collected_at = manifest.stat().st_mtime
    for finder in finders.get_finders():
        for path, source in finder.list(IGNORED):
            name = f"{source.prefix}/{path}" if getattr(source, "prefix", None) else path
            if name not in collected:
                return f"{name} has not been collected"
            if Path(source.path(path)).stat().st_mtime > collected_at:
                return f"{name} has changed since it was collected"
    return None


def collect_static_if_needed(stdout) -> None:
    try:
        reason = static_files_out_of_date()
        if reason is None:
            return
        stdout.write(f"Collecting static files: {reason}")
        call_command("collectstatic", interactive=False, verbosity=0)
    except (OSError, ValueError) as error:
        raise CommandError(
            f"The static files the pages need could not be collected: {error}. Run "
            "`mappa collectstatic --no-input` as a user who can write to STATIC_ROOT "
            "(MAPPA_STATIC_ROOT), then start the service again."
        ) from error


class Command(BaseCommand):
    help = (
        "Run the web service with gunicorn on 127.0.0.1 (or --host), "
        "collecting the static files first if they are missing or out of date."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--workers", type=int, default=2)
        # Threads per worker. Pages are CPU-bound Python, so under saturation more
        # threads mostly contend for the GIL: see docs/benchmarks.md.
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args, port: int, host: str, workers: int, threads: int, **options):
        from gunicorn.app.wsgiapp import WSGIApplication

        collect_static_if_needed(self.stdout)
        self.stdout.write(f"mappa is serving on http://{host}:{port}/")
        argv = [
            "mappa",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            "-",
            "mappa.wsgi:application",
        ]
        sys.argv = argv
        WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()

import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web service with gunicorn on 127.0.0.1 (or --bind)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--workers", type=int, default=2)
        # Threads per worker. Pages are CPU-bound Python, so under saturation more
        # threads mostly contend for the GIL: see docs/benchmarks.md.
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args, port: int, host: str, workers: int, threads: int, **options):
        from gunicorn.app.wsgiapp import WSGIApplication

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

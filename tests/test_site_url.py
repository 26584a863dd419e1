"""E-mail links follow the port the service runs on (issue 16 item 14): `make run PORT=…`
serves on that port, and outside production `MAPPA_SITE_URL` defaults to it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = "from django.conf import settings; print(settings.MAPPA_SITE_URL)"


def site_url(**env: str) -> str:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("MAPPA_") and key != "PORT"
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "mappa.settings", "MAPPA_ENV": "development"} | env
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8123"}, "http://127.0.0.1:8123"),
        ({"PORT": "8123", "MAPPA_SITE_URL": "https://mappa.example"}, "https://mappa.example"),
    ],
)
def test_the_site_url_outside_production_follows_the_port(env, expected):
    assert site_url(**env) == expected


@pytest.mark.parametrize(("given", "expected"), [((), "8000"), (("PORT=8123",), "8123")])
def test_make_gives_its_commands_the_port_it_serves_on(tmp_path, given, expected):
    probe = tmp_path / "probe.mk"
    probe.write_text("probe-port:\n\t@printenv PORT\n")
    environment = {key: value for key, value in os.environ.items() if key != "PORT"}
    result = subprocess.run(
        ["make", "-s", "-f", "Makefile", "-f", str(probe), "probe-port", *given],
        env=environment,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.stdout.strip() == expected, result.stderr
    # The server is started on the same port.
    dry_run = subprocess.run(
        ["make", "-n", "run", *given], env=environment, capture_output=True, text=True, cwd=ROOT
    )
    assert f"serve --port {expected}" in dry_run.stdout

"""`mappa serve` in the production posture collects the static files the pages need, when
they are missing or out of date, before it starts; so the first page is a page, not a 500."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management.base import CommandError

from mappa.agencies.management.commands import serve

ROOT = Path(__file__).resolve().parents[3]
MANIFEST = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"


@pytest.fixture
def manifest_posture(settings, tmp_path):
    """Production's manifest storage over one small folder of static files."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "site.css").write_text("body { color: black; }\n")
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST}}
    return source


def test_it_collects_when_there_is_no_manifest(manifest_posture, settings):
    assert "there is no manifest" in serve.static_files_out_of_date()
    out = StringIO()
    serve.collect_static_if_needed(out)
    assert "Collecting static files: there is no manifest" in out.getvalue()
    assert (Path(settings.STATIC_ROOT) / "staticfiles.json").exists()
    assert serve.static_files_out_of_date() is None


def test_a_file_not_yet_collected_makes_the_manifest_out_of_date(manifest_posture):
    serve.collect_static_if_needed(StringIO())
    (manifest_posture / "new.js").write_text("// new\n")
    assert serve.static_files_out_of_date() == "new.js has not been collected"


def test_a_file_changed_since_collecting_makes_the_manifest_out_of_date(manifest_posture, settings):
    serve.collect_static_if_needed(StringIO())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    earlier = time.time() - 60
    os.utime(manifest, (earlier, earlier))
    assert serve.static_files_out_of_date() == "site.css has changed since it was collected"
    serve.collect_static_if_needed(StringIO())
    assert serve.static_files_out_of_date() is None


def test_nothing_is_collected_where_the_files_are_served_as_they_are(settings):
    assert "Manifest" not in settings.STORAGES["staticfiles"]["BACKEND"]
    assert serve.static_files_out_of_date() is None


def test_it_stops_with_a_clear_error_when_it_cannot_collect(manifest_posture):
    (manifest_posture / "site.css").write_text('body { background: url("missing.png"); }\n')
    with pytest.raises(CommandError, match="missing.png.*mappa collectstatic --no-input"):
        serve.collect_static_if_needed(StringIO())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, bytes, str]:
    """The status, body and Cache-Control header of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get("Cache-Control", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Cache-Control", "")


def test_the_real_server_in_production_posture_serves_pages_not_500s(tmp_path):
    key = tmp_path / "audit.key"
    key.write_text("k" * 48)
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "DEBUG", "MAPPA_DEMO", "DJANGO_SETTINGS_MODULE"}
    } | {
        "MAPPA_ENV": "production",
        "SECRET_KEY": "production-posture-test-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "MAPPA_HTTPS": "0",
        "MAPPA_AUDIT_KEY_FILE": str(key),
        "MAPPA_STATIC_ROOT": str(tmp_path / "static"),
        "MAPPA_SQLITE_PATH": str(tmp_path / "db.sqlite3"),
    }
    port = _free_port()
    command = [sys.executable, "-m", "mappa.cli", "serve", "--port", str(port), "--workers", "1"]
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 300
        status = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, page, caching = _get(f"http://127.0.0.1:{port}/sign-in/")
                break
            except OSError:
                time.sleep(1)
        assert status == 200, server.stdout.read1().decode() if server.poll() else status
        stylesheet = next(
            part.split('"')[0]
            for part in page.decode().split('href="')[1:]
            if part.split('"')[0].endswith(".css")
        )
        assert stylesheet.startswith("/static/")
        assert caching == "no-store"
        status, _, caching = _get(f"http://127.0.0.1:{port}{stylesheet}")
        assert status == 200
        assert "immutable" in caching and "no-store" not in caching
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = server.stdout.read().decode()
    assert "Collecting static files: there is no manifest" in output

"""The audit key is held outside the database and required in production (docs/operations.md)."""

import json
import os
import subprocess
import sys

from mappa.audit import rules

PROBE = """
import json
import django
from django.conf import settings
django.setup()
from mappa.audit import keys
print(json.dumps({"current": keys.current_id(), "known": sorted(keys.keyring())}))
"""

PRODUCTION = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "mappa.example.gov.uk"}


def probe(**env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MAPPA_", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"))
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "mappa.settings"} | env
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True
    )


def key_file(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text + "\n")
    return str(path)


def test_production_refuses_to_start_without_an_audit_key():
    result = probe(**PRODUCTION)
    assert result.returncode != 0
    assert "MAPPA_AUDIT_KEY_FILE must be set in production" in result.stderr


def test_production_reads_the_audit_key_from_its_file(tmp_path):
    path = key_file(tmp_path, "audit.key", "a" * 64)
    result = probe(**PRODUCTION, MAPPA_AUDIT_KEY_FILE=path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["current"] == rules.key_id(b"a" * 64)


def test_an_unreadable_audit_key_file_is_refused_naming_it(tmp_path):
    missing = str(tmp_path / "nowhere.key")
    result = probe(**PRODUCTION, MAPPA_AUDIT_KEY_FILE=missing)
    assert result.returncode != 0
    assert f"MAPPA_AUDIT_KEY_FILE: cannot read {missing}" in result.stderr


def test_a_short_audit_key_is_refused(tmp_path):
    path = key_file(tmp_path, "audit.key", "too short")
    result = probe(**PRODUCTION, MAPPA_AUDIT_KEY_FILE=path)
    assert result.returncode != 0
    assert f"MAPPA_AUDIT_KEY_FILE: the key in {path} is shorter than 32 characters" in result.stderr


def test_old_keys_stay_known_so_entries_sealed_with_them_still_verify(tmp_path):
    current = key_file(tmp_path, "new.key", "n" * 64)
    old = [key_file(tmp_path, "old1.key", "o" * 64), key_file(tmp_path, "old2.key", "p" * 64)]
    result = probe(
        **PRODUCTION, MAPPA_AUDIT_KEY_FILE=current, MAPPA_AUDIT_OLD_KEY_FILES=",".join(old)
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["known"] == sorted(
        rules.key_id(key) for key in (b"n" * 64, b"o" * 64, b"p" * 64)
    )


def test_development_uses_the_fixed_development_key_unless_one_is_given():
    result = probe(MAPPA_ENV="development")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["current"] == rules.key_id(
        b"mappa development and test audit key: not a secret"
    )

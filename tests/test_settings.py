"""Secure defaults: production settings fail closed (shared/design.md, security model)."""

import json
import os
import subprocess
import sys

PROBE = """
import json
from django.conf import settings
import django
django.setup()
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "X_FRAME_OPTIONS": settings.X_FRAME_OPTIONS,
    "PASSWORD_HASHER": settings.PASSWORD_HASHERS[0],
    "SESSION_COOKIE_AGE": settings.SESSION_COOKIE_AGE,
    "IDLE_TIMEOUT": "mappa.agencies.middleware.IdleTimeoutMiddleware" in settings.MIDDLEWARE,
    "AXES_FAILURE_LIMIT": settings.AXES_FAILURE_LIMIT,
    "AXES_COOLOFF_MINUTES": settings.AXES_COOLOFF_TIME.total_seconds() / 60,
    "MAPPA_DEMO": settings.MAPPA_DEMO,
}))
"""


def probe(**env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MAPPA_", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"))
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "mappa.settings"} | env
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = probe(ALLOWED_HOSTS="mappa.example.gov.uk")
    assert result.returncode != 0
    assert "SECRET_KEY (or SECRET_KEY_FILE) must be set in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = probe(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set in production" in result.stderr


def audit_key_file(tmp_path) -> str:
    """Production also needs the audit log's key (mappa/audit/tests/test_key_settings.py)."""
    path = tmp_path / "audit.key"
    path.write_text("k" * 64 + "\n")
    return str(path)


def test_production_defaults_are_secure(tmp_path):
    result = probe(
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="mappa.example.gov.uk",
        MAPPA_AUDIT_KEY_FILE=audit_key_file(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 63072000,
        "SECURE_SSL_REDIRECT": True,
        "X_FRAME_OPTIONS": "DENY",
        "PASSWORD_HASHER": "django.contrib.auth.hashers.Argon2PasswordHasher",
        "SESSION_COOKIE_AGE": 1800,
        "IDLE_TIMEOUT": True,
        "AXES_FAILURE_LIMIT": 5,
        "AXES_COOLOFF_MINUTES": 15.0,
        "MAPPA_DEMO": False,
    }


def test_a_malformed_boolean_setting_is_refused_by_name():
    result = probe(MAPPA_ENV="development", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'perhaps'" in result.stderr


def test_the_secret_key_can_be_read_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("y" * 50 + "\n")
    result = probe(
        SECRET_KEY_FILE=str(secret),
        ALLOWED_HOSTS="mappa.example.gov.uk",
        MAPPA_AUDIT_KEY_FILE=audit_key_file(tmp_path),
    )
    assert result.returncode == 0, result.stderr

"""Settings for mappa, read from the environment and secure by default.

MAPPA_ENV chooses the posture: "production" (the default) fails closed;
"development" and "test" relax only what plain-HTTP local use needs
(`environment.py`). Every guidance value that may be revised is a setting with
its source noted, in `practice.py`.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from mappa.settings.environment import (
    BASE_DIR,
    LOCAL,
    MAPPA_ENV,
    env_bool,
    env_int,
    env_list,
    env_secret,
)
from mappa.settings.practice import *  # noqa: F403 (each MAPPA_ practice setting)

DEBUG = env_bool("DEBUG", False)
MAPPA_DEMO = env_bool("MAPPA_DEMO", False)

SECRET_KEY = env_secret("SECRET_KEY")
if not SECRET_KEY:
    if not LOCAL:
        raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) must be set in production")
    SECRET_KEY = secrets.token_urlsafe(50)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if LOCAL else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])


def read_audit_key(name: str, path: str) -> bytes:
    try:
        key = Path(path).read_text().strip()
    except OSError as error:
        raise ImproperlyConfigured(f"{name}: cannot read {path}: {error.strerror}") from error
    if len(key) < 32:
        raise ImproperlyConfigured(f"{name}: the key in {path} is shorter than 32 characters")
    return key.encode()


# The audit log's HMAC key, held in a file outside the database so that someone who can write to
# the database cannot recompute the chain (docs/operations.md, "The audit key"). Required in
# production. Development and tests use the fixed key below, which is not a secret. Keys replaced
# in a rotation stay listed in MAPPA_AUDIT_OLD_KEY_FILES so the entries they sealed still verify.
MAPPA_AUDIT_DEVELOPMENT_KEY = b"mappa development and test audit key: not a secret"
if audit_key_file := os.environ.get("MAPPA_AUDIT_KEY_FILE"):
    MAPPA_AUDIT_KEY = read_audit_key("MAPPA_AUDIT_KEY_FILE", audit_key_file)
elif LOCAL:
    MAPPA_AUDIT_KEY = MAPPA_AUDIT_DEVELOPMENT_KEY
else:
    raise ImproperlyConfigured(
        "MAPPA_AUDIT_KEY_FILE must be set in production (docs/operations.md, The audit key)"
    )
MAPPA_AUDIT_OLD_KEYS = [
    read_audit_key("MAPPA_AUDIT_OLD_KEY_FILES", path)
    for path in env_list("MAPPA_AUDIT_OLD_KEY_FILES", [])
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "crispy_forms",
    "crispy_forms_gds",
    "rest_framework",
    "drf_spectacular",
    "mappa.audit",
    "mappa.agencies",
    "mappa.people",
    "mappa.offences",
    "mappa.cases",
    "mappa.referrals",
    "mappa.risk",
    "mappa.meetings",
    "mappa.actions",
    "mappa.marac",
    "mappa.disclosures",
    "mappa.safeguarding",
    "mappa.custody",
    "mappa.whereabouts",
    "mappa.information_requests",
    "mappa.oversight",
    "mappa.public",
    "mappa.desk",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "mappa.agencies.middleware.NoStoreMiddleware",
    "mappa.audit.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mappa.agencies.middleware.IdleTimeoutMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "mappa.errors.MethodNotAllowedPage",
]

ROOT_URLCONF = "mappa.urls"
WSGI_APPLICATION = "mappa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "mappa" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "mappa.agencies.context_processors.service",
            ],
            "string_if_invalid": "",
        },
    }
]

# Databases: SQLite (WAL, immediate transactions so the audit chain is
# serialised) unless DATABASE_URL names another database.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("MAPPA_SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "agencies.User"
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "dashboard"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "mappa.agencies.backends.UserWithAgencyBackend",
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
# NCSC password guidance: length over complexity, deny common passwords,
# no forced composition rules. https://www.ncsc.gov.uk/collection/passwords
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("MAPPA_PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Lockout: 5 failed attempts lock the account for 15 minutes.
AXES_FAILURE_LIMIT = env_int("MAPPA_LOCKOUT_ATTEMPTS", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("MAPPA_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "mappa.agencies.views.signin.locked_out"
AXES_VERBOSE = False

# Sessions expire after 30 idle minutes: activity renews the expiry (IdleTimeoutMiddleware).
SESSION_COOKIE_AGE = env_int("MAPPA_SESSION_IDLE_MINUTES", 30) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Transport security. Local development runs over plain HTTP on loopback.
SECURE_HTTPS = env_bool("MAPPA_HTTPS", not LOCAL)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = SECURE_HTTPS and env_bool("MAPPA_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 63072000 if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("MAPPA_BEHIND_PROXY") else None
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # The map's tiles, when an area names a tile server (MAPPA_MAP_TILES_URL).
        "img-src": [SELF, "data:", *MAPPA_MAP_TILE_ORIGINS],  # noqa: F405
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Where `mappa collectstatic` (and `mappa serve`, when they are missing) puts the static files.
STATIC_ROOT = Path(os.environ.get("MAPPA_STATIC_ROOT") or BASE_DIR / "staticfiles")
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("govuk", NODE_MODULES / "govuk-frontend" / "dist" / "govuk"),
    ("moj", NODE_MODULES / "@ministryofjustice" / "frontend" / "moj"),
    ("autocomplete", NODE_MODULES / "accessible-autocomplete" / "dist"),
    ("leaflet", NODE_MODULES / "leaflet" / "dist"),
    ("leaflet-draw", NODE_MODULES / "leaflet-draw" / "dist"),
    BASE_DIR / "mappa" / "static",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if LOCAL
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = LOCAL
# GOV.UK Frontend's compiled stylesheet loads its fonts and images from /assets/.
WHITENOISE_ROOT = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"
MOJ_FRONTEND_IMAGES = NODE_MODULES / "@ministryofjustice" / "frontend" / "moj" / "assets" / "images"

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "mappa.agencies.authentication.ApiTokenAuthentication",
        "mappa.agencies.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["mappa.agencies.permissions.HasDeclaredPermission"],
    "DEFAULT_SCHEMA_CLASS": "mappa.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "mappa.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "mappa API",
    "DESCRIPTION": "Multi-Agency Public Protection Arrangements: the JSON API. "
    "Authenticate with `Authorization: Token <token>`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MAPPA_LOG_LEVEL", "WARNING")},
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if LOCAL
    else "django.core.mail.backends.smtp.EmailBackend",
)

# E-mail. Production sends through SMTP (EMAIL_HOST and friends, read here from the environment);
# development prints messages to the console and tests keep them in memory.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("MAPPA_FROM_EMAIL", "mappa-no-reply@localhost")
# The address staff reach the service at, for links in e-mails (no trailing slash). Reminder
# e-mails are refused until it is set in production. Outside production it follows `PORT`, the
# port `make run` serves on (Makefile), so a link in an e-mail opens the running service.
MAPPA_SITE_URL = os.environ.get(
    "MAPPA_SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT') or 8000}" if LOCAL else ""
)

# Background work (django-tasks). Production stores tasks in the database (django-tasks-db) for
# `mappa db-worker` to run; development and tests run a task at once in the process that
# enqueues it. MAPPA_TASK_BACKEND=database or immediate overrides the choice.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
MAPPA_TASK_BACKEND = os.environ.get("MAPPA_TASK_BACKEND", "immediate" if LOCAL else "database")
if MAPPA_TASK_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"MAPPA_TASK_BACKEND must be database or immediate, not {MAPPA_TASK_BACKEND!r}"
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[MAPPA_TASK_BACKEND], "QUEUES": ["default"]}}

# The public site (docs/public-site.md). Applications accepted from one address in a minute;
# more are refused politely. Counted in the "ratelimit" cache: the database (shared by every
# server process; its table is made by `mappa migrate`) unless MAPPA_RATELIMIT_CACHE=memory.
MAPPA_PUBLIC_APPLICATIONS_PER_MINUTE = env_int("MAPPA_PUBLIC_APPLICATIONS_PER_MINUTE", 3)
# Where "Exit this page" goes: the GOV.UK Design System's own example, a neutral page.
MAPPA_EXIT_PAGE_URL = os.environ.get("MAPPA_EXIT_PAGE_URL", "https://www.bbc.co.uk/weather")
MAPPA_RATELIMIT_CACHE = os.environ.get(
    "MAPPA_RATELIMIT_CACHE", "memory" if MAPPA_ENV == "test" else "database"
)
RATELIMIT_CACHES = {
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "mappa_ratelimit_cache",
    },
    "memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"},
}
if MAPPA_RATELIMIT_CACHE not in RATELIMIT_CACHES:
    raise ImproperlyConfigured(
        f"MAPPA_RATELIMIT_CACHE must be database or memory, not {MAPPA_RATELIMIT_CACHE!r}"
    )
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": RATELIMIT_CACHES[MAPPA_RATELIMIT_CACHE],
}
RATELIMIT_USE_CACHE = "ratelimit"
# The request header (as Django names it, e.g. HTTP_X_REAL_IP) holding the client's address
# when a reverse proxy sits in front; otherwise the connection's address is used.
RATELIMIT_IP_META_KEY = os.environ.get("MAPPA_CLIENT_ADDRESS_HEADER") or None

MAPPA_PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"
MAPPA_SERVICE_NAME = "Manage MAPPA cases"

if MAPPA_ENV == "test":
    STATIC_ROOT = None  # tests serve assets through the finders; nothing is collected
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"], "QUEUES": ["default"]}}
CSRF_FAILURE_VIEW = "mappa.errors.csrf_failure"

# The lockout is per account, as the service's sign-in rules require. Staff
# reach the service through shared force and agency networks, so locking by
# IP address would lock out whole offices; throttle by address at the edge.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

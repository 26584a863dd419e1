"""Settings for mappa, read from the environment and secure by default.

MAPPA_ENV chooses the posture: "production" (the default) fails closed;
"development" and "test" relax only what plain-HTTP local use needs.
Every guidance value that may be revised is a setting with its source noted.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str) -> str | None:
    """Read NAME, or the contents of the file named by NAME_FILE."""
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text().strip()
    return os.environ.get(name) or None


MAPPA_ENV = os.environ.get("MAPPA_ENV", "production")
if MAPPA_ENV not in {"production", "development", "test"}:
    raise ImproperlyConfigured(
        f"MAPPA_ENV must be production, development or test, not {MAPPA_ENV!r}"
    )
LOCAL = MAPPA_ENV in {"development", "test"}

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
    "mappa.oversight",
    "mappa.public",
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
        "img-src": [SELF, "data:"],
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

# Review intervals by level, in weeks: the longest a case may go between reviews. Level 2:
# 16 weeks and level 3: 8 weeks are the widely used MAPPA Guidance figures (shared/reference/
# domain.md §0 and §10.2, marked unverified there); level 1 is the area's choice (default 16).
MAPPA_REVIEW_INTERVAL_WEEKS = {
    1: env_int("MAPPA_REVIEW_WEEKS_LEVEL_1", 16),
    2: env_int("MAPPA_REVIEW_WEEKS_LEVEL_2", 16),
    3: env_int("MAPPA_REVIEW_WEEKS_LEVEL_3", 8),
}
# Warn the co-ordinator this many weeks before a case's eligibility ends.
MAPPA_ELIGIBILITY_WARNING_WEEKS = env_int("MAPPA_ELIGIBILITY_WARNING_WEEKS", 8)
# A referral for someone in custody warns when release is less than this many months away:
# MAPPA Guidance ch.15 expects custody cases referred at least 6 months before release.
MAPPA_REFERRAL_RELEASE_WARNING_MONTHS = env_int("MAPPA_REFERRAL_RELEASE_WARNING_MONTHS", 6)
# The area's own service standard for screening referrals (the guidance sets none): a referral
# waiting this many days shows amber, then red.
MAPPA_SCREENING_AMBER_DAYS = env_int("MAPPA_SCREENING_AMBER_DAYS", 5)
MAPPA_SCREENING_RED_DAYS = env_int("MAPPA_SCREENING_RED_DAYS", 10)
# Meetings. Chairs by level (seed 002, shared/reference/domain.md "Chairs"): level 2 a police
# Detective Inspector with a Senior Probation Officer; level 3 a Detective Chief Inspector with a
# probation Head of Cluster. A new meeting starts with these agencies and ranks; names are added.
MAPPA_MEETING_CHAIRS = {
    2: {
        "chair": ("Police", "Detective Inspector"),
        "co_chair": ("Probation", "Senior Probation Officer"),
    },
    3: {
        "chair": ("Police", "Detective Chief Inspector"),
        "co_chair": ("Probation", "Head of Cluster"),
    },
}
# Minutes per case on an agenda, by kind of item (local practice; the guidance asks only that
# time is allocated by importance, MAPPA L audit form). A first meeting needs the most time.
MAPPA_MEETING_SLOT_MINUTES = {
    "initial": env_int("MAPPA_MEETING_SLOT_MINUTES_INITIAL", 45),
    "review": env_int("MAPPA_MEETING_SLOT_MINUTES_REVIEW", 30),
    "urgent": env_int("MAPPA_MEETING_SLOT_MINUTES_URGENT", 30),
}
# A duty-to-co-operate invitee's access to a case ends this many days after the end of the
# meeting day: long enough to receive and read minutes circulated within the local standard of
# 10 working days (domain.md §2.3, unverified figure). A local choice; set per area.
MAPPA_MEETING_ACCESS_DAYS = env_int("MAPPA_MEETING_ACCESS_DAYS", 14)
# How many meetings of a series "Schedule meetings" adds at a time.
MAPPA_MEETINGS_SCHEDULED_AHEAD = env_int("MAPPA_MEETINGS_SCHEDULED_AHEAD", 8)
# Minutes are circulated within this many working days of the meeting (Monday to Friday, England
# and Wales bank holidays excluded): MAPPA Guidance ch.13b.1 asks for "timely" distribution; 10
# working days is the local standard usually quoted (domain.md §2.3 and §10.2, unverified).
# `mappa remind minutes` e-mails the chair and co-ordinator once it has passed.
MAPPA_MINUTES_CIRCULATION_WORKING_DAYS = env_int("MAPPA_MINUTES_CIRCULATION_WORKING_DAYS", 10)
# An open action due within this many days shows amber on the actions dashboard (local practice).
MAPPA_ACTION_DUE_SOON_DAYS = env_int("MAPPA_ACTION_DUE_SOON_DAYS", 7)
# MASH link (docs/mash.md). Seed 001: two named persons per area (the MASH manager and the
# advanced practitioner) receive the case list, "to ensure continuity if one person is off".
MAPPA_MASH_NAMED_PERSONS_PER_AREA = env_int("MAPPA_MASH_NAMED_PERSONS_PER_AREA", 2)
# The weekly case list covers the area's meetings from today up to this many days ahead (seed
# 001: the list goes weekly, and meetings are weekly).
MAPPA_MASH_CASE_LIST_DAYS = env_int("MAPPA_MASH_CASE_LIST_DAYS", 7)
# The lowest match probability put to the named person (the MASH check contract's default).
MAPPA_MASH_MATCH_THRESHOLD = float(os.environ.get("MAPPA_MASH_MATCH_THRESHOLD", "0.5"))
# Where an uploaded social-care extract waits for the matching task; deleted when it ends.
MAPPA_MASH_UPLOAD_DIR = Path(
    os.environ.get("MAPPA_MASH_UPLOAD_DIR", str(BASE_DIR / "var" / "mash"))
)
# DuckDB's memory limit for a matching run (2 cores and 24 GiB machines: well within).
MAPPA_MASH_MEMORY_LIMIT = os.environ.get("MAPPA_MASH_MEMORY_LIMIT", "3GB")

# MARAC and DASH (shared/reference/domain.md §7.2, §7.3, §10.2). SafeLives' MARAC referral
# criteria: visible high risk is 14 or more "yes" answers of the Dash risk checklist's 24;
# potential escalation is 3 or more police call-outs in 12 months (areas differ, e.g. West
# Midlands counts call-outs, Kingston "5+ incidents or 3+ crimes"); a repeat is a further
# incident within 12 months of the last MARAC referral. Professional judgement has no threshold.
MAPPA_MARAC_VISIBLE_HIGH_RISK_YES = env_int("MAPPA_MARAC_VISIBLE_HIGH_RISK_YES", 14)
MAPPA_MARAC_ESCALATION_CALLOUTS = env_int("MAPPA_MARAC_ESCALATION_CALLOUTS", 3)
MAPPA_MARAC_ESCALATION_MONTHS = env_int("MAPPA_MARAC_ESCALATION_MONTHS", 12)
MAPPA_MARAC_REPEAT_MONTHS = env_int("MAPPA_MARAC_REPEAT_MONTHS", 12)
# Below high risk, the locally used band (Plymouth): 10-13 "yes" answers medium, 1-9 standard.
MAPPA_MARAC_MEDIUM_RISK_YES = env_int("MAPPA_MARAC_MEDIUM_RISK_YES", 10)
# How often MARAC meets is local, commonly fortnightly or monthly (domain.md §7.3; a national
# frequency is unverified): weekly, fortnightly or monthly.
MAPPA_MARAC_MEETING_FREQUENCY = os.environ.get("MAPPA_MARAC_MEETING_FREQUENCY") or "fortnightly"
if MAPPA_MARAC_MEETING_FREQUENCY not in {"weekly", "fortnightly", "monthly"}:
    raise ImproperlyConfigured(
        "MAPPA_MARAC_MEETING_FREQUENCY must be weekly, fortnightly or monthly, "
        f"not {MAPPA_MARAC_MEETING_FREQUENCY!r}"
    )
MAPPA_MARAC_MEETINGS_SCHEDULED_AHEAD = env_int("MAPPA_MARAC_MEETINGS_SCHEDULED_AHEAD", 6)
# Agencies return their research on a case this many days before its meeting (local MARAC
# protocols set it; no national figure is confirmed).
MAPPA_MARAC_RESEARCH_DAYS_BEFORE = env_int("MAPPA_MARAC_RESEARCH_DAYS_BEFORE", 2)

# E-mail. Production sends through SMTP (EMAIL_HOST and friends, read here from the environment);
# development prints messages to the console and tests keep them in memory.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("MAPPA_FROM_EMAIL", "mappa-no-reply@localhost")
# The address staff reach the service at, for links in e-mails (no trailing slash). Reminder
# e-mails are refused until it is set in production.
MAPPA_SITE_URL = os.environ.get("MAPPA_SITE_URL", "http://127.0.0.1:8000" if LOCAL else "")

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

# The dashboards' look-ahead for reviews: a review due within this many weeks is "due soon"
# (amber). Four weeks gives a co-ordinator time to list a level 2 or 3 case for a meeting
# (local practice; MAPPA Guidance sets the intervals, not the notice).
MAPPA_REVIEW_DUE_SOON_WEEKS = env_int("MAPPA_REVIEW_DUE_SOON_WEEKS", 4)
# Dashboard case tables show at most this many rows (soonest review first) with the total beside
# them: an area's register runs to thousands of cases, and the filter narrows the list.
MAPPA_DASHBOARD_ROWS = env_int("MAPPA_DASHBOARD_ROWS", 100)

# Disclosure schemes (docs/disclosures.md). Target days for the whole process, counted in
# calendar days from the day an application is received. Child Sex Offender Disclosure Scheme:
# 45 days unless exceptional (Cleveland Police's scheme page; shared/reference/domain.md §6.3).
# Domestic Violence Disclosure Scheme: 28 days, the figure commonly cited for the April 2023
# statutory guidance (domain.md §6.4 marks it UNVERIFIED; the older guidance said 35 days).
MAPPA_CSODS_TARGET_DAYS = env_int("MAPPA_CSODS_TARGET_DAYS", 45)
MAPPA_DVDS_TARGET_DAYS = env_int("MAPPA_DVDS_TARGET_DAYS", 28)
# An open application this close to its target date shows amber on the disclosure team's
# dashboard (a local choice; the guidance sets the target, not the warning).
MAPPA_DISCLOSURE_AMBER_DAYS = env_int("MAPPA_DISCLOSURE_AMBER_DAYS", 7)

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

# Strategic oversight (docs/oversight.md). The area's own standards for the board's indicators;
# the guidance sets none. Screening: a referral is screened within this many days of submission
# (by default the amber point of the screening queue above). First meeting: held within this many
# working days of the referral's acceptance (Scottish MAPPA guidance 2022 §5.63 sets 20 working
# days; no England and Wales figure is published, domain.md §2.3).
MAPPA_SCREENING_TARGET_DAYS = env_int("MAPPA_SCREENING_TARGET_DAYS", MAPPA_SCREENING_AMBER_DAYS)
MAPPA_INITIAL_MEETING_TARGET_WORKING_DAYS = env_int("MAPPA_INITIAL_MEETING_TARGET_WORKING_DAYS", 20)
# A serious further offence charge is notified to the SMB chair and co-ordinator within this many
# days (MAPPA Guidance 2012 SCR notification form, domain.md §8.3 and §10.2).
MAPPA_SCR_NOTIFICATION_DAYS = env_int("MAPPA_SCR_NOTIFICATION_DAYS", 5)

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

"""Settings shared by every environment, read from the environment.

Without DATABASE_URL the project runs on an SQLite file in the project folder, and
without CELERY_BROKER_URL Celery runs tasks eagerly in the web process, so `make run`
needs no services.
"""

import json
import os
from datetime import date, timedelta
from pathlib import Path

import dj_database_url
import structlog
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean: use true or false.")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Django's own widget templates, which FORM_RENDERER (TemplatesSetting) finds as app templates.
    "django.forms",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "csp",
    "axes",
    "django_structlog",
    "core",
    "strategy",
    "principles",
    "periods",
    "registers",
    "actions",
    "measures",
    "reporting",
    "spreadsheets",
    "seeding",
    "transparency",
    "accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Before anything reads the path or the query string: a NUL byte in either is refused here.
    "core.middleware.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication, so each request's log lines carry the user id.
    "django_structlog.middlewares.RequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Every page's scripts and styles are files of this site: no inline script, <style> or style
# attribute, so an injected one does not run. The API docs relax this for themselves only
# (strategy/api_router.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# No page uses these browser features; an injected script or frame cannot either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "magnetometer", "microphone", "midi", "payment", "usb",
    )
}

# Every form's fields render through templates/core/field.html.
FORM_RENDERER = "core.forms.GovukFormRenderer"

ROOT_URLCONF = "strategy.urls"
WSGI_APPLICATION = "strategy.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes counts failed sign-ins (site and admin alike) per username and address: the
# AXES_FAILURE_LIMIT-th failure locks that pair out for AXES_COOLOFF_TIME, and every attempt
# during the lockout starts the wait again. core.views.sign_in_locked_out shows the message.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT") or 5)
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES") or 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.views.sign_in_locked_out"
# The client's address: REMOTE_ADDR, unless TRUSTED_PROXY_COUNT proxies in front of the
# service each append to X-Forwarded-For (a client could forge the header otherwise).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT") or 0)
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUSTED_PROXY_COUNT else ["REMOTE_ADDR"]

# A session ends after this long without a request (each request starts the wait again).
SESSION_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("SESSION_IDLE_TIMEOUT_MINUTES") or 8 * 60))
SESSION_COOKIE_AGE = int(SESSION_IDLE_TIMEOUT.total_seconds())
SESSION_SAVE_EVERY_REQUEST = True

# Sign-in with the council's Microsoft Entra ID (OpenID Connect, mozilla-django-oidc), on when
# the seven endpoint and client settings are all given; local accounts keep working beside it.
# OIDC_ROLE_GROUPS maps Entra group object ids to this service's roles (core/roles.py), e.g.
# {"1f0c…": "Strategy lead"}; roles are set from the token's groups at every sign-in.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
# Optional: the provider's sign-out page, offered after signing out here.
OIDC_OP_LOGOUT_ENDPOINT = os.environ.get("OIDC_OP_LOGOUT_ENDPOINT", "")
OIDC_ENABLED = all(
    [
        OIDC_RP_CLIENT_ID, OIDC_RP_CLIENT_SECRET, OIDC_OP_ISSUER, OIDC_OP_AUTHORIZATION_ENDPOINT,
        OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_USER_ENDPOINT, OIDC_OP_JWKS_ENDPOINT,
    ]
)


def role_groups(text: str) -> dict[str, str]:
    """OIDC_ROLE_GROUPS: a JSON object of group id to role name, each a role of core/roles.py."""
    from core.roles import ROLE_PERMISSIONS

    try:
        mapping = json.loads(text or "{}")
    except json.JSONDecodeError as exc:
        raise ImproperlyConfigured(f"OIDC_ROLE_GROUPS is not JSON: {exc}") from exc
    if not isinstance(mapping, dict) or not all(isinstance(group, str) and isinstance(role, str) for group, role in mapping.items()):
        raise ImproperlyConfigured('OIDC_ROLE_GROUPS must be a JSON object of group ids to role names, e.g. {"<group id>": "Strategy lead"}.')
    unknown = sorted(set(mapping.values()) - set(ROLE_PERMISSIONS))
    if unknown:
        raise ImproperlyConfigured(f"OIDC_ROLE_GROUPS names no such role: {', '.join(unknown)}. Roles: {', '.join(ROLE_PERMISSIONS)}.")
    return mapping


OIDC_ROLE_GROUPS = role_groups(os.environ.get("OIDC_ROLE_GROUPS", ""))
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
# Seconds to wait for the provider's token, keys and user information.
OIDC_TIMEOUT = 10
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("accounts.backends.CouncilSignInBackend")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["core.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Built files (the progress packs) go through Django's storage API: MEDIA_ROOT, a folder every
# web and worker container mounts, unless AWS_STORAGE_BUCKET_NAME names an S3-compatible bucket.
# Empty key variables leave boto3 to its own credential chain (e.g. an instance role).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
FILE_STORAGE = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            # A new build never replaces an object a pack row already names.
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    if AWS_STORAGE_BUCKET_NAME
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": FILE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A shared cache (API throttling counts, sessions stay in the database): Redis when CACHE_URL
# is set, so every gunicorn worker counts against the same limit; per-process memory otherwise.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # A Redis that stops answering fails a request (and /readyz) in seconds, not minutes.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# The plan's roll-ups (summary, dashboard) are cached until a write changes them (core/aggregates.py):
# by default only with a cache every process shares, since a write must reach every worker's copy.
CACHE_AGGREGATES = env_bool("CACHE_AGGREGATES", bool(CACHE_URL))

# Celery: with no broker configured, tasks run in-process so a laptop needs no Redis.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task whose worker died without acknowledging it (killed, machine lost) goes back to the
# queue after this many seconds; it must exceed the longest task (a pack's 12-minute hard limit).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT") or 3600)}

# Celery beat: request the progress pack of every period that has closed and has none yet.
# Hourly, so a pack is queued within the hour of a period's update deadline passing; a lead
# closing a period early requests its pack at once. Firing twice never makes a duplicate.
# And each morning, e-mail the progress-update reminders and the leads' list of missing updates
# that are due (reporting/reminders.py): each goes once, so a missed or repeated run is harmless.
CELERY_BEAT_SCHEDULE = {
    "request-packs-for-closed-periods": {
        "task": "reporting.tasks.request_packs_for_closed_periods",
        "schedule": 60 * 60,
    },
    # Builds the broker refused (it was down when a lead asked) or lost go again once it is back.
    "resend-unsent-packs": {
        "task": "reporting.tasks.resend_unsent_packs",
        "schedule": 5 * 60,
    },
    "send-update-reminders": {
        "task": "reporting.tasks.send_update_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
}

# Reporting periods take updates for this many working days after the quarter ends.
REPORTING_UPDATE_WINDOW_WORKING_DAYS = 15

# E-mail, for the progress-update reminders: SMTP unless EMAIL_BACKEND names another of
# Django's backends (local.py prints to the console; the tests keep messages in memory).
# An empty variable counts as unset, as docker-compose.yml passes every one through.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or "django.core.mail.backends.smtp.EmailBackend"
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH") or BASE_DIR / "sent-email")
EMAIL_HOST = os.environ.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# A reminder is sent inside the transaction that records it, so a mail server that stops
# answering must not hold that transaction open for ever.
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or "ICT Strategy <ict-strategy@example.gov.uk>"
# Where people reach this service: e-mails link back to it, and have no request to take a host from.
SITE_URL = (os.environ.get("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")

# The accessibility statement (/accessibility/): where people report a problem or ask for content
# in another format, and when the service was last tested against WCAG 2.2 AA (tests/browser).
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL") or "ict-strategy@example.gov.uk"
ACCESSIBILITY_TESTED_ON = date(2026, 12, 1)

# Logs are one JSON object a line on standard output (LOG_FORMAT=console for people: local.py),
# through structlog, Django's and Celery's own messages included. django-structlog binds each
# request's request_id and user_id, and carries the request_id into the Celery tasks it enqueues;
# core.request_logging adds the request's duration.
LOG_FORMAT = os.environ.get("LOG_FORMAT") or "json"
if LOG_FORMAT not in {"json", "console"}:
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: use json or console.")
LOG_PROCESSORS = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": structlog.stdlib.ProcessorFormatter,
            "foreign_pre_chain": LOG_PROCESSORS,
            "processors": [
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.dict_tracebacks,
                structlog.processors.JSONRenderer(),
            ],
        },
        "console": {
            "()": structlog.stdlib.ProcessorFormatter,
            "foreign_pre_chain": LOG_PROCESSORS,
            "processors": [
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.dev.ConsoleRenderer(),
            ],
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # WeasyPrint reports every rendering step at INFO.
        "weasyprint.progress": {"level": "WARNING"},
        # django-axes announces its configuration at every start (failed sign-ins stay logged).
        "axes.apps": {"level": "WARNING"},
        # pikepdf (reporting/pdf_ua.py) announces its logger bridge when first imported.
        "pikepdf._core": {"level": "WARNING"},
    },
}
structlog.configure(
    processors=[
        *LOG_PROCESSORS,
        structlog.stdlib.filter_by_level,
        structlog.stdlib.PositionalArgumentsFormatter(),
        structlog.processors.StackInfoRenderer(),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    wrapper_class=structlog.stdlib.BoundLogger,
    cache_logger_on_first_use=True,
)
DJANGO_STRUCTLOG_CELERY_ENABLED = True
# Celery's worker keeps this configuration instead of installing its own (strategy/celery.py).
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# ---------------------------------------------------------------------------
# REST API (/api/v1/) and its OpenAPI schema. Shared plumbing lives in core/api/.
# ---------------------------------------------------------------------------
# Requests allowed per client: "user" is per signed-in user, so per token (a token belongs to
# one user); "anon" is per IP address, for requests with no or a bad token, which get 401 until
# the rate is spent and 429 after (core.api.exceptions).
API_THROTTLE_RATES = {
    "user": os.environ.get("API_THROTTLE_USER_RATE", "1000/hour"),
    "anon": os.environ.get("API_THROTTLE_ANON_RATE", "60/minute"),
}
REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate header makes an anonymous request a 401, not a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["core.api.permissions.CanReadStrategyData"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer", "core.api.renderers.CSVRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "core.api.negotiation.FormatContentNegotiation",
    "DEFAULT_PARSER_CLASSES": ["core.api.parsers.DepthLimitedJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.StandardPagination",
    "DEFAULT_THROTTLE_CLASSES": ["core.api.throttling.UserThrottle", "core.api.throttling.AnonThrottle"],
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.StrategyAutoSchema",
    "EXCEPTION_HANDLER": "core.api.exceptions.api_exception_handler",
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": False,
    # Anonymous requests are counted per address: the client's, behind TRUSTED_PROXY_COUNT proxies.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT or None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ICT Strategy 2023–27 API",
    "DESCRIPTION": (
        "Progress data on Cheshire East Council's ICT Strategy 2023–27 for other council systems. "
        "Authenticate with `Authorization: Token <key>` (a lead creates keys with "
        "`manage.py api_token <username>`) or a signed-in browser session. Every list takes "
        "`?format=csv`. Action responses carry an `ETag`; send it back as `If-Match` (or the "
        "version as `expected_version`) when writing: a stale version gets 412 Precondition Failed."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Status and RAG choices are shared by actions and updates; name them once.
    "ENUM_NAME_OVERRIDES": {
        "ActionStatusEnum": "actions.choices.Status",
        "RagEnum": "actions.choices.Rag",
        "BusinessCaseStatusEnum": "registers.choices.BusinessCaseStatus",
        "CommitteeReportStatusEnum": "reporting.choices.ReportStatus",
    },
}

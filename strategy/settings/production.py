"""Deployment: refuses to start without a real secret key or with debug on; HTTPS only.

Behind a proxy that ends TLS, set SECURE_PROXY_SSL_HEADER to the header it sets and its value
(`X-Forwarded-Proto: https`), so Django knows the request came over HTTPS; the proxy must
replace that header on every request. `manage.py check --deploy` has nothing to report.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY, env_bool

MIN_SECRET_KEY_LENGTH = 50

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be false in production: it shows settings and code to anyone who gets an error.")
if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        f"SECRET_KEY must be set to a long random value in production (at least {MIN_SECRET_KEY_LENGTH} characters, "
        "e.g. from `python -c 'import secrets; print(secrets.token_urlsafe(50))'`)."
    )


def proxy_ssl_header(value: str) -> tuple[str, str] | None:
    """`X-Forwarded-Proto: https` -> ("HTTP_X_FORWARDED_PROTO", "https"), as Django wants it."""
    if not value:
        return None
    header, separator, expected = value.partition(":")
    if not separator or not header.strip() or not expected.strip():
        raise ImproperlyConfigured(f"SECURE_PROXY_SSL_HEADER={value!r}: write it as 'X-Forwarded-Proto: https'.")
    return "HTTP_" + header.strip().upper().replace("-", "_"), expected.strip()


SECURE_PROXY_SSL_HEADER = proxy_ssl_header(os.environ.get("SECURE_PROXY_SSL_HEADER", ""))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The container's health check asks over plain HTTP inside the host.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS") or 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}  # noqa: F405

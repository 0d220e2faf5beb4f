"""Production settings. Required: JXC_SECRET_KEY, JXC_ALLOWED_HOSTS, JXC_DATABASE_URL.

Passes `manage.py check --deploy` with no warnings when those are set. TLS is expected to be
terminated by a reverse proxy that sets X-Forwarded-Proto.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
if not os.environ.get("JXC_SECRET_KEY"):
    raise ImproperlyConfigured("JXC_SECRET_KEY must be set in production")
SECRET_KEY = os.environ["JXC_SECRET_KEY"]
if not os.environ.get("JXC_ALLOWED_HOSTS"):
    raise ImproperlyConfigured("JXC_ALLOWED_HOSTS must be set in production")
if not os.environ.get("JXC_DATABASE_URL"):
    raise ImproperlyConfigured("JXC_DATABASE_URL must be set in production")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("JXC_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("JXC_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("JXC_PROXY_COUNT", "1"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

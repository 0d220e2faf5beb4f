"""Test settings: SQLite in memory unless JXC_DATABASE_URL points at PostgreSQL."""

import os

from .base import *  # noqa: F403
from .base import database_from_url

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
DATABASES = {
    "default": database_from_url(os.environ.get("JXC_DATABASE_URL") or "sqlite://:memory:")
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WHITENOISE_AUTOREFRESH = True  # no collected static folder in tests

"""Local development and `make demo`: debug on unless JXC_DEBUG=0, assets served from the apps."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("JXC_DEBUG", True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

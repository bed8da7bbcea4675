"""The test suite: the same stack as production, with fast password hashing."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come straight from the apps; only production collects them under STATIC_ROOT.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

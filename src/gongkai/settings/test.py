"""The test suite: the same stack as production, with fast password hashing."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come straight from the apps; only production collects them under STATIC_ROOT.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# Each test run keeps its index and uploaded files in folders of its own, never under var/.
GONGKAI_SEARCH_INDEX_DIR = tempfile.mkdtemp(prefix="gongkai-test-index-")
MEDIA_ROOT = tempfile.mkdtemp(prefix="gongkai-test-media-")
for _folder in (GONGKAI_SEARCH_INDEX_DIR, MEDIA_ROOT):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)

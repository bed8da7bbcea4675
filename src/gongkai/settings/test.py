"""The test suite: the same stack as production, with fast password hashing."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The tests run on a fixed day (tests/conftest.py) while the browser keeps the real one: a
# session cookie without an expiry date is not thrown away by a browser that thinks it stale.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come straight from the apps; only production collects them under STATIC_ROOT.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# Each test run keeps its index (with the lock file beside it) and uploaded files in one
# folder of its own, never under var/, and removes it on exit.
_RUN_DIR = Path(tempfile.mkdtemp(prefix="gongkai-test-"))
GONGKAI_SEARCH_INDEX_DIR = str(_RUN_DIR / "index")
MEDIA_ROOT = str(_RUN_DIR / "media")
atexit.register(shutil.rmtree, _RUN_DIR, ignore_errors=True)

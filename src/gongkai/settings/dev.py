"""Local development: embedded SQLite under var/, debug pages on."""

from .base import *  # noqa: F403
from .env import env_bool

DEBUG = env_bool("DEBUG", True)

# Static files come straight from the apps; only production collects them under STATIC_ROOT.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

"""Production: PostgreSQL, HTTPS behind a reverse proxy; everything from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, SECRET_KEY
from .env import env_bool, env_int

if SECRET_KEY.startswith("insecure"):
    raise ImproperlyConfigured("生产环境必须通过环境变量 SECRET_KEY 设置密钥")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("生产环境须使用 PostgreSQL：请设置 DATABASE_URL=postgres://…")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# A real site shows its own registrations, never the demo's examples.
GONGKAI_SITE_EXAMPLES = env_bool("GONGKAI_SITE_EXAMPLES", False)

"""Settings shared by every deployment; values that differ come from the environment."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

SRC_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = SRC_DIR.parent.parent
VAR_DIR = Path(env_str("GONGKAI_VAR_DIR", str(PROJECT_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "insecure-dev-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_htmx",
    "gongkai.core",
    "gongkai.calendar",
    "gongkai.agencies",
    "gongkai.checks",
    "gongkai.applications",
    "gongkai.appeals",
    "gongkai.reports",
    "gongkai.engagement",
    "gongkai.columns",
    "gongkai.profiles",
    "gongkai.newmedia",
    "gongkai.oversight",
    "gongkai.hotline",
    "gongkai.catalog",
    "gongkai.review",
    "gongkai.interpretations",
    "gongkai.accounts",
    "gongkai.workbench",
    "gongkai.portal",
    "gongkai.notices",
    "gongkai.kiosk",
    "gongkai.search",
    "gongkai.api",
    "gongkai.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session middleware: it removes the Vary: Cookie that one adds.
    "gongkai.web.public_cache.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "gongkai.core.middleware.AuditActorMiddleware",
    "gongkai.accounts.middleware.StaffSecondFactorMiddleware",
    # Axes must come last: it reads the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "gongkai.core.context_processors.site",
                "gongkai.workbench.context_processors.workbench",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
# Every request is one transaction: a domain change and its audit row land together or not at all.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "portal:home"

# Login throttling: after AXES_FAILURE_LIMIT failures for one user name from one address,
# that pair is locked out for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = env_int("GONGKAI_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# How many reverse proxies in front of the application append to X-Forwarded-For (nginx as in
# docs/deployment.md: 1); 0 ignores the header. Every per-client limit reads the address from
# gongkai.web.client, django-axes included.
GONGKAI_TRUSTED_PROXIES = env_int("GONGKAI_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "gongkai.web.client.client_address"

OTP_TOTP_ISSUER = "公开平台"

LANGUAGE_CODE = "zh-hans"
# The interface is written in Simplified Chinese; no browser preference switches it.
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [SRC_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(env_str("GONGKAI_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Forms larger than this are refused before they reach a view (a clear Chinese error page).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("GONGKAI_MAX_FORM_BYTES", 2 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["gongkai.web.permissions.DenyByDefault"],
    "DEFAULT_SCHEMA_CLASS": "gongkai.web.schema.ChineseAutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "gongkai.web.params.BoundedLimitOffsetPagination",
    "DEFAULT_PARSER_CLASSES": [
        "gongkai.web.parsers.JSONBodyParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "gongkai.web.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "公开平台 API",
    "DESCRIPTION": "政府信息公开工作平台的 JSON 接口。/api/public/ 下为公开只读接口；"
    "/api/staff/ 下为工作人员接口，需会话或令牌认证，数据范围按所在机关限定。",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "gongkai.web.schema.speak_chinese",
        "gongkai.web.schema.document_refusals",
    ],
    # Several models have a field named "kind"; name each choice set after its model.
    "ENUM_NAME_OVERRIDES": {
        "AgencyKindEnum": "gongkai.agencies.models.AgencyKind",
        "RoleEnum": "gongkai.agencies.models.Role",
        "ConsultationStatusEnum": "gongkai.engagement.consultation_models.ConsultationStatus",
        "CommentStatusEnum": "gongkai.engagement.consultation_models.CommentStatus",
        "HandlingRoleEnum": "gongkai.hotline.models.HandlingRole",
    },
}

GONGKAI_SITE_NAME = env_str("GONGKAI_SITE_NAME", "政府信息公开平台")
# The site's identity in every page's footer and in /site.json (core/site_identity.py): the
# 党政机关网站标识 link, 网站标识码, ICP备案号, 公安机关备案号, 主办单位 and its contact.
GONGKAI_SITE_CONAC_URL = env_str("GONGKAI_SITE_CONAC_URL", "")
GONGKAI_SITE_CODE = env_str("GONGKAI_SITE_CODE", "")
GONGKAI_SITE_ICP = env_str("GONGKAI_SITE_ICP", "")
GONGKAI_SITE_PSB = env_str("GONGKAI_SITE_PSB", "")
GONGKAI_SITE_SPONSOR = env_str("GONGKAI_SITE_SPONSOR", "")
GONGKAI_SITE_CONTACT_PHONE = env_str("GONGKAI_SITE_CONTACT_PHONE", "")
GONGKAI_SITE_CONTACT_EMAIL = env_str("GONGKAI_SITE_CONTACT_EMAIL", "")
GONGKAI_SITE_CONTACT_ADDRESS = env_str("GONGKAI_SITE_CONTACT_ADDRESS", "")
# Unset values shown as examples, marked 示例 (the demo, development); production turns it off.
GONGKAI_SITE_EXAMPLES = env_bool("GONGKAI_SITE_EXAMPLES", True)
# Largest attachment of a catalog item, and the 索引号 rule (fields: credit_code, year, serial).
GONGKAI_ATTACHMENT_MAX_BYTES = env_int("GONGKAI_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)
GONGKAI_INDEX_NUMBER_FORMAT = env_str(
    "GONGKAI_INDEX_NUMBER_FORMAT", "{credit_code}/{year}-{serial:05d}"
)
# Largest document staff may upload for an on-line check.
GONGKAI_CHECK_UPLOAD_MAX_BYTES = env_int("GONGKAI_CHECK_UPLOAD_MAX_BYTES", 50 * 1024 * 1024)
# Largest scan of a paper, faxed or oral application attached to a case.
GONGKAI_SCAN_MAX_BYTES = env_int("GONGKAI_SCAN_MAX_BYTES", 20 * 1024 * 1024)
# What an uploaded DOCX/XLSX may inflate to and hold, and an image's pixels, judged from their
# headers before anything is read (lib/upload_limits.py).
GONGKAI_ZIP_MAX_INFLATED_BYTES = env_int("GONGKAI_ZIP_MAX_INFLATED_BYTES", 200 * 1024 * 1024)
GONGKAI_ZIP_MAX_MEMBERS = env_int("GONGKAI_ZIP_MAX_MEMBERS", 2000)
GONGKAI_IMAGE_MAX_PIXELS = env_int("GONGKAI_IMAGE_MAX_PIXELS", 100_000_000)
# Extra word lists for the pre-publication checks (src/gongkai/checks/data/README.md).
GONGKAI_CHECK_LISTS_DIR = env_str("GONGKAI_CHECK_LISTS_DIR", "")

# Search (docs/search.md): the index backend, where the embedded index lives, whether changes
# are indexed right after their transaction commits (the `gongkai search sync` worker replays
# anything missed), what `gongkai reindex` rebuilds from, and extra word lists.
GONGKAI_SEARCH_BACKEND = env_str(
    "GONGKAI_SEARCH_BACKEND", "gongkai.search.backends.tantivy_backend.TantivyBackend"
)
GONGKAI_SEARCH_INDEX_DIR = env_str("GONGKAI_SEARCH_INDEX_DIR", str(VAR_DIR / "search-index"))
GONGKAI_SEARCH_SYNC_INLINE = env_bool("GONGKAI_SEARCH_SYNC_INLINE", True)
GONGKAI_SEARCH_SOURCE = env_str(
    "GONGKAI_SEARCH_SOURCE", "gongkai.portal.search_feed.PublicPagesSource"
)
GONGKAI_SEARCH_DATA_DIR = env_str("GONGKAI_SEARCH_DATA_DIR", "")
# The embedded backend's ranking shortcuts (same ranking, less work); off only to measure them.
GONGKAI_SEARCH_SHORTCUTS = env_bool("GONGKAI_SEARCH_SHORTCUTS", True)
# The shared corpus of real government texts beside the repository, for benchmarks and tests.
GONGKAI_CORPUS_PATH = env_str(
    "GONGKAI_CORPUS_PATH",
    str(PROJECT_DIR.parent / "shared" / "corpus" / "government-texts.jsonl.xz"),
)
# Applicants' identity numbers are encrypted with these Fernet keys (comma-separated, newest
# first); unset, a key is derived from SECRET_KEY.
GONGKAI_ID_NUMBER_KEYS = env_str("GONGKAI_ID_NUMBER_KEYS", "")
# TrueType CJK fonts embedded in PDF letters and reports (.ttf or .ttc files), one per role of
# the 公文 layout; unset, GONGKAI_LETTER_FONT (every role), else the system font folders.
GONGKAI_LETTER_FONT = env_str("GONGKAI_LETTER_FONT", "")
GONGKAI_FONT_TITLE = env_str("GONGKAI_FONT_TITLE", "")
GONGKAI_FONT_BODY = env_str("GONGKAI_FONT_BODY", "")
GONGKAI_FONT_HEADING = env_str("GONGKAI_FONT_HEADING", "")
# Public status lookups allowed per client address in a quarter of an hour.
GONGKAI_STATUS_LOOKUPS_PER_15_MIN = env_int("GONGKAI_STATUS_LOOKUPS_PER_15_MIN", 10)
# Messages one address may post to 政民互动 in 15 minutes; more are refused, the text kept.
GONGKAI_MESSAGE_POSTS_PER_15_MIN = env_int("GONGKAI_MESSAGE_POSTS_PER_15_MIN", 20)
# Comments one address may send to the 意见征集 of 政民互动 in 15 minutes.
GONGKAI_CONSULTATION_COMMENTS_PER_15_MIN = env_int("GONGKAI_CONSULTATION_COMMENTS_PER_15_MIN", 20)
# A message transferred to another agency: its clock starts again there on the day of transfer
# (true), or keeps counting from the first receipt (false).
GONGKAI_MESSAGE_TRANSFER_RESTARTS_CLOCK = env_bool("GONGKAI_MESSAGE_TRANSFER_RESTARTS_CLOCK", True)
# Public pages (gongkai/web/public_cache.py): how many seconds a proxy or browser may keep one,
# and the release, part of every page's ETag so that new templates are not answered with 304.
GONGKAI_PUBLIC_MAX_AGE = env_int("GONGKAI_PUBLIC_MAX_AGE", 60)
GONGKAI_RELEASE = env_str("GONGKAI_RELEASE", "")
# Public submissions (applications; online messages) accepted per client address and hour.
GONGKAI_PUBLIC_SUBMISSIONS_PER_HOUR = env_int("GONGKAI_PUBLIC_SUBMISSIONS_PER_HOUR", 10)
# Where `gongkai tick` sends the daily inbox digests from, how many working days ahead it
# counts cases as due soon, and the site's address its links (and the QR codes of printed
# notices, gongkai/notices) start with.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "gongkai@localhost")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
GONGKAI_REMIND_WITHIN_WORKDAYS = env_int("GONGKAI_REMIND_WITHIN_WORKDAYS", 3)
# A website column counts as due soon this many days before its update cycle runs out.
GONGKAI_COLUMN_WARN_DAYS = env_int("GONGKAI_COLUMN_WARN_DAYS", 3)
# How many days before a 政务新媒体 account reaches two weeks without a post the workbench warns.
GONGKAI_NEWMEDIA_WARN_DAYS = env_int("GONGKAI_NEWMEDIA_WARN_DAYS", 3)
# The kiosk (/kiosk/) goes back to its start page after this many seconds untouched.
GONGKAI_KIOSK_IDLE_SECONDS = env_int("GONGKAI_KIOSK_IDLE_SECONDS", 60)
# 12345 热线: a work order from the same caller or on the same matter within this many calendar
# days of an earlier one is proposed for merging (并单). UNCONFIRMED: no text seen sets the period.
GONGKAI_HOTLINE_REPEAT_DAYS = env_int("GONGKAI_HOTLINE_REPEAT_DAYS", 30)
GONGKAI_BASE_URL = env_str("GONGKAI_BASE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

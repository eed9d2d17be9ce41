"""Prevent Hub settings: one module, driven by the environment.

With ``DEBUG`` set, the project runs from a fresh checkout with no other configuration (a
development
secret key is generated once into ``.dev-secret-key`` and SQLite is used). With ``DEBUG`` off,
``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL`` must come from the environment or from a file
named by ``<NAME>_FILE``; see README "Configuration".
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import environ
import structlog
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()


def env_value(name: str, default: str | None = None) -> str | None:
    """Read NAME, or the contents of the file named by NAME_FILE (for container secrets)."""
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env_value(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env_value(name)
    return int(value) if value not in (None, "") else default


DEBUG = env_bool("DEBUG")
# Under pytest: fast password hashing and tasks run immediately. Tests run in development mode
# (as though DEBUG were set) even when pytest is called directly.
TESTING = env_bool("PREVENTHUB_TESTING") or "pytest" in sys.modules
DEV_MODE = DEBUG or TESTING


def _dev_secret_key() -> str:
    path = BASE_DIR / ".dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def _required(name: str) -> str:
    value = env_value(name)
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DEBUG is off (or {name}_FILE).")
    return value


if DEV_MODE:
    SECRET_KEY = env_value("SECRET_KEY") or _dev_secret_key()
    ALLOWED_HOSTS = (env_value("ALLOWED_HOSTS") or "127.0.0.1,localhost,testserver").split(",")
    DATABASE_URL = env_value("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
else:
    SECRET_KEY = _required("SECRET_KEY")
    ALLOWED_HOSTS = _required("ALLOWED_HOSTS").split(",")
    DATABASE_URL = _required("DATABASE_URL")

COUNCIL_NAME = env_value("COUNCIL_NAME") or "Northbridge Borough Council"
SERVICE_NAME = "Prevent Hub"
SITE_URL = env_value("SITE_URL") or "http://127.0.0.1:8000"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "simple_history",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "preventhub.core",
    "preventhub.audit",
    "preventhub.directory",
    "preventhub.accounts",
    "preventhub.governance",
    "preventhub.risk",
    "preventhub.plan",
    "preventhub.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "preventhub.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "preventhub.core.middleware.IdleSessionMiddleware",
    "preventhub.core.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "preventhub.accounts.middleware.RequireMfaMiddleware",
]

ROOT_URLCONF = "preventhub.urls"
WSGI_APPLICATION = "preventhub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "preventhub" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "preventhub.core.context_processors.service",
            ],
            "builtins": ["preventhub.core.templatetags.govuk"],
        },
    }
]
FORM_RENDERER = "preventhub.core.forms.GovukFormRenderer"

DATABASES = {"default": env.db_url_config(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;"
        ),
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "preventhub_cache",
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create hundreds of users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

# Sessions expire after a period of inactivity (IdleSessionMiddleware renews them as they are used).
SESSION_IDLE_TIMEOUT_MINUTES = env_int("SESSION_IDLE_TIMEOUT_MINUTES", 30)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT_MINUTES * 60
# Not written on every request: at most once every SESSION_TOUCH_SECONDS.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_TOUCH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# django-allauth: e-mail and password, no self sign-up, mandatory TOTP for some roles.
ACCOUNT_ADAPTER = "preventhub.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# No "remember me": every session ends after SESSION_IDLE_TIMEOUT_MINUTES of inactivity.
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_REAUTHENTICATION_TIMEOUT = env_int("REAUTHENTICATION_TIMEOUT_SECONDS", 300)
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_value("LOGIN_FAILED_RATE_LIMIT") or "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_ADAPTER = "preventhub.accounts.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SERVICE_NAME
MFA_RECOVERY_CODES_SHOW_ONCE = True

# Background tasks: the database queue, worked by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if TESTING:
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}

# Outgoing e-mail (Django 6.1 mailers). In development with EMAIL_HOST unset, mail is printed to
# the console; otherwise it goes to the SMTP server EMAIL_HOST (localhost in production by default).
EMAIL_HOST = env_value("EMAIL_HOST") or ("" if DEV_MODE else "localhost")
if EMAIL_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": EMAIL_HOST,
                "port": env_int("EMAIL_PORT", 25),
                "username": env_value("EMAIL_HOST_USER") or None,
                "password": env_value("EMAIL_HOST_PASSWORD") or None,
                "use_tls": env_bool("EMAIL_USE_TLS"),
                "timeout": 30,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
del EMAIL_HOST  # only MAILERS may configure e-mail in Django 6.1
DEFAULT_FROM_EMAIL = env_value("DEFAULT_FROM_EMAIL") or "preventhub@localhost"

# Key for the audit trail's hash chain. Defaults to one derived from SECRET_KEY; set it explicitly
# so SECRET_KEY can be rotated without breaking verification of old events.
AUDIT_CHAIN_KEY = env_value("AUDIT_CHAIN_KEY") or f"audit-chain:{SECRET_KEY}"
# Signed checkpoints of the chain, kept outside the database (preventhub/audit/checkpoints.py):
# every AUDIT_CHECKPOINT_EVERY events, and at every successful chain check, one JSON line is
# appended to AUDIT_CHECKPOINT_FILE (on storage the database's administrators cannot rewrite) and
# written to the log. In development it defaults to var/audit-checkpoints.jsonl; in tests, none.
AUDIT_CHECKPOINT_FILE = env_value("AUDIT_CHECKPOINT_FILE") or (
    str(BASE_DIR / "var" / "audit-checkpoints.jsonl") if DEBUG and not TESTING else ""
)
AUDIT_CHECKPOINT_EVERY = env_int("AUDIT_CHECKPOINT_EVERY", 1000)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_value("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "preventhub.core.storage.StaticStorage"
    },
}
MEDIA_ROOT = Path(env_value("MEDIA_ROOT") or BASE_DIR / "media")
if TESTING:
    # Uploads in tests (report appendices) stay in memory: nothing is written into the checkout.
    STORAGES["default"] = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # Only the Swagger UI files the API docs use, from django-ninja
    # (see preventhub/api/staticfiles.py).
    "preventhub.api.staticfiles.SwaggerUiFinder",
]

# Security headers. Django's built-in CSP, no 'unsafe-inline' anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
if not DEV_MODE:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = [u for u in (env_value("CSRF_TRUSTED_ORIGINS") or "").split(",") if u]

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "structlog.stdlib.ProcessorFormatter",
            "processor": structlog.processors.JSONRenderer(),
            "foreign_pre_chain": [
                structlog.contextvars.merge_contextvars,
                structlog.processors.add_log_level,
                structlog.processors.TimeStamper(fmt="iso"),
            ],
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env_value("LOG_LEVEL") or "INFO"},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint and fontTools narrate every step of every PDF at INFO ("Step 5 - Creating
        # layout - Page 2"): only their warnings are worth a line in the log.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

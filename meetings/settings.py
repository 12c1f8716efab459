"""Settings for the meetings tracker, read from the environment.

A fresh clone runs with DEBUG on and a SQLite file (manage.py, the tests); production sets
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL and DEBUG=0 (see .env.example). A WSGI server
(meetings/wsgi.py) is production unless DEBUG=1 says otherwise, and refuses to start without
SECRET_KEY and ALLOWED_HOSTS.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdefghijklmnop"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "axes",
    "meetings",
]

MIDDLEWARE = [
    # first, so that every response carries the policy: static files and the HTTPS redirect too
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # before the host check and the HTTPS redirect: load balancers probe backends by address
    "meetings.reliability.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # a NUL in an admin list's address: the list without it, and a message
    "meetings.staff_input.StaffNulMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # before the CSRF check reads the fields: the intake's too-large requests get a message
    "meetings.intake.middleware.IntakeLimitsMiddleware",
    # last, as django-axes asks: it answers a locked-out sign-in
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "meetings.urls"
WSGI_APPLICATION = "meetings.wsgi.application"

TEMPLATES = [
    {
        # the public pages (meetings/jinja2/): compiled to Python, they draw a list in a
        # fraction of the time Django's templates take
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "meetings.templating.environment"},
    },
    {
        # the admin and the article intake
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A PostgreSQL replica of the primary that the public pages read from (meetings.routers).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
READ_REPLICA = "replica" if "replica" in DATABASES else None
DATABASE_ROUTERS = ["meetings.routers.ReplicaRouter"]
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite keeps the index on subjects' counts without its included columns, which only
    # PostgreSQL reads: said on every command otherwise
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
for database in DATABASES.values():
    if database["ENGINE"].endswith("postgresql"):
        # parameters bound on the server. Queries are prepared only where their plan does not
        # depend on the subject (meetings.read.rows.prepared), not here for every query: a
        # prepared query is planned for every parameter alike after five runs, and a plan made
        # for an average subject costs the busiest country's page ten times its work
        database.setdefault("OPTIONS", {})["server_side_binding"] = True
        # a database host that does not answer at all fails a request in seconds (a 503),
        # instead of holding the worker until the server kills it
        database["OPTIONS"].setdefault("connect_timeout", envint("DATABASE_CONNECT_TIMEOUT", 5))
        # no parallel plans: a page's query that starts worker processes waits for them to
        # start (20 ms for a feed at 1,000,000 meetings) and takes cores from the other requests;
        # no JIT compilation: it costs a query the planner thinks large (a common word's
        # matches) more milliseconds than it saves on a page's few thousand rows
        database["OPTIONS"].setdefault("options", "-c max_parallel_workers_per_gather=0 -c jit=off")


def source_release() -> str:
    """A short mark of the code being served, the same in every process of one deployment: the
    public pages' ETags carry it, so that a new release is not answered with 304."""
    import hashlib

    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".html", ".css", ".js", ".svg"}:
            stat = path.stat()
            digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:10]


RELEASE = os.environ.get("RELEASE") or source_release()

# Counts and vocabularies of the public pages, kept under the data version (meetings.read.cache):
# in each process's memory by default, in Redis shared by every app server when REDIS_URL is
# set (under the release's mark: a new release never reads what an older one pickled); CACHE=off
# keeps nothing (the benchmark measures the pages' own work that way).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"meetings-{RELEASE}",
            "TIMEOUT": 3600,
        }
    }
elif not envbool("CACHE", True):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }


# The whole dataset as files (python manage.py export_dataset), served at /downloads/.
DATASET_DIR = Path(os.environ.get("DATASET_DIR") or BASE_DIR / "dataset")
# The site's own address ("https://meetings.example.org"), for the links in files written
# outside a request (the dataset's CSV); unset, they are paths ("/meetings/1/").
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # first: refuses a sign-in while its account or its client is locked out
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_AUTOREFRESH = DEBUG

# Every page is served under a strict policy: no inline script or style, nothing from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# HTTPS hardening is on whenever DEBUG is off, unless the site is served over plain HTTP on
# purpose (HTTPS=0, for a trial behind no proxy).
HTTPS = envbool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Signing in lands on the editors' workplace, also when the address asked to go elsewhere
# (a "next" to another site is refused and falls back to this, not to /accounts/profile/).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
BEHIND_PROXY = envbool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Sign-in throttling (django-axes): after LOGIN_FAILURE_LIMIT failed sign-ins for one account,
# or from one client address, that account or address is refused for LOGIN_COOLOFF_MINUTES,
# even with the right password. Attempts are kept in the database, so every app server behind
# the proxy counts the same; Admin → Axes lists them and lifts a lock (delete the attempt).
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("LOGIN_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "meetings.lockout.locked_out"
AXES_VERBOSE = False
# the client's address: behind the proxy, the one it appended to X-Forwarded-For
AXES_CLIENT_IP_CALLABLE = "meetings.lockout.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Names of countries as people write them; django-countries keeps the ISO list itself.
COUNTRIES_OVERRIDE = {
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russia",
    "KR": "South Korea",
    "KP": "North Korea",
}

MEETINGS_PER_PAGE = 20

# The JSON API answers each client address at most API_RATE_LIMIT requests every
# API_RATE_WINDOW seconds (then 429 with Retry-After); 0 turns the limit off.
API_RATE_LIMIT = envint("API_RATE_LIMIT", 120)
API_RATE_WINDOW = max(1, envint("API_RATE_WINDOW", 60))

# Room for a pasted article of 5 MB (the form refuses more with a message) and its review form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12_000_000
# The review of an article posts about 35 fields per meeting, up to about 170 with 30
# participants and 20 topics, for up to 50 meetings (meetings.intake.forms): 1,000, Django's
# default, lost the review of 26 meetings. Beyond this the intake answers with a message.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The article form fetches a pasted URL only when this is on (timeout, size cap, public
# addresses only); otherwise the editor pastes the text or uploads the saved page.
INTAKE_ALLOW_FETCH = envbool("INTAKE_ALLOW_FETCH", False)
# ...within this many seconds by the wall clock, redirects included (well inside gunicorn's 30)
INTAKE_FETCH_SECONDS = envint("INTAKE_FETCH_SECONDS", 10)

# Where readers report an error in a record: an email address (the pages link to it with a
# subject naming the record) or a web address (a form, an issue tracker). The default is a
# placeholder on a reserved domain: set it for a real site.
CORRECTIONS_ADDRESS = os.environ.get("CORRECTIONS_ADDRESS", "").strip() or "corrections@example.org"

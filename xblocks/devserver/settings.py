"""Workbench settings for `seminar serve` and the test suite.

The workbench's own settings, plus: a data directory (SEMINAR_VAR_DIR, default ./var) that
holds the database and the install's own secret key, the learner's language from
`?lang=xx`, staff users, and the seminar's course scenarios.
"""

import os
from pathlib import Path

from workbench.settings import *  # noqa: F403  (the workbench's settings are the base)
from workbench.settings import INSTALLED_APPS, MIDDLEWARE, TEMPLATES, WORKBENCH

from .secret import install_secret_key

VAR_DIR = Path(os.environ.get("SEMINAR_VAR_DIR", "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)

# The quiz's attempt claims live in the default cache and must outlive a racing request:
# Django culls a third of a cache past MAX_ENTRIES (300 by default), which with a few
# hundred learners submitting evicted a claim and let a double submission through.
CACHE_OPTIONS = {"MAX_ENTRIES": 1_000_000}
if "WORKBENCH_DATABASES" not in os.environ:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "workbench.db"),
            # A writer waits up to 30 s for the write lock (storage.py serialises writes)
            # instead of failing after 5 with "database is locked".
            "OPTIONS": {"timeout": 30},
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": CACHE_OPTIONS,
        }
    }
else:
    # Several server processes (gunicorn) need one cache, as Open edX has: the quiz's
    # attempt claims live there. Run `createcachetable` after `migrate`.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "seminar_cache",
            "OPTIONS": CACHE_OPTIONS,
        }
    }

DEBUG = os.environ.get("SEMINAR_DEBUG", "true").lower() == "true"
# Each install has its own key (var/secret_key), never one published with the source.
SECRET_KEY = os.environ.get("SEMINAR_SECRET_KEY") or install_secret_key(VAR_DIR)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]

INSTALLED_APPS = [*INSTALLED_APPS, "xblocks.devserver"]
MIDDLEWARE = [
    *MIDDLEWARE[:2],
    "django.middleware.locale.LocaleMiddleware",
    "xblocks.devserver.middleware.QueryLanguageMiddleware",
    "xblocks.devserver.middleware.CacheStaticMiddleware",
    *MIDDLEWARE[2:],
]
TEMPLATES[0]["DIRS"].insert(0, str(Path(__file__).parent / "templates"))

LANGUAGES = [
    ("en", "English"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
    ("pt-br", "Português"),
]
LANGUAGE_CODE = "en"

# Only the workbench's floor block (used by the benchmarks) among its samples.
EXCLUDED_XBLOCKS = {
    "allscopes_demo",
    "attempts_scoreboard_demo",
    "equality_demo",
    "filethumbs",
    "html_demo",
    "problem_demo",
    "sidebar_demo",
    "slider_demo",
    "textinput_demo",
    "thumbs",
    "view_counter_demo",
}

WORKBENCH = {
    **WORKBENCH,
    "services": {**WORKBENCH["services"], "user": "xblocks.devserver.services.DevUserService"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "level": "WARNING"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

XBLOCK_SETTINGS = {}

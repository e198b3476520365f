"""The LMS's test settings (lms.envs.test) on SQLite and mongomock."""

from .base import NoMigrations, install_mongomock, no_frontend_build, sqlite

install_mongomock()

from lms.envs.test import *  # noqa: E402, F403

DATABASES = {
    "default": {**sqlite("lms"), "ATOMIC_REQUESTS": True},
    "student_module_history": sqlite("lms_history"),
}
MIGRATION_MODULES = NoMigrations()
FEATURES["ENABLE_XBLOCK_VIEW_ENDPOINT"] = True  # noqa: F405
no_frontend_build()

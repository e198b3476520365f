"""Studio's test settings (cms.envs.test) on SQLite and mongomock, with course search on."""

from .base import NoMigrations, install_mongomock, no_frontend_build, sqlite

install_mongomock()

from cms.envs.test import *  # noqa: E402, F403

DATABASES = {"default": {**sqlite("cms"), "ATOMIC_REQUESTS": True}}
MIGRATION_MODULES = NoMigrations()
FEATURES["ENABLE_COURSEWARE_INDEX"] = True  # noqa: F405
no_frontend_build()

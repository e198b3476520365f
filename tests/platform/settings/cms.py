"""Studio's test settings (cms.envs.test) on SQLite and mongomock, with course search on."""

from .base import NoMigrations, install_mongomock, no_frontend_build, sqlite

install_mongomock()

from cms.envs.test import *  # noqa: E402, F403

DATABASES = {"default": {**sqlite("cms"), "ATOMIC_REQUESTS": True}}
MIGRATION_MODULES = NoMigrations()
FEATURES["ENABLE_COURSEWARE_INDEX"] = True  # noqa: F405
no_frontend_build()
# In production Studio and the LMS share one database: Studio's publish listener reads the
# LMS's credentials configuration table, so that table is made here too.
INSTALLED_APPS.append("openedx.core.djangoapps.credentials.apps.CredentialsConfig")  # noqa: F405

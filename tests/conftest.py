"""Test set-up shared by every layer: Django with the workbench settings, a fresh database."""

import os
import tempfile

import pytest

# Each test run gets its own workbench database, away from a developer's var/.
os.environ.setdefault("SEMINAR_VAR_DIR", tempfile.mkdtemp(prefix="seminar-tests-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xblocks.devserver.settings")

import django

django.setup()


@pytest.fixture(scope="session")
def workbench_db():
    """The workbench's tables, migrated once per test session."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, run_syncdb=True, verbosity=0)

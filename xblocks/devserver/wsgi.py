"""WSGI entry point of the dev server, for running it under gunicorn (load tests)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xblocks.devserver.settings")

application = get_wsgi_application()


def _load_scenarios_once():
    """Load the scenarios before gunicorn forks (with --preload), so that the workers do
    not each rewrite the shared scenario rows while the others serve requests."""
    from django.db import connections
    from workbench.scenarios import get_scenarios

    get_scenarios()
    connections.close_all()  # forked workers must open their own connections


_load_scenarios_once()

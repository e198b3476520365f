"""WSGI entry point of the dev server, for running it under gunicorn (load tests)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xblocks.devserver.settings")

application = get_wsgi_application()

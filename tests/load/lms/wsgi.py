"""The LMS for gunicorn (`--preload`), with one build of the seminar and its learners.

MongoDB is mongomock, in the process (tests/platform/settings/base.py): the course is
imported once in gunicorn's master, before it forks its workers, so that every worker
holds the same modulestore. The master also makes the learners (users, enrolments, and a
login each, as the LMS's login leaves it), since only it has the course. Celery's tasks
are then sent nowhere, as to a broker whose workers are elsewhere. SEMINAR_LOAD_BUILD is
`custom` or `portable`; SEMINAR_LOAD_LEARNERS how many; the keys and session cookies the
learners need go to the JSON file SEMINAR_LOAD_PLAN names.
"""

import json
import logging
import os
import tempfile
from pathlib import Path
from types import SimpleNamespace

import django

django.setup()
logging.disable(logging.ERROR)  # as in the bench: the platform's test-settings noise

import webpack_loader.utils  # noqa: E402, F401 - the core blocks read it as an attribute
from celery.app.task import Task  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

from tests.load.lms.course import import_build, make_learners  # noqa: E402

plan = import_build(os.environ["SEMINAR_LOAD_BUILD"], Path(tempfile.mkdtemp()))
plan["cookies"] = make_learners(plan["course"], int(os.environ["SEMINAR_LOAD_LEARNERS"]))
Path(os.environ["SEMINAR_LOAD_PLAN"]).write_text(json.dumps(plan))
Task.apply_async = lambda task, *args, **kwargs: SimpleNamespace(id="sent")
application = get_wsgi_application()
# Loading the middleware queried the database: no connection may cross the fork (two
# workers on one socket read each other's rows), so each worker opens its own.
django.db.connections.close_all()

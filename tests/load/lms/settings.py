"""The bench's LMS settings (memory caches) on the throwaway MariaDB server of the run.

SEMINAR_LMS_DATABASES holds the server's Django DATABASES as JSON (tests/load/mariadb.py).
Each worker thread keeps its connection between requests, as production servers do.
"""

import json
import os

from tests.bench.lms.settings import *  # noqa: F403

DATABASES = json.loads(os.environ["SEMINAR_LMS_DATABASES"])
for _database in DATABASES.values():
    _database["CONN_MAX_AGE"] = 60
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# The quiz's attempt claims must be shared by every gunicorn worker, as Tutor's Redis
# `default` cache is (docs/admin.md, ATTEMPT_CLAIM_CACHE); the memory caches above are each
# worker's own, so the claims live in MariaDB, with room for every claim of the run.
CACHES["seminar_claims"] = {  # noqa: F405
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "seminar_claims",
    "OPTIONS": {"MAX_ENTRIES": 1_000_000},
}
XBLOCK_SETTINGS = {"QuizBlock": {"ATTEMPT_CLAIM_CACHE": "seminar_claims"}}

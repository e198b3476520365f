"""What the LMS and Studio settings share: in-process MongoDB, work folder, no migrations."""

import os
import tempfile
from pathlib import Path

import mongomock
import pymongo
from mongomock.gridfs import enable_gridfs_integration

# The platform's test settings name their folders relative to the working directory
# (test_root/...): each test run works in a folder of its own.
WORK = Path(os.environ.setdefault("SEMINAR_PLATFORM_WORK", tempfile.mkdtemp(prefix="platform-")))
for folder in ("test_root/data", "test_root/uploads", "test_root/staticfiles", "test_root/db"):
    (WORK / folder).mkdir(parents=True, exist_ok=True)
os.chdir(WORK)

enable_gridfs_integration()
_STORE = {}


def _shared_client(*args, **kwargs):
    """One in-memory server per process: the modulestore and contentstore see one data set."""
    kwargs.pop("document_class", None)
    client = mongomock.MongoClient(*args, **kwargs)
    if "store" in _STORE:
        client._store = _STORE["store"]
    else:
        _STORE["store"] = client._store
    return client


def install_mongomock():
    pymongo.MongoClient = _shared_client


class NoMigrations:
    """Tables from the models (the platform's tests run with --nomigrations)."""

    def __contains__(self, app):
        return True

    def __getitem__(self, app):
        return None


def sqlite(name):
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(WORK / f"{name}.sqlite3")}


def no_frontend_build():
    """No `npm run build` here, so no webpack-stats.json: every bundle renders as nothing."""
    import webpack_loader.loader

    webpack_loader.loader.WebpackLoader.get_bundle = lambda self, bundle_name: []

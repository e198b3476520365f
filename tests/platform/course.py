"""The seminar as an admin gets it: `seminar build` run in the platform's environment."""

import subprocess
import sys
import tarfile
from pathlib import Path

OURS = ("seminar_lecture", "seminar_faq", "seminar_quiz")
PASSWORD = "pw-Seminar-2026"


def seminar(*args, cwd=None):
    """The `seminar` console script of this environment; fails the test on a non-zero exit."""
    script = Path(sys.executable).with_name("seminar")
    return subprocess.run([str(script), *args], check=True, capture_output=True, text=True, cwd=cwd)


def build(folder, *options):
    """Build the course tarball into `folder` and unpack it; the unpacked course/ folder."""
    seminar("build", "-o", str(folder), *options)
    (tarball,) = Path(folder).glob("*.tar.gz")
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="data")
    return Path(folder)


def make_tables():
    from django.core.management import call_command
    from django.db import connections

    for database in connections:
        call_command("migrate", run_syncdb=True, interactive=False, verbosity=0, database=database)


def import_course(root, user_id):
    """Import the course under root/course/ as Studio's import task does."""
    from xmodule.contentstore.django import contentstore
    from xmodule.modulestore.django import modulestore
    from xmodule.modulestore.xml_importer import import_course_from_xml

    (course,) = import_course_from_xml(
        modulestore(), user_id, str(root), ["course"], load_error_blocks=False,
        static_content_store=contentstore(), create_if_not_present=True, raise_on_failure=True,
    )  # fmt: skip
    return course.id


def make_user(username, course_key=None, role=None, **flags):
    """A user with a profile (the platform needs one), enrolled with `role` if given."""
    from common.djangoapps.student.models import CourseEnrollment, UserProfile
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", PASSWORD, **flags
    )
    UserProfile.objects.create(user=user, name=username)
    if course_key is not None:
        CourseEnrollment.enroll(user, course_key)
        if role is not None:
            role(course_key).add_users(user)
    return user


def client_for(user):
    from django.test import Client

    client = Client()
    assert client.login(username=user.username, password=PASSWORD)  # force_login: 401
    return client

"""Adapts the workbench to the seminar when Django starts."""

from django.apps import AppConfig


class DevServerConfig(AppConfig):
    name = "xblocks.devserver"
    label = "seminar_devserver"

    def ready(self):
        from django.apps import apps
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate
        from workbench import runtime, scenarios

        from . import storage
        from .course_scenarios import add_course_scenarios

        # Concurrent learners must not corrupt state or meet "database is locked".
        runtime.WORKBENCH_KVS = storage.ClassroomKeyValueStore()
        connection_created.connect(storage.tune_sqlite)
        post_migrate.connect(
            storage.ensure_one_row_per_key, sender=apps.get_app_config("workbench")
        )

        # The workbench stamps `due = now` on every block it renders, which would close
        # every quiz at once; due dates must come from the OLX, as in Open edX.
        runtime.WorkbenchRuntime._patch_xblock = lambda self, block: None

        original_init = scenarios.init_scenarios

        def init_with_course():
            original_init()
            add_course_scenarios()

        scenarios.init_scenarios = init_with_course

"""Adapts the workbench to the seminar when Django starts."""

from django.apps import AppConfig


class DevServerConfig(AppConfig):
    name = "xblocks.devserver"
    label = "seminar_devserver"

    def ready(self):
        from workbench import runtime, scenarios

        from .course_scenarios import add_course_scenarios

        # The workbench stamps `due = now` on every block it renders, which would close
        # every quiz at once; due dates must come from the OLX, as in Open edX.
        runtime.WorkbenchRuntime._patch_xblock = lambda self, block: None

        original_init = scenarios.init_scenarios

        def init_with_course():
            original_init()
            add_course_scenarios()

        scenarios.init_scenarios = init_with_course

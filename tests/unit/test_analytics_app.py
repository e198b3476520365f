"""The analytics plugin app without the platform or event-routing-backends (xblocks/analytics)."""

import re
import sys
from importlib import import_module
from importlib.metadata import entry_points
from importlib.util import find_spec
from pathlib import Path
from types import SimpleNamespace

import pytest

import xblocks
from xblocks.analytics import settings as analytics_settings
from xblocks.analytics.apps import SeminarAnalyticsConfig
from xblocks.analytics.events import XAPI_EVENTS

PUBLISHED = re.compile(r"""runtime\.publish\(\s*self,\s*["']([\w.]+)["']""")
PLATFORM_EVENTS = {"grade", "completion"}  # the platform's own, transformed by ERB itself


def published_event_names():
    root = Path(xblocks.__file__).parent
    return {name for path in root.rglob("*.py") for name in PUBLISHED.findall(path.read_text())}


def test_every_event_a_block_publishes_has_a_transformer_and_none_is_left_over():
    names = published_event_names()
    assert "seminar.quiz.submitted" in names  # the pattern finds the calls at all
    assert names - PLATFORM_EVENTS == set(XAPI_EVENTS)


@pytest.mark.parametrize("group", ["lms.djangoapp", "cms.djangoapp"])
def test_the_platform_finds_the_app_and_its_settings_through_the_entry_points(group):
    (entry,) = [ep for ep in entry_points(group=group) if ep.name == "seminar_analytics"]
    app = entry.load()
    assert app is SeminarAnalyticsConfig
    relative = app.plugin_app["settings_config"][group]["common"]["relative_path"]
    module = import_module(f"{app.name}.{relative}")  # as edx_django_utils resolves it
    assert module.plugin_settings is analytics_settings.plugin_settings


def test_without_event_routing_backends_ready_registers_nothing():
    assert find_spec("event_routing_backends") is None  # this env has no ERB
    SeminarAnalyticsConfig("xblocks.analytics", sys.modules["xblocks.analytics"]).ready()
    assert "xblocks.analytics.xapi" not in sys.modules


def test_plugin_settings_extend_the_allowlist_once_and_keep_what_was_there():
    settings = SimpleNamespace(EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS=["problem_check"])
    analytics_settings.plugin_settings(settings)
    analytics_settings.plugin_settings(settings)
    allowed = settings.EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS
    assert allowed == ["problem_check", *XAPI_EVENTS]


def test_plugin_settings_without_erb_start_the_list_and_touch_no_backend():
    settings = SimpleNamespace(EVENT_TRACKING_BACKENDS={"tracking_logs": {}})
    analytics_settings.plugin_settings(settings)
    assert settings.EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS == list(XAPI_EVENTS)
    assert settings.EVENT_TRACKING_BACKENDS == {"tracking_logs": {}}

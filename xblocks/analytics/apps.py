"""The Django app the platform loads through our `lms.djangoapp` / `cms.djangoapp` entry points.

The platform adds every such app to INSTALLED_APPS in the LMS, Studio and their Celery
workers, and applies its settings module (see `settings.py`). Registering the transformers
in `ready()` puts them in every process that routes events, not only in one that happened
to load a block class. Without event-routing-backends the app does nothing.
"""

from importlib.util import find_spec

from django.apps import AppConfig

# edx_django_utils.plugins' keys written out (PluginSettings.CONFIG, .RELATIVE_PATH): this
# package must import without the platform.
SETTINGS = {"common": {"relative_path": "settings"}}


class SeminarAnalyticsConfig(AppConfig):
    name = "xblocks.analytics"
    label = "seminar_analytics"
    verbose_name = "Seminar analytics"
    plugin_app = {"settings_config": {"lms.djangoapp": SETTINGS, "cms.djangoapp": SETTINGS}}

    def ready(self):
        if find_spec("event_routing_backends") is None:
            return
        from . import xapi  # noqa: F401  (registering is what importing it does)

"""Plugin settings: put our event names on event-routing-backends' xAPI allowlist.

ERB transforms only the events named in EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS, from
which its own plugin settings build the `event_transformer` tracking backend. The platform
applies the plugins' settings in no fixed order, so this works either way: before ERB's,
the names are on the list ERB extends; after, the backend is rebuilt with ERB's own helper.
"""

from .events import XAPI_EVENTS

ALLOWED_XAPI = "EVENT_TRACKING_BACKENDS_ALLOWED_XAPI_EVENTS"
ALLOWED_CALIPER = "EVENT_TRACKING_BACKENDS_ALLOWED_CALIPER_EVENTS"


def plugin_settings(settings):
    allowed = list(getattr(settings, ALLOWED_XAPI, None) or [])
    setattr(settings, ALLOWED_XAPI, allowed + [name for name in XAPI_EVENTS if name not in allowed])
    backends = getattr(settings, "EVENT_TRACKING_BACKENDS", None) or {}
    if "event_transformer" not in backends:
        return
    from event_routing_backends.utils.settings import event_tracking_backends_config

    caliper = list(getattr(settings, ALLOWED_CALIPER, None) or [])
    xapi = getattr(settings, ALLOWED_XAPI)
    backends.update(event_tracking_backends_config(settings, xapi, caliper))
    settings.EVENT_BUS_TRACKING_LOGS = {*getattr(settings, "EVENT_BUS_TRACKING_LOGS", ()), *xapi}

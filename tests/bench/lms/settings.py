"""The platform tier's LMS settings, with caches as a production LMS has them.

The platform's test settings make every cache a DummyCache, so each request rebuilds what
a running LMS keeps in memcached or Redis (course structures, block structures, waffle
values). Both the custom and the portable course would pay that on every render; the
bench gives them in-process memory caches instead, which is closer to what learners get.
"""

from tests.platform.settings.lms import *  # noqa: F403

CACHES = {
    name: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}
    for name in CACHES  # noqa: F405
}

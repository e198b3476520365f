"""Unit-test blocks share one usage id, so each test starts with no attempt claims."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _no_attempt_claims():
    caches["default"].clear()

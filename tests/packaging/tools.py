"""What the packaging tests share."""

import os

import pytest


def need(condition, why):
    """Skip where the tools are missing, except in `tox -e package`, where that fails."""
    if condition:
        return
    if os.environ.get("TOX_ENV_NAME") == "package":
        pytest.fail(why)
    pytest.skip(why)

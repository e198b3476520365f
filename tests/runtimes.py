"""Runtimes for tests: a light one for unit tests and the real workbench for integration.

`make_block(BlockClass, **fields)` gives a block on the light runtime; `workbench_block`
and `call_handler` go through the xblock-sdk WorkbenchRuntime with real webob requests.
"""

import json

import webob
from xblock.field_data import DictFieldData
from xblock.fields import ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import NullI18nService
from xblock.test.tools import TestRuntime

from xblocks.common.services import ANONYMOUS_USER_ID, USER_IS_STAFF


class StaticUserService(UserService):
    def __init__(self, user_id, staff=False):
        user = XBlockUser(is_current_user=True, full_name=user_id)
        user.opt_attrs[USER_IS_STAFF] = staff
        user.opt_attrs[ANONYMOUS_USER_ID] = f"anon-{user_id}"
        super().__init__(user=user)

    def get_current_user(self):
        return self._user


class UnitRuntime(TestRuntime):
    """An in-memory runtime that records published events."""

    def __init__(self, user_id="student_1", staff=False, services=None):
        self.events = []
        all_services = {
            "field-data": DictFieldData({}),
            "i18n": NullI18nService(),
            "user": StaticUserService(user_id, staff),
            **(services or {}),
        }
        super().__init__(services=all_services)

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri):
        return f"/resource/{block.scope_ids.block_type}/{uri}"

    def publish(self, block, event_type, event_data):
        self.events.append((event_type, event_data))


def make_block(block_class, user_id="student_1", staff=False, runtime=None, **fields):
    """A block of `block_class` with `fields` set, on a fresh UnitRuntime."""
    runtime = runtime or UnitRuntime(user_id=user_id, staff=staff)
    block_type = block_class.__name__.lower()
    scope_ids = ScopeIds(user_id, block_type, f"def-{block_type}", f"usage-{block_type}")
    block = runtime.construct_xblock_from_class(block_class, scope_ids)
    for name, value in fields.items():
        setattr(block, name, value)
    return block


def json_request(data, method="POST"):
    request = webob.Request.blank("/")
    request.method = method
    request.body = data if isinstance(data, bytes) else json.dumps(data).encode()
    request.content_type = "application/json"
    return request


def call_handler(block, handler_name, data, method="POST"):
    """Call a handler through the block's runtime; returns (status, parsed JSON), or
    (status, text) for a handler that answers with a file (a CSV)."""
    response = block.runtime.handle(block, handler_name, json_request(data, method))
    if response.content_type not in ("application/json", None, ""):
        return response.status_code, response.text
    return response.status_code, json.loads(response.body or b"null")


def workbench_block(xml, user_id="student_1"):
    """Parse OLX into the real workbench runtime and load it as `user_id`."""
    from workbench.runtime import WorkbenchRuntime

    runtime = WorkbenchRuntime(user_id)
    usage_id = runtime.parse_xml_string(xml)
    return runtime.get_block(usage_id)


def as_user(block, user_id):
    """The same block, loaded by another learner through a new workbench runtime."""
    from workbench.runtime import WorkbenchRuntime

    return WorkbenchRuntime(user_id).get_block(block.scope_ids.usage_id)

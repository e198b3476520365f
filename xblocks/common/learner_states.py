"""Read every learner's user_state of a block: how staff counts stay exact.

Blocks count votes and answers by reading each learner's own row when staff ask, never
with a shared tally that concurrent requests would overwrite (see the FAQ's votes and the
quiz's statistics). Open edX: the LMS's user-state client, the store the instructor
reports read. The xblock-sdk workbench: its XBlockState table. Elsewhere: None.
"""

import json


def iter_learner_states(block):
    """(learner key, user_state dict) for every learner with state in `block`, or None."""
    for source in (_openedx_states, _workbench_states):
        states = source(block)
        if states is not None:
            return states
    return None


def _openedx_states(block):
    try:
        from lms.djangoapps.courseware.user_state_client import DjangoXBlockUserStateClient
    except ImportError:
        return None
    client = DjangoXBlockUserStateClient()
    states = client.iter_all_for_block(block.scope_ids.usage_id)  # user_state by default
    return ((state.username, state.state) for state in states)


def _workbench_states(block):
    try:
        from workbench.models import XBlockState
        from workbench.runtime import WorkbenchRuntime
    except ImportError:
        return None
    if not isinstance(block.runtime, WorkbenchRuntime):
        return None
    rows = (
        XBlockState.objects.filter(
            scope="usage", scope_id=str(block.scope_ids.usage_id), user_id__isnull=False
        )
        .order_by("id")
        .values_list("user_id", "state")
    )
    return ((user_id, json.loads(state or "{}")) for user_id, state in rows.iterator())

"""One submission per attempt, even when two requests race for it.

Open edX and the workbench keep a learner's state in one database row per (learner,
block) that every request reads, changes and writes back; two submissions sent at once
both read "attempt 2 of 3" and would both be graded. Two guards stop that:

1. The client sends the attempt number it is submitting (the stored `attempts` it was
   shown). A request whose number is not the stored one is stale (another tab or
   device submitted first) and is refused with 409.
2. Two requests that read the same state before either wrote it pass guard 1 together,
   so each must also claim "attempt N of this learner on this block" with an atomic
   cache `add`, which exactly one caller wins. The key holds only the attempt number the
   request was checked against: a runtime may read each field separately (the workbench
   does), so any second field could already show the winner's write. Memcached and Redis
   (what Open edX uses, shared by every worker) make `add` atomic across processes; the
   workbench's local-memory cache makes it atomic across the threads of its one process.

The cache must keep a claim for its minute: one that evicts early (Django's database or
local-memory cache past a small MAX_ENTRIES culls a third of its keys) lets the loser of
a race in. The load test (tests/load) caught exactly that.

A claim is released when the submission fails before its state is saved. Once saved,
guard 1 refuses anything still holding the old number, so the claim may simply expire.
It lives for a minute, far longer than a request: an attempt number comes back only when
an instructor resets attempts, and a learner who submits within that minute of their
previous claim is asked to reload and try again.
"""

import hashlib
import logging

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache

CLAIM_SECONDS = 60
DEFAULT_CACHE = "default"
log = logging.getLogger(__name__)
_warned_aliases = set()


class AttemptClaim:
    """The right to grade one attempt of one learner on one block."""

    def __init__(self, block, attempt, cache_alias=DEFAULT_CACHE):
        self.cache = caches[cache_alias]
        if isinstance(self.cache, DummyCache) and cache_alias not in _warned_aliases:
            _warned_aliases.add(cache_alias)
            # It keeps nothing, so every claim is granted: say so where admins look.
            log.warning(
                "ATTEMPT_CLAIM_CACHE %r keeps nothing: racing submissions both count", cache_alias
            )
        identity = "\x1f".join(
            str(part) for part in (block.scope_ids.usage_id, block.scope_ids.user_id, attempt)
        )
        # Hashed: memcached keys must be short and free of spaces and control characters.
        self.key = "seminar_quiz.claim." + hashlib.sha256(identity.encode()).hexdigest()
        self.held = False

    def acquire(self):
        self.held = bool(self.cache.add(self.key, 1, CLAIM_SECONDS))
        return self.held

    def release(self):
        if self.held:
            self.cache.delete(self.key)
            self.held = False

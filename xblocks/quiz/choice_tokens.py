"""Choice ids as the browser sees them: opaque, so the page does not give away authored order.

Authors often put the correct choice in the same place, and authored ids ("a", "b", ...)
follow that order, so even shuffled choices would tell a learner reading the HTML where
the answer was written. The browser gets a keyed hash of each id instead (the server's
secret and the block; the same for every learner, so the mobile apps' cached block data
carries it too), and the handlers map it back. Stored responses, events and reports keep
the authored ids, so rescoring never depends on the secret.
"""

import hashlib
import hmac

from django.conf import settings


class ChoiceTokens:
    def __init__(self, scope_ids):
        seed = f"{settings.SECRET_KEY}\0{scope_ids.usage_id}"
        self.key = hashlib.sha256(seed.encode()).digest()
        self.known = {}  # a render asks for each token twice (form and learner state)

    def token(self, question_id, choice_id):
        ids = (question_id, choice_id)
        if ids not in self.known:
            message = f"{question_id}\0{choice_id}".encode()
            self.known[ids] = "c" + hmac.new(self.key, message, hashlib.sha256).hexdigest()[:8]
        return self.known[ids]

    def tokens(self, question):
        """The tokens of a question's choices, in the question's order."""
        return [self.token(question["id"], choice["id"]) for choice in question["choices"]]

    def to_browser(self, question, response):
        """A stored response with choice ids replaced by their tokens."""
        if not question["choices"] or response is None:
            return response
        if isinstance(response, list):
            return [self.token(question["id"], choice_id) for choice_id in response]
        return self.token(question["id"], response)

    def from_browser(self, question, value):
        """A submitted value with tokens replaced by choice ids; anything else unchanged
        (the mobile apps send authored ids; check_response refuses what is not a choice)."""
        if not question["choices"]:
            return value
        ids = dict(zip(self.tokens(question), (c["id"] for c in question["choices"]), strict=True))
        if isinstance(value, list):
            return [ids.get(item, item) if isinstance(item, str) else item for item in value]
        return ids.get(value, value) if isinstance(value, str) else value

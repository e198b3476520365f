"""JSON handlers that answer bad input with a 4xx JSON error and change nothing."""

import functools
import json

from webob import Response
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError

from .services import user_is_staff

MAX_BODY_BYTES = 64 * 1024
# No handler reads deeper than a quiz in the editor (fields.questions[n].choices[n].text);
# a deeper request is refused before any code walks it (str() or deepcopy() of a
# thousand-level list raises RecursionError, which would be a 500).
MAX_DEPTH = 16


def json_api(*, max_bytes=MAX_BODY_BYTES, staff_only=False, methods=("POST",)):
    """Decorate `func(self, data, suffix)`: parse, bound and authorise the request.

    The handler raises JsonHandlerError(status, message) for invalid data; it must
    validate everything before it writes any field, so an error leaves no trace.
    """

    def decorate(func):
        @XBlock.handler
        @functools.wraps(func)
        def wrapper(self, request, suffix=""):
            _ = self.gettext
            if request.method not in methods:
                return error(405, _("This action needs a POST request."))
            # A declared length is checked before the body is read into memory.
            if (request.content_length or 0) > max_bytes:
                return error(413, _("The request is too large."))
            body = request.body or b""
            if len(body) > max_bytes:
                return error(413, _("The request is too large."))
            if staff_only and not user_is_staff(self):
                return error(403, _("Only course staff can do this."))
            if request.method == "GET":
                data = dict(request.GET)
            else:
                try:
                    data = json.loads(body.decode("utf-8"))
                except RecursionError:  # the parser's own limit, about 1,000 levels
                    return error(400, _("The request is nested too deeply."))
                except (UnicodeDecodeError, ValueError):
                    return error(400, _("The request is not valid JSON."))
            if not isinstance(data, dict):
                return error(400, _("The request must be a JSON object."))
            if nesting_exceeds(data, MAX_DEPTH):
                return error(400, _("The request is nested too deeply."))
            try:
                result = func(self, data, suffix)
            except JsonHandlerError as err:
                return err.get_response()
            if isinstance(result, Response):
                return result
            return json_response(result)

        return wrapper

    return decorate


def nesting_exceeds(value, limit):
    """True when lists and objects nest more than `limit` levels (walked without recursion)."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in item)
    return False


def json_response(data, status=200):
    """A JSON response in UTF-8: text in Arabic or Chinese travels at two or three bytes a
    character, not as six-byte \\u escapes. A lone surrogate (JSON input may carry one)
    cannot be UTF-8: it stays a \\u escape, which is the same JSON string."""
    body = json.dumps(data, ensure_ascii=False).encode("utf-8", "backslashreplace")
    return Response(body, status=status, content_type="application/json", charset="utf8")


def error(status, message):
    return json_response({"error": message}, status=status)


def require(condition, message, status=400):
    """Raise a 4xx JSON error unless `condition` holds."""
    if not condition:
        raise JsonHandlerError(status, message)

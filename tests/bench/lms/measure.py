"""One request through the LMS's own views, measured: server time, SQL, what it writes."""

import contextlib
import gc
import gzip
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from unittest import mock
from urllib.parse import urlencode

# What the Learning MFE's iframe asks for (frontend-app-learning: getIFrameUrl), and the
# Referer it sends, by which the LMS knows the request comes from the MFE.
IFRAME_QUERY = {"show_title": 0, "show_bookmark": 0, "recheck_access": 1, "view": "student_view"}
WRITE = re.compile(r'^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)', re.IGNORECASE)


@dataclass
class Sample:
    """One request: the CPU time the server spent on it (the test client runs the LMS in
    this thread, so other processes on the machine slow the wall clock, not this), the
    wall-clock time, SQL statements, and what it wrote or sent."""

    ms: float
    wall_ms: float
    queries: int
    writes: list  # the table of each INSERT, UPDATE or DELETE
    tasks: list = field(default_factory=list)  # Celery tasks sent, when not run eagerly

    def __add__(self, other):
        return Sample(
            self.ms + other.ms,
            self.wall_ms + other.wall_ms,
            self.queries + other.queries,
            self.writes + other.writes,
            self.tasks + other.tasks,
        )


class CeleryQueue:
    """Celery tasks sent to a broker instead of run inside the request.

    The platform's test settings run every task eagerly, in the request that sends it: a
    grade change then recalculates the subsection and course grades before the response
    goes. A production LMS sends the task to a worker. `queued()` stands in for the broker
    (a list: the send itself is not measured); the worker's own time is not counted.
    """

    def __init__(self):
        self.sent = []

    @contextlib.contextmanager
    def queued(self):
        def send(task, *args, **kwargs):
            self.sent.append(task.name.rsplit(".", 1)[-1])
            return SimpleNamespace(id=f"queued-{len(self.sent)}")  # a result, as sent

        with mock.patch("celery.app.task.Task.apply_async", send):
            yield


def measured(call, queue=None, expect=200):
    """(Sample, response) of `call()`, a test-client request that must answer `expect`."""
    # No collection of garbage left by earlier requests falls in this one, and what they
    # left alive is not scanned again by the collections this request causes.
    gc.collect()
    gc.freeze()
    with _statements() as statements:
        sent = len(queue.sent) if queue else 0
        start, cpu_start = time.perf_counter(), time.thread_time()
        response = call()
        cpu = (time.thread_time() - cpu_start) * 1000
        wall = (time.perf_counter() - start) * 1000
    assert response.status_code == expect, (response.status_code, response.content[:300])
    writes = [m[2] for sql in statements if (m := WRITE.match(sql))]
    tasks = queue.sent[sent:] if queue else []
    return Sample(cpu, wall, len(statements), writes, tasks), response


@contextlib.contextmanager
def _statements():
    """The SQL run on every database meanwhile. (Django's CaptureQueriesContext counts
    from the length of a log capped at 9,000 entries: it sees nothing once that is full.)"""
    from django.db import connections

    statements = []
    kept = {}
    for connection in connections.all():
        kept[connection] = connection.force_debug_cursor
        connection.force_debug_cursor = True
        connection.queries_log.clear()
    try:
        yield statements
    finally:
        for connection, before in kept.items():
            statements += [query["sql"] for query in connection.queries_log]
            connection.queries_log.clear()
            connection.force_debug_cursor = before


def render_url(usage_key):
    from django.urls import reverse

    path = reverse("render_xblock", kwargs={"usage_key_string": str(usage_key)})
    return f"{path}?{urlencode(IFRAME_QUERY)}"


def render(client, usage_key):
    """The unit as the MFE's iframe loads it: `render_xblock`, with the MFE's Referer."""
    from django.conf import settings

    url = render_url(usage_key)
    return measured(lambda: client.get(url, HTTP_REFERER=settings.LEARNING_MICROFRONTEND_URL))


def handler_url(usage_key, handler, suffix=""):
    from django.urls import reverse
    from openedx.core.lib.url_utils import quote_slashes

    kwargs = {
        "course_id": str(usage_key.course_key),
        "usage_id": quote_slashes(str(usage_key)),
        "handler": handler,
    }
    if suffix:
        kwargs["suffix"] = suffix
    return reverse("xblock_handler", kwargs=kwargs)


# ---------------------------------------------------------------- submissions


def handler_floor(client, unit_key, queue=None):
    """A handler request that does no work: what every handler request costs the LMS
    before a block's own work. `publish_completion`, which every block has in the LMS,
    on the unit, with completion tracking off (the test settings' default): the LMS
    loads the block, runs the handler, and it answers a JSON 404 at once."""
    url = handler_url(unit_key, "publish_completion")
    call = lambda: client.post(url, "{}", content_type="application/json")  # noqa: E731
    return measured(call, queue, expect=404)[0]


def our_submission(user, quiz_key):
    """The JSON our quiz's page posts when a learner answers every question correctly
    (tokens for choices are the learner's own, so this is made for each learner)."""
    from tests.platform.lms.handlers import correct_answers

    answers, attempt = correct_answers(user, quiz_key)
    return {"answers": answers, "attempt": attempt}


def submit_ours(client, quiz_key, payload, queue):
    import json

    url = handler_url(quiz_key, "submit")
    body = json.dumps(payload)
    return measured(lambda: client.post(url, body, content_type="application/json"), queue)[0]


def capa_answers(user, problem_key):
    """The form capa's page posts to `problem_check` with every answer correct."""
    from xmodule.capa.responsetypes import ChoiceResponse, StringResponse

    from tests.platform.lms.conftest import lms_block

    problem = lms_block(user, problem_key)
    form = []
    for responder in problem.lcp.responders.values():
        for answer_id, answer in responder.get_answers().items():
            if isinstance(responder, ChoiceResponse):
                form += [(f"input_{answer_id}[]", choice) for choice in answer]
            elif isinstance(responder, StringResponse):  # its answers joined for display
                form.append((f"input_{answer_id}", responder.correct_answer[0]))
            else:
                value = answer[0] if isinstance(answer, list) else answer
                form.append((f"input_{answer_id}", value))
    return urlencode(form)


def check_capa(client, problem_key, form, queue):
    url = handler_url(problem_key, "xmodule_handler", "problem_check")
    call = lambda: client.post(  # noqa: E731
        url, form, content_type="application/x-www-form-urlencoded"
    )
    sample, response = measured(call, queue)
    assert response.json().get("success") == "correct", response.content[:300]
    return sample


# ---------------------------------------------------------------- page bytes


@dataclass
class PageBytes:
    first: tuple  # (decoded, gzip): the page and every file it links that exists here
    repeat: tuple  # (decoded, gzip): the page alone, its files cached
    bundles: tuple  # webpack bundles the page asks for (none is built here)
    unbuilt: tuple  # linked files this copy has no build of (the same on every page)


LINKED = re.compile(
    r"""<(?:script[^>]*\ssrc|link[^>]*rel=["']stylesheet["'][^>]*\shref)=["']([^"']+)["']"""
)


def page_bytes(html, bundles):
    """What the MFE's iframe loads for a page: the page, then each script and stylesheet
    it links, read where collectstatic would collect them from."""
    from django.conf import settings

    bodies, unbuilt = [html], []
    for url in sorted(set(LINKED.findall(html.decode()))):
        source = None
        if url.startswith(settings.STATIC_URL):
            source = static_source(url.removeprefix(settings.STATIC_URL).split("?")[0])
        if source:
            bodies.append(Path(source).read_bytes())
        else:
            unbuilt.append(url)  # a built bundle or the MathJax CDN: on every page
    return PageBytes(_sizes(bodies), _sizes([html]), tuple(sorted(bundles)), tuple(unbuilt))


def static_source(path):
    """The file collectstatic would copy to STATIC_ROOT/<path>, or None.

    As collectstatic names them: an XBlock's files under their storage's prefix (the
    XBlock finder's own find() does not strip it), the core blocks' CSS from
    xmodule/static/ (a folder the LMS's production settings list and its test settings
    leave out), the rest through the configured finders.
    """
    from django.conf import settings
    from django.contrib.staticfiles import finders

    xblocks = finders.get_finder("openedx.core.lib.xblock_pipeline.finder.XBlockPipelineFinder")
    for storage in xblocks.package_storages:
        name = path.removeprefix(storage.prefix + "/")
        if name != path and storage.exists(name):
            return storage.path(name)
    builtin = Path(settings.REPO_ROOT) / "xmodule" / "static" / path
    if builtin.is_file():
        return builtin
    return finders.find(path)


def _sizes(bodies):
    return (
        sum(len(body) for body in bodies),
        sum(len(gzip.compress(body, compresslevel=6)) for body in bodies),
    )


@contextlib.contextmanager
def bundles_asked():
    """The webpack bundle names asked for while rendering: this copy has no frontend build,
    so each one renders as nothing (tests/platform/settings/base.py)."""
    import webpack_loader.loader

    asked = set()
    original = webpack_loader.loader.WebpackLoader.get_bundle

    def get_bundle(loader, bundle_name):
        asked.add(bundle_name)
        return original(loader, bundle_name)

    with mock.patch.object(webpack_loader.loader.WebpackLoader, "get_bundle", get_bundle):
        yield asked


BUNDLE_ENTRY = re.compile(r"^\s+(\w+): (\[[^\]]*\]|'[^']*')", re.MULTILINE)


def bundle_sources():
    """{bundle: (decoded, gzip) bytes of its entry source files}, from the platform's
    webpack configs: unminified, and without what they import, so a rough size only."""
    from django.conf import settings

    root = Path(settings.REPO_ROOT)
    sizes = {}
    for config in ("webpack.builtinblocks.config.js", "webpack.common.config.js"):
        for name, entries in BUNDLE_ENTRY.findall((root / config).read_text()):
            files = [root / path for path in re.findall(r"'(\./[^']+)'", entries)]
            if files and all(path.is_file() for path in files):
                sizes.setdefault(name, _sizes([b"".join(path.read_bytes() for path in files)]))
    return sizes

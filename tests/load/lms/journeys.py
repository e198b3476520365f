"""A learner's journey through the LMS, over HTTP, in the custom or the portable build.

The same journey as the workbench's (tests/load/run_load.py), with what each build offers:
open the lecture and mark it complete (ours: the lecture's `complete`; the html block:
the LMS's `publish_completion`, as the MFE sends it once the unit has been seen); open
the FAQ (ours: search it and vote); open the quiz and answer every question (ours: its
state, then one `submit`; capa: one `problem_check` a problem). One learner in ten sends
the last submission twice at the same instant, from two windows.
"""

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import requests

from tests.bench.lms.measure import IFRAME_QUERY
from tests.load.run_load import RACERS, any_answers

MFE = "http://learning-mfe"  # the test settings' LEARNING_MICROFRONTEND_URL
TIME_LIMIT = 90 * 60  # seconds a build's learners may take: no request is sent after it


class LmsJourneys:
    def __init__(self, base_url, plan, build, quiz_fields, entry_ids):
        self.base_url = base_url
        self.plan = plan
        self.custom = build == "custom"
        self.questions = {q["id"]: q for q in quiz_fields["questions"]}
        self.entry_ids = entry_ids
        self.deadline = time.monotonic() + TIME_LIMIT
        self.latencies = {}
        self.errors = []
        self.lock = threading.Lock()
        self.expected_votes = {}  # learner -> (entry, vote)
        self.submitted = {}  # learner -> the question ids of their submission
        self.races = {}  # learner -> the statuses of their two racing requests

    def call(self, session, label, method, path, expect=(200,), **kwargs):
        if time.monotonic() > self.deadline:
            raise TimeoutError("load test time limit reached")
        start = time.perf_counter()
        response = session.request(method, self.base_url + path, timeout=120, **kwargs)
        elapsed = (time.perf_counter() - start) * 1000
        with self.lock:
            self.latencies.setdefault(label, []).append(elapsed)
            if response.status_code not in expect:
                self.errors.append(f"{label} {response.status_code} {response.text[:160]}")
        return response

    def page(self, session, unit):
        path = f"/xblock/{self.plan['units'][unit]}?{urlencode(IFRAME_QUERY)}"
        self.call(session, "page", "GET", path, headers={"Referer": MFE})

    def handler(self, session, label, block, handler, data, suffix="", expect=(200,)):
        from django.urls import reverse
        from openedx.core.lib.url_utils import quote_slashes

        kwargs = {"course_id": self.plan["course"], "usage_id": quote_slashes(block)}
        kwargs |= {"handler": handler, **({"suffix": suffix} if suffix else {})}
        headers = {"X-CSRFToken": session.cookies["csrftoken"], "Referer": self.base_url}
        if isinstance(data, str):  # a form, as capa's page posts it
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            data = json.dumps(data)
            headers["Content-Type"] = "application/json"
        path = reverse("xblock_handler", kwargs=kwargs)
        return self.call(session, label, "POST", path, expect, data=data, headers=headers)

    def learner(self, number, session):
        blocks = self.plan["blocks"]
        (lecture,) = blocks["lecture"]
        self.page(session, "lecture")
        if self.custom:
            self.handler(session, "lecture complete", lecture, "complete", {})
        else:
            completion = {"completion": 1.0}
            self.handler(session, "lecture complete", lecture, "publish_completion", completion)
        self.page(session, "faq")
        if self.custom:
            (faq,) = blocks["faq"]
            self.handler(session, "faq search", faq, "search", {"q": "payments"})
            entry = self.entry_ids[number % len(self.entry_ids)]
            vote = "no" if number % 3 == 0 else "yes"
            self.handler(session, "faq vote", faq, "vote", {"entry_id": entry, "vote": vote})
            with self.lock:
                self.expected_votes[number] = (entry, vote)
        self.page(session, "quiz")
        if self.custom:
            self.submit_ours(number, session, blocks["quiz"][0])
        else:
            self.check_capa(number, session, blocks["quiz"])

    def submit_ours(self, number, session, quiz):
        state = self.handler(session, "quiz state", quiz, "student_view_user_state", {}).json()
        answers = self.answers(state["order"])
        payload = {"answers": answers, "attempt": state["attempt"]}
        with self.lock:
            self.submitted[number] = sorted(answers)
        if number % RACERS:
            self.handler(session, "quiz submit", quiz, "submit", payload)
            return
        # Two windows submit the same attempt at once: exactly one may count.
        statuses = self.race(
            lambda: (
                self.handler(
                    session, "quiz submit (race)", quiz, "submit", payload, expect=(200, 409)
                ).status_code
            )
        )
        with self.lock:
            self.races[number] = sorted(statuses)

    def check_capa(self, number, session, problems):
        forms = self.plan["forms"]
        *first, last = problems
        for problem in first:
            self.handler(session, "problem check", problem, "xmodule_handler", forms[problem],
                         suffix="problem_check")  # fmt: skip
        check = lambda label: self.handler(  # noqa: E731
            session, label, last, "xmodule_handler", forms[last], suffix="problem_check"
        )
        if number % RACERS:
            check("problem check")
            return
        # Two windows check the same problem at once.
        statuses = self.race(lambda: check("problem check (race)").status_code)
        with self.lock:
            self.races[number] = sorted(statuses)

    @staticmethod
    def race(send):
        with ThreadPoolExecutor(2) as pair:
            return list(pair.map(lambda _n: send(), range(2)))

    def answers(self, order):
        """Any answer to each question presented, as the workbench's journeys answer."""
        return any_answers(order, self.questions)


def session_for(cookie, csrf_token):
    """A browser's session: the LMS's session cookie of a login, and a CSRF token."""
    session = requests.Session()
    # For the server's host, as its own Set-Cookie would be (or the jar holds two).
    session.cookies.set("sessionid", cookie, domain="127.0.0.1", path="/")
    session.cookies.set("csrftoken", csrf_token, domain="127.0.0.1", path="/")
    return session

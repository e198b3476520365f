"""Where the server's CPU goes in a learner's journey, by package (profiled in-process).

The load test (tests/load) plays learners against gunicorn and shows the app server is
the limit; this plays the same journeys through Django's test client under cProfile and
splits the time by the code that spent it, to show which part a faster block could save.
"""

import cProfile
import json as json_module
import pstats

from django.test import Client

from tests.load.run_load import RACERS, Journeys

LEARNERS = 40

# Requests built and answers read on the learners' side: not the server's work.
CLIENT = "the test client"
# The first matching path part names the area a function's time is counted in.
AREAS = [
    ("/django/test/", CLIENT),
    ("/tests/", CLIENT),
    ("/xblocks/", "seminar-xblocks (ours)"),
    ("/django/db/", "Django ORM"),
    ("/django/template/", "Django templates"),
    ("/workbench/", "the workbench"),
    ("/xblock/", "XBlock"),
    ("/importlib/", "entry point look-ups (importlib.metadata)"),
    ("/django/", "Django, other"),
    ("/copy.py", "deep copies (XBlock's mutable fields)"),
    ("/json/", "JSON"),
    ("/simplejson/", "JSON"),
    ("sqlite", "SQLite"),
]


OTHER = "Python and other libraries"


class ClientSession:
    """What Journeys needs of a requests.Session, over Django's test client."""

    def __init__(self):
        self.client = Client()
        self.cookies = {}

    def request(self, method, url, timeout=None, json=None, headers=None):
        if method == "GET":
            return Response(self.client.get(url))
        body = json_module.dumps(json)
        return Response(self.client.post(url, body, content_type="application/json"))


class Response:
    def __init__(self, response):
        self.status_code = response.status_code
        self.text = response.content.decode()

    def json(self):
        return json_module.loads(self.text)


def _known_area(function, areas=AREAS):
    filename, _line, name = function
    where = f"{filename}:{name}"
    for part, area in areas:
        if part in where:
            return area
    return None


def shares_by_area(stats, areas=AREAS):
    """Own time per area (`areas`: the first (path part, area) a function's file matches).
    A function of no known area (a built-in, or a standard library helper) counts for the
    areas of its callers, as much as each call site spent in it."""

    def area_of(function, depth=0):
        known = _known_area(function, areas)
        if known or depth > 20 or not stats[function][4]:
            return known or OTHER
        callers = stats[function][4]
        heaviest = max(callers, key=lambda caller: callers[caller][2])
        return area_of(heaviest, depth + 1)

    shares = {}
    for function, (_cc, _nc, own, _cumulative, callers) in stats.items():
        if _known_area(function, areas) or not callers:
            spent = {area_of(function): own}
        else:
            spent = {}
            for caller, timing in callers.items():
                area = area_of(caller)
                spent[area] = spent.get(area, 0.0) + timing[2]
        for area, seconds in spent.items():
            shares[area] = shares.get(area, 0.0) + seconds
    return shares


def journey_section():
    from xblocks.course.sources import load_course

    journeys = Journeys("", load_course())
    journeys.new_session = ClientSession
    # Racing double submissions need threads; the profile plays the plain journey.
    numbers = [n for n in range(1, LEARNERS * 2) if n % RACERS]
    journeys.learner(numbers[LEARNERS])  # warms caches, creates shared rows (as tests/load)
    profile = cProfile.Profile()
    profile.enable()
    for number in numbers[:LEARNERS]:
        journeys.learner(number)
    profile.disable()
    assert not journeys.errors, journeys.errors[:3]
    shares = shares_by_area(pstats.Stats(profile).stats)
    shares.pop(CLIENT, None)
    total = sum(shares.values())
    lines = [
        "### Where a learner's journey spends server CPU",
        "",
        f"{LEARNERS} learners' journeys (as in `tox -e load`, without the racing double "
        "submissions) through Django's test client on SQLite, under cProfile: each "
        "function's own time, by the code it belongs to, the test client's own left out. "
        "The profiler slows small functions most, so read the shares as rough.",
        "",
        "| code | share of CPU |",
        "|---|---|",
    ]
    for area, seconds in sorted(shares.items(), key=lambda item: -item[1]):
        lines.append(f"| {area} | {100 * seconds / total:.1f}% |")
    return [*lines, ""]

"""Lecture values and block factories shared by the lecture's unit tests."""

import pytest
from xblock.fields import ScopeIds

from tests.runtimes import UnitRuntime, make_block
from xblocks.lecture.block import LectureBlock

LONG_BODY = (
    "## Why payment is harder\n\nA sale abroad adds currency, customs and trust.[^1]\n\n"
    "## The steps\n\n| Step | Who |\n|---|---|\n| Checkout | Payment service |\n\n"
    "### Escrow\n\nHolding the money builds trust.\n\n"
    "## Questions\n\n- Can a small exporter be paid?\n\n[^1]: Seed 002."
)

FULL = {
    "display_name": "Getting paid across borders",
    "body": LONG_BODY,
    "speakers": [
        {
            "name": "Seminar course team",
            "role": "Module authors",
            "organisation": "seminar-xblocks",
        },
        {"name": "Guest", "role": "", "organisation": ""},
    ],
    "objectives": ["Describe one cross-border payment.", "Explain escrow."],
    "sdgs": [8, 9, 17],
    "takeaways": ["A payment is collected, held, converted and settled."],
    "video_url": "",
    "video_youtube_id": "aBcDeFgHiJk",
    "transcript": "The buyer pays; the service holds the money.",
    "handouts": [
        {"title": "Slides (PDF)", "url": "/static/slides.pdf"},
        {"title": "The 2030 Agenda", "url": "https://sdgs.un.org/2030agenda"},
    ],
}


class CourseUsageKey:
    """Enough of an Open edX UsageKey for the Studio permission check."""

    context_key = "course-v1:Seminar+SSC+2022"

    def __str__(self):
        return "block-v1:Seminar+SSC+2022+type@seminar_lecture+block@demo"


class StudioPermissions:
    def __init__(self, can_write):
        self.can_write_to = can_write
        self.asked = []

    def can_write(self, course_key):
        self.asked.append(course_key)
        return self.can_write_to


class ReplaceUrls:
    """The LMS's replace_urls service: rewrites quoted /static/ URLs to course assets."""

    def replace_urls(self, text):
        return text.replace('"/static/', '"/asset-v1:Seminar+SSC+2022+type@asset+block/')


def lecture(user_id="student_1", staff=False, services=None, **fields):
    runtime = UnitRuntime(user_id=user_id, staff=staff, services=services)
    return make_block(LectureBlock, runtime=runtime, **fields)


def studio_lecture(can_write, **fields):
    """A lecture loaded the way Studio loads it, with its permissions service."""
    runtime = UnitRuntime(services={"studio_user_permissions": StudioPermissions(can_write)})
    keys = ScopeIds("author", "seminar_lecture", "def-demo", CourseUsageKey())
    block = runtime.construct_xblock_from_class(LectureBlock, keys)
    for name, value in fields.items():
        setattr(block, name, value)
    return block


@pytest.fixture
def full_lecture():
    return lecture(**FULL)

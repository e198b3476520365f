"""Every JSON handler of every block: who may call it, a request that works, bad requests.

The access and fuzz tests read this table; a handler missing from it fails them, so a new
handler cannot ship without a decision about who may call it.
"""

from workbench.models import XBlockState

from tests.runtimes import workbench_block
from xblocks.faq.block import FaqBlock
from xblocks.faq.scenarios import SCENARIOS as FAQ_SCENARIOS
from xblocks.faq.textformat import write_faq
from xblocks.lecture.block import LectureBlock
from xblocks.lecture.scenarios import EDITABLE as LECTURE_OLX
from xblocks.lecture.validation import EDITABLE_FIELDS
from xblocks.quiz.block import QuizBlock
from xblocks.quiz.scenarios import SCENARIOS as QUIZ_SCENARIOS

LEARNER, STAFF, AUTHOR = "learner", "course staff", "author"
BLOCKS = {
    LectureBlock: LECTURE_OLX,
    FaqBlock: FAQ_SCENARIOS[0][1],
    QuizBlock: QUIZ_SCENARIOS[0][1],
}


def lecture_edit(block):
    return {name: getattr(block, name) for name in EDITABLE_FIELDS}


def faq_entry():
    return {"question": "Who answers?", "answer": "Staff.", "category": "About", "tags": []}


def content_language(block):
    return {"language": block.offered_languages()[0]}


# Every block's translation editor (common/translation_studio.py); a copy of the source
# texts is a translation that passes every check.
TRANSLATION_HANDLERS = {
    "translation_form": (AUTHOR, ("language",), lambda block: {"language": "fr"}),
    "save_translation": (
        AUTHOR,
        ("language", "texts"),
        lambda block: {"language": "fr", "texts": block.source_texts()},
    ),
}

# handler: (who may call it, the keys it reads, a request the right caller may send)
HANDLERS = {
    LectureBlock: {
        "complete": (LEARNER, (), lambda block: {}),
        "student_view_user_state": (LEARNER, (), lambda block: {}),
        "set_content_language": (LEARNER, ("language",), content_language),
        "studio_submit": (AUTHOR, EDITABLE_FIELDS, lecture_edit),
        "preview": (AUTHOR, ("body",), lambda block: {"body": "## Draft"}),
        **TRANSLATION_HANDLERS,
    },
    FaqBlock: {
        "vote": (LEARNER, ("entry_id", "vote"), lambda b: {"entry_id": "what-is-escrow"}),
        "ask": (LEARNER, ("question",), lambda block: {"question": "Is there a certificate?"}),
        "search": (LEARNER, ("q", "category", "offset", "id"), lambda block: {"q": "escrow"}),
        "log_search": (
            LEARNER,
            ("query_length", "result_count"),
            lambda block: {"query_length": 3, "result_count": 1},
        ),
        "student_view_user_state": (LEARNER, (), lambda block: {}),
        "set_content_language": (LEARNER, ("language",), content_language),
        "answers": (LEARNER, (), lambda block: {}),
        "staff_report": (STAFF, (), lambda block: {}),
        "publish_question": (
            STAFF,
            ("question_id", "entry"),
            lambda block: {"question_id": "0123456789abcdef", "entry": faq_entry()},
        ),
        "dismiss_question": (STAFF, ("question_id",), lambda b: {"question_id": "01234567"}),
        "studio_save": (
            AUTHOR,
            ("display_name", "search_mode", "entries"),
            lambda block: {
                "display_name": "Edited",
                "search_mode": "auto",
                "entries": block.entries,
            },
        ),
        "preview": (AUTHOR, ("answer",), lambda block: {"answer": "**Draft**"}),
        "import_text": (AUTHOR, ("text",), lambda block: {"text": write_faq(block.entries)}),
        "export_text": (AUTHOR, ("entries",), lambda block: {"entries": block.entries}),
        **TRANSLATION_HANDLERS,
    },
    QuizBlock: {
        "submit": (LEARNER, ("answers", "attempt"), lambda b: {"answers": {}, "attempt": 0}),
        "save_draft": (LEARNER, ("answers",), lambda block: {"answers": {}}),
        "hint": (LEARNER, ("question",), lambda block: {"question": "d1l1-definition"}),
        "reset": (LEARNER, (), lambda block: {}),
        "student_view_user_state": (LEARNER, (), lambda block: {}),
        "set_content_language": (LEARNER, ("language",), content_language),
        "statistics": (STAFF, (), lambda block: {}),
        "item_analysis_csv": (STAFF, (), lambda block: {}),
        # The exploit of issue 15: open every answer to every learner.
        "studio_submit": (
            AUTHOR,
            ("fields", "text"),
            lambda block: {"fields": {"showanswer": "always", "max_attempts": None}},
        ),
        "studio_text": (AUTHOR, ("fields", "text"), lambda block: {"fields": quiz_fields(block)}),
        "studio_parse": (AUTHOR, ("fields", "text"), lambda block: {"text": quiz_text(block)}),
        "studio_preview": (
            AUTHOR,
            ("fields", "text"),
            lambda block: {"fields": quiz_fields(block)},
        ),
        **TRANSLATION_HANDLERS,
    },
}


def quiz_fields(block):
    return block.authored_values()


def quiz_text(block):
    from xblocks.quiz.textformat import write_quiz

    return write_quiz(block.authored_values())


def handler_names(block_class):
    return sorted(
        name
        for name in dir(block_class)
        if getattr(getattr(block_class, name, None), "_is_xblock_handler", False)
    )


def cases(who=None):
    """(block class, handler name) for every handler, or those `who` may call."""
    return [
        (block_class, name)
        for block_class, handlers in HANDLERS.items()
        for name, (allowed, _keys, _request) in handlers.items()
        if who is None or allowed == who
    ]


def case_id(case):
    return f"{case[0].__name__}.{case[1]}"


def fresh_block(block_class, user_id):
    return workbench_block(BLOCKS[block_class], user_id)


def stored_state():
    """Every value the workbench stores, per (scope, scope id, user): what a call changed."""
    rows = XBlockState.objects.values_list("scope", "scope_id", "user_id", "state")
    # A row a read created holds "{}": nothing was stored.
    return {(scope, key, user): state for scope, key, user, state in rows if state != "{}"}

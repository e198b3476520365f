"""A quiz whose secrets are distinctive marker strings, shared by the quiz tests.

Every string a learner must not see before the show-answer policy allows it contains
"SECRET" (or is a number/word that appears nowhere else), so a test can search every byte
a learner receives for them.
"""

import copy

SECRETS = [
    "SECRET-EXPLANATION-SINGLE",
    "SECRET-EXPLANATION-MULTIPLE",
    "SECRET-EXPLANATION-TF",
    "SECRET-EXPLANATION-NUMERIC",
    "SECRET-EXPLANATION-TEXT",
    "SECRET-FEEDBACK-RIGHT",
    "SECRET-FEEDBACK-WRONG",
    "SECRET-FEEDBACK-MULTI",
    "4817.25",
    "zanzibarite",
    "kilimanj",
]
# A hint is not an answer, but it is only sent once the learner asks for it.
HINT_MARKER = "HINT-MARKER-ONE"

QUESTIONS = [
    {
        "id": "single",
        "type": "single",
        "prompt": "Which service holds the buyer's money until delivery?",
        "choices": [
            {
                "id": "a",
                "text": "The courier",
                "correct": False,
                "feedback": "SECRET-FEEDBACK-WRONG",
            },
            {
                "id": "b",
                "text": "An escrow agent",
                "correct": True,
                "feedback": "SECRET-FEEDBACK-RIGHT",
            },
            {"id": "c", "text": "The customs office", "correct": False, "feedback": ""},
        ],
        "answer": None,
        "hints": [HINT_MARKER, "Second hint"],
        "explanation": "SECRET-EXPLANATION-SINGLE: escrow holds the money.",
        "partial": "none",
    },
    {
        "id": "multiple",
        "type": "multiple",
        "prompt": "Which are parts of the ecosystem?",
        "choices": [
            {
                "id": "a",
                "text": "Payment services",
                "correct": True,
                "feedback": "SECRET-FEEDBACK-MULTI",
            },
            {"id": "b", "text": "Logistics", "correct": True, "feedback": ""},
            {"id": "c", "text": "A world currency", "correct": False, "feedback": ""},
            {"id": "d", "text": "Customs", "correct": True, "feedback": ""},
        ],
        "answer": None,
        "hints": [],
        "explanation": "SECRET-EXPLANATION-MULTIPLE",
        "partial": "per_choice",
    },
    {
        "id": "tf",
        "type": "true_false",
        "prompt": "Government is part of the ecosystem.",
        "choices": [
            {"id": "a", "text": "True", "correct": True, "feedback": ""},
            {"id": "b", "text": "False", "correct": False, "feedback": ""},
        ],
        "answer": None,
        "hints": [],
        "explanation": "SECRET-EXPLANATION-TF",
        "partial": "none",
    },
    {
        "id": "numeric",
        "type": "numeric",
        "prompt": "Type the magic number.",
        "choices": [],
        "answer": {"value": 4817.25, "tolerance": 0.5},
        "hints": [],
        "explanation": "SECRET-EXPLANATION-NUMERIC",
        "partial": "none",
    },
    {
        "id": "text",
        "type": "text",
        "prompt": "Name the mineral.",
        "choices": [],
        "answer": {"alternatives": ["zanzibarite", "zanzi barite"], "regex": "kilimanj[a-z]+"},
        "hints": [],
        "explanation": "SECRET-EXPLANATION-TEXT",
        "partial": "none",
    },
]

ALL_RIGHT = {
    "single": "b",
    "multiple": ["a", "b", "d"],
    "tf": "a",
    "numeric": "4817",
    "text": "Zanzibarite",
}
ALL_WRONG = {"single": "a", "multiple": ["c"], "tf": "b", "numeric": "12", "text": "basalt"}


def questions():
    return copy.deepcopy(QUESTIONS)


def quiz_fields(**overrides):
    fields = {
        "display_name": "Marker quiz",
        "questions": questions(),
        "max_attempts": 3,
        "grading": "best",
        "showanswer": "finished",
        "show_correctness": "always",
        "shuffle": False,
        "draw": 0,
        "weight": 1.0,
    }
    fields.update(overrides)
    return fields


def quiz_olx(**overrides):
    """The marker quiz as OLX, written by the block itself."""
    from lxml import etree

    from tests.runtimes import make_block
    from xblocks.quiz.block import QuizBlock

    block = make_block(QuizBlock, **quiz_fields(**overrides))
    node = etree.Element("seminar_quiz")
    block.add_xml_to_node(node)
    node.tag = "seminar_quiz"  # unit-test blocks are typed after their class
    node.attrib.pop("xblock-family", None)
    return etree.tostring(node, encoding="unicode")

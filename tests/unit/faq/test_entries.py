"""What a valid FAQ entry is: one check for text files, OLX, Studio and staff answers."""

from xblocks.faq.entries import check_entries, clean_text, group_by_category, slugify


def entry(**fields):
    return {"id": "q", "question": "Q?", "answer": "A.", "category": "C", **fields}


def test_valid_entries_are_normalised():
    entries, errors = check_entries(
        [entry(question="  Two\n lines? ", tags="pay, sdg-8", related=[], answer="\n\nA. \n")]
    )
    assert errors == []
    assert entries == [
        {
            "id": "q",
            "question": "Two lines?",
            "answer": "A.",
            "category": "C",
            "tags": ["pay", "sdg-8"],
            "related": [],
        },
    ]


def test_every_field_is_checked():
    _entries, errors = check_entries(
        [
            {
                "id": "Bad id",
                "question": "",
                "answer": " ",
                "category": "",
                "tags": ["X"],
                "related": ["nope!"],
            }
        ]
    )
    assert {field for _index, field, _message in errors} == {
        "id",
        "question",
        "answer",
        "category",
        "tags",
        "related",
    }


def test_duplicate_ids_name_the_first_entry():
    _entries, errors = check_entries([entry(), entry()])
    assert errors == [(1, "id", "The id 'q' is also used by entry 1: ids must be unique.")]


def test_related_ids_must_exist():
    _entries, errors = check_entries([entry(related=["missing"])])
    assert errors == [(0, "related", "The related id 'missing' matches no entry.")]
    assert check_entries([entry(related=["missing"])], check_related=False)[1] == []


def test_answers_may_not_hold_category_or_question_headings():
    _entries, errors = check_entries([entry(answer="Intro\n## Heading\ntext")])
    assert errors[0][1] == "answer" and "Line 2" in errors[0][2]
    assert check_entries([entry(answer="### Fine\n```\n# code\n```")])[1] == []


def test_ids_can_be_generated_from_questions_without_clashes():
    entries, errors = check_entries(
        [
            entry(id="", question="What is a pilot zone?"),
            entry(id="", question="What is a pilot zone?"),
        ],
        generate_ids=True,
        taken={"what-is-a-pilot-zone"},
    )
    assert errors == []
    assert [e["id"] for e in entries] == ["what-is-a-pilot-zone-2", "what-is-a-pilot-zone-3"]


def test_clean_text_removes_markup_but_keeps_characters():
    assert clean_text("<b>Pay</b> & ship <script>alert(1)</script>< 5") == "Pay & ship < 5"
    assert clean_text("a\x00b\n\tc") == "ab c"


def test_slugify_strips_accents_and_punctuation():
    assert slugify("¿Qué es el comercio electrónico?") == "que-es-el-comercio-electronico"
    assert slugify("???") == "entry"


def test_not_a_list_and_too_many_entries():
    assert check_entries("nope")[1][0][1] == "entries"
    assert check_entries([entry(id=f"e{i}") for i in range(10_001)])[1][0][1] == "entries"


def test_group_by_category_keeps_first_appearance_order():
    groups = group_by_category([entry(category="B"), entry(category="A"), entry(category="B")])
    assert [(name, len(items)) for name, items in groups] == [("B", 2), ("A", 1)]

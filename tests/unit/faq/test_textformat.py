"""The courses/faq/ text format: parse, write, round-trip, and errors that name the line."""

import pytest

from tests.unit.faq.helpers import course_entries, faq_files
from xblocks.faq.textformat import FaqFormatError, parse_faq, write_faq

CANONICAL = """\
# Payment

## How do payments work?
id: how-do-payments-work
tags: payment, sdg-8
related: what-is-escrow

Money moves from the buyer to the seller.

- cards
- e-wallets

## What is escrow?
id: what-is-escrow

A third party holds the money.

```bash
# a comment in code is not a category
## nor a question
```

# Logistics

## Which shipping options exist?
id: shipping-options
tags: logistics

### Post

Postal services carry small parcels.
"""


def errors_of(text):
    with pytest.raises(FaqFormatError) as caught:
        parse_faq(text, source="test.md")
    return caught.value.errors


def test_canonical_text_round_trips_identically():
    entries = parse_faq(CANONICAL)
    assert [entry["id"] for entry in entries] == [
        "how-do-payments-work",
        "what-is-escrow",
        "shipping-options",
    ]
    assert write_faq(entries) == CANONICAL


def test_entry_fields_are_parsed():
    first, second, third = parse_faq(CANONICAL)
    assert first == {
        "id": "how-do-payments-work",
        "question": "How do payments work?",
        "answer": "Money moves from the buyer to the seller.\n\n- cards\n- e-wallets",
        "category": "Payment",
        "tags": ["payment", "sdg-8"],
        "related": ["what-is-escrow"],
    }
    assert second["tags"] == [] and second["related"] == []
    assert "## nor a question" in second["answer"]
    assert third["category"] == "Logistics" and third["answer"].startswith("### Post")


@pytest.mark.parametrize("path", faq_files(), ids=lambda path: path.name)
def test_the_seminar_faq_files_are_canonical(path):
    text = path.read_text(encoding="utf-8")
    assert write_faq(parse_faq(text, source=path.name)) == text


def test_a_whole_faq_exports_as_one_text_and_imports_back():
    entries = course_entries()
    text = write_faq(entries)
    assert text.count("\n# ") + text.startswith("# ") == len({e["category"] for e in entries})
    assert parse_faq(text) == entries


def test_write_one_category():
    text = write_faq(parse_faq(CANONICAL), category="Logistics")
    assert text.startswith("# Logistics\n\n## Which shipping options exist?")
    assert "Payment" not in text


def test_entries_of_a_category_are_grouped_when_written():
    entries = parse_faq(CANONICAL)
    shuffled = [entries[0], entries[2], entries[1]]
    assert write_faq(shuffled) == CANONICAL


def test_windows_newlines_and_byte_order_mark_are_accepted():
    text = "\ufeff" + CANONICAL.replace("\n", "\r\n")
    assert parse_faq(text) == parse_faq(CANONICAL)


def test_missing_id_names_the_question_line():
    errors = errors_of("# C\n\n## Where?\ntags: a\n\nAnswer.\n")
    assert errors == [(3, "the entry 'Where?' has no 'id:' line")]


def test_duplicate_id_names_both_lines():
    text = "# C\n\n## One?\nid: same\n\nA.\n\n## Two?\nid: same\n\nB.\n"
    assert errors_of(text) == [(9, "the id 'same' is also used on line 4: ids must be unique")]


def test_question_without_answer():
    errors = errors_of("# C\n\n## Empty?\nid: empty\n\n## Next?\nid: next\n\nYes.\n")
    assert errors == [(3, "the entry 'Empty?' has no answer")]


def test_heading_without_question_text():
    errors = errors_of("# C\n\n##\nid: x\n\nAnswer.\n")
    assert errors == [(3, "the '##' line needs the question text")]


def test_bad_tags_are_reported_on_the_tags_line():
    errors = errors_of("# C\n\n## Q?\nid: q\ntags: ok, Bad_Tag, sdg-18, ok\n\nA.\n")
    lines = {line for line, _message in errors}
    messages = " ".join(message for _line, message in errors)
    assert lines == {5}
    assert "'Bad_Tag' is not valid" in messages
    assert "'sdg-18' names no SDG" in messages
    assert "'ok' is listed twice" in messages


def test_bad_id_and_self_reference():
    errors = errors_of("# C\n\n## Q?\nid: Not Valid\nrelated: x, x\n\nA.\n")
    assert errors[0][0] == 4 and "'Not Valid'" in errors[0][1]
    errors = errors_of("# C\n\n## Q?\nid: q\nrelated: q\n\nA.\n")
    assert errors == [(5, "An entry cannot be related to itself.")]


def test_metadata_lines_must_be_known_and_given_once():
    errors = errors_of("# C\n\n## Q?\nid: q\nid: r\nsource: me\n\nA.\n")
    assert errors == [
        (5, "'id:' is given twice"),
        (6, "expected 'id:', 'tags:' or 'related:' here, or a blank line before the answer"),
    ]


def test_text_outside_entries_and_entries_outside_categories():
    errors = errors_of("Intro text\n## Q?\nid: q\n\nA.\n")
    assert errors[0][0] == 1 and "text outside an entry" in errors[0][1]
    assert errors[1] == (2, "a '## Question' before any '# Category' heading: add one above")


def test_category_without_entries_and_empty_category_name():
    errors = errors_of("# Empty\n\n# \n\n## Q?\nid: q\n\nA.\n")
    assert (1, "category 'Empty' has no entries") in errors
    assert (3, "the '#' heading needs a category name") in errors


def test_unclosed_code_block_is_reported():
    errors = errors_of("# C\n\n## Q?\nid: q\n\n```\ncode\n")
    assert errors == [(6, "the code block opened with ``` is never closed")]


def test_empty_text_has_no_entries():
    assert errors_of("") == [(1, "no entries: start one with a '## Question' line")]


def test_every_problem_is_reported_at_once():
    text = "# C\n\n## A?\n\nNo id.\n\n## B?\nid: b\ntags: BAD\n\nx\n\n## C?\nid: c\n"
    assert len(errors_of(text)) == 3


def test_error_message_names_the_file_and_line():
    with pytest.raises(FaqFormatError) as caught:
        parse_faq("# C\n\n## Q?\n\nA.\n", source="courses/faq/c.md")
    assert str(caught.value).startswith("courses/faq/c.md:3: ")

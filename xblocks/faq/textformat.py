"""The courses/faq/ text format: `# Category`, then `## Question` entries (docs/authoring.md).

`parse_faq` turns a file into entry dicts and reports every problem with its line number;
`write_faq` writes entries back as canonical text, so text -> entries -> text is identical
for a canonical file. One text may hold several `# Category` sections: that is how Studio
exports a whole FAQ as one file, and how it imports it back.

    # Cross-border e-commerce

    ## What is a comprehensive pilot zone?
    id: what-is-a-pilot-zone
    tags: pilot-zones, policy, sdg-8
    related: what-is-the-ewtp

    Answer in Markdown.
"""

import re

from xblocks.common.markdown import CODE_FENCE

from .entries import check_entry, one_line, split_words

CATEGORY = re.compile(r"^#(?:\s+(?P<name>.*?))?\s*$")
QUESTION = re.compile(r"^##(?:\s+(?P<text>.*?))?\s*$")
METADATA = re.compile(r"^(?P<key>[A-Za-z_-]+):[ \t]*(?P<value>.*?)\s*$")
METADATA_KEYS = ("id", "tags", "related")


class FaqFormatError(ValueError):
    """Every problem found in an FAQ text, as (line number, message) pairs."""

    def __init__(self, errors, source="faq"):
        self.errors = sorted(errors, key=lambda error: error[0])
        self.source = source
        super().__init__("\n".join(f"{source}:{line}: {message}" for line, message in self.errors))


def parse_faq(text, source="faq"):
    """Entries of an FAQ text, in order; raise FaqFormatError listing every problem."""
    errors, entries, seen = [], [], {}
    lines = text.lstrip("\ufeff").splitlines()
    category, category_line = None, None
    for block in _blocks(lines, errors):
        if block["kind"] == "category":
            if category_line is not None and not any(e["_line"] > category_line for e in entries):
                errors.append((category_line, f"category '{category}' has no entries"))
            category, category_line = block["name"], block["line"]
            continue
        entry = _parse_entry(block, category, errors)
        if entry is None:
            continue
        if entry["id"] in seen:
            errors.append(
                (
                    block["id_line"],
                    f"the id '{entry['id']}' is also used on line "
                    f"{seen[entry['id']]}: ids must be unique",
                )
            )
        elif entry["id"]:
            seen[entry["id"]] = block["id_line"]
        entries.append(entry)
    if category_line is not None and not any(e["_line"] > category_line for e in entries):
        errors.append((category_line, f"category '{category}' has no entries"))
    if not entries and not errors:
        errors.append((1, "no entries: start one with a '## Question' line"))
    if errors:
        raise FaqFormatError(errors, source)
    for entry in entries:
        del entry["_line"]
    return entries


def _blocks(lines, errors):
    """Category headings and entry blocks (heading line, metadata, answer lines)."""
    current, fenced, fence_line = None, None, None
    for number, line in enumerate(lines, start=1):
        fence = CODE_FENCE.match(line)
        if current is not None and fence:
            fenced = None if fenced == fence.group(1) else (fenced or fence.group(1))
            fence_line = number
        if fenced is None and not fence:
            question, category = QUESTION.match(line), CATEGORY.match(line)
            if question or category:
                if current is not None:
                    yield current
                current = None
                if category:
                    name = one_line(category.group("name"))
                    if not name:
                        errors.append((number, "the '#' heading needs a category name"))
                    yield {"kind": "category", "name": name, "line": number}
                else:
                    current = {
                        "kind": "entry",
                        "line": number,
                        "question": question.group("text"),
                        "body": [],
                    }
                continue
        if current is not None:
            current["body"].append((number, line))
        elif line.strip():
            errors.append(
                (
                    number,
                    "text outside an entry: put it under a '## Question' line "
                    "(and the entries under a '# Category' heading)",
                )
            )
    if current is not None:
        yield current
    if fenced:
        errors.append((fence_line, f"the code block opened with {fenced} is never closed"))


def _parse_entry(block, category, errors):
    line = block["line"]
    if category is None:
        errors.append((line, "a '## Question' before any '# Category' heading: add one above"))
        category = ""
    fields, field_lines, body = {}, {}, list(block["body"])
    while body and body[0][1].strip():
        number, text = body.pop(0)
        match = METADATA.match(text)
        if not match or match.group("key") not in METADATA_KEYS:
            errors.append(
                (
                    number,
                    "expected 'id:', 'tags:' or 'related:' here, or a blank line before the answer",
                )
            )
            continue
        key = match.group("key")
        if key in fields:
            errors.append((number, f"'{key}:' is given twice"))
            continue
        fields[key], field_lines[key] = match.group("value"), number
    block["id_line"] = field_lines.get("id", line)
    answer = "\n".join(text for _number, text in body)
    raw = {
        "id": fields.get("id", ""),
        "question": block["question"] or "",
        "answer": answer,
        "category": category,
        "tags": split_words(fields.get("tags", "")),
        "related": split_words(fields.get("related", "")),
    }
    entry, problems = check_entry(raw)
    lines_by_field = {"question": line, "category": line, "answer": line, **field_lines}
    if category == "":
        problems = [(field, message) for field, message in problems if field != "category"]
    for field, message in problems:
        if field == "id" and not fields.get("id"):
            message = f"the entry '{entry['question'][:60]}' has no 'id:' line"
        elif field == "question" and not entry["question"]:
            message = "the '##' line needs the question text"
        elif field == "answer" and not entry["answer"]:
            message = f"the entry '{entry['question'][:60]}' has no answer"
        errors.append((lines_by_field.get(field, line), message))
    entry["_line"] = line
    return entry


def write_faq(entries, category=None):
    """Canonical text of `entries` (of one `category` only, when it is given)."""
    if category is not None:
        entries = [entry for entry in entries if entry["category"] == category]
    parts, current = [], None
    for entry in _grouped(entries):
        if entry["category"] != current:
            current = entry["category"]
            parts.append(f"# {current}\n")
        lines = [f"## {entry['question']}", f"id: {entry['id']}"]
        if entry.get("tags"):
            lines.append("tags: " + ", ".join(entry["tags"]))
        if entry.get("related"):
            lines.append("related: " + ", ".join(entry["related"]))
        parts.append("\n".join(lines) + "\n\n" + entry["answer"].strip("\n") + "\n")
    return "\n".join(parts)


def _grouped(entries):
    """Entries grouped by category (first appearance order), display order kept inside."""
    order = {}
    for entry in entries:
        order.setdefault(entry["category"], len(order))
    return sorted(entries, key=lambda entry: order[entry["category"]])

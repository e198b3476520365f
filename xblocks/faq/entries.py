"""FAQ entries: what a valid entry is, checked the same way for text files, OLX and Studio.

An entry is {"id", "question", "answer", "category", "tags", "related"}. Questions and
categories are plain text (tags removed, whitespace collapsed); answers are Markdown,
sanitised when rendered. Every check collects all problems instead of stopping at the
first, so authors fix a file or a form in one pass.
"""

import re

from xblocks.common.markdown import CODE_FENCE, plain_text

from .search import normalise

ENTRY_KEYS = ("id", "question", "answer", "category", "tags", "related")
ENTRY_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
TAG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SDG_TAG = re.compile(r"^sdg-(\d+)$")
MAX_QUESTION = 300
MAX_CATEGORY = 100
MAX_ANSWER = 20_000
MAX_TAGS = 20
MAX_TAG = 40
MAX_RELATED = 10
MAX_ENTRIES = 10_000
# Characters XML 1.0 cannot carry (OLX export would fail on them).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TOP_HEADING = re.compile(r"^#{1,2}(\s|$)")


def _(text):
    return text


def one_line(text, max_length=None):
    """Plain text on one line: control characters removed, whitespace collapsed.

    Questions and categories are text, not HTML: a "<b>" in them is shown as typed,
    because every output escapes them (Django templates, JS textContent).
    """
    text = " ".join(CONTROL_CHARS.sub("", str(text or "")).split())
    return text[:max_length] if max_length else text


def clean_text(text, max_length=None):
    """Text from HTML or from a learner: markup and its scripts removed, then one_line."""
    return one_line(plain_text(CONTROL_CHARS.sub("", str(text or ""))), max_length)


def normalise_answer(text):
    """Markdown answer with Unix newlines and no leading or trailing blank lines."""
    text = CONTROL_CHARS.sub("", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.rstrip().split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(line.rstrip() for line in lines)


def heading_lines(answer):
    """Offsets (0-based) of `#`/`##` heading lines outside fenced code in an answer."""
    found, fenced = [], None
    for offset, line in enumerate(answer.split("\n")):
        fence = CODE_FENCE.match(line)
        if fence:
            fenced = None if fenced == fence.group(1) else (fenced or fence.group(1))
        elif fenced is None and TOP_HEADING.match(line):
            found.append(offset)
    return found


def split_words(value):
    """Tags or related ids from a list or a comma/space separated string."""
    if isinstance(value, str):
        return [word for word in re.split(r"[\s,]+", value) if word]
    if isinstance(value, list | tuple):
        return [str(word).strip() for word in value if str(word).strip()]
    return None


def slugify(text):
    """An entry id from a question: 'What is a pilot zone?' -> 'what-is-a-pilot-zone'."""
    slug = re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-")[:60].strip("-")
    return slug or "entry"


def check_entries(raw_entries, *, gettext=_, check_related=True, generate_ids=False, taken=()):
    """Validate and normalise entries: returns (entries, [(index, field, message)]).

    `taken` are ids already in use elsewhere (published entries, other files);
    `generate_ids` fills an empty id from the question (Studio, staff answers).
    """
    errors = []
    if not isinstance(raw_entries, list):
        return [], [(None, "entries", gettext("Entries must be a list."))]
    if len(raw_entries) > MAX_ENTRIES:
        message = gettext("An FAQ holds at most {limit} entries.").format(limit=MAX_ENTRIES)
        return [], [(None, "entries", message)]
    entries, seen = [], {key: None for key in taken}
    for index, raw in enumerate(raw_entries):
        if not isinstance(raw, dict):
            errors.append((index, "entry", gettext("Each entry must be an object.")))
            continue
        entry, entry_errors = check_entry(raw, gettext=gettext, require_id=not generate_ids)
        if not entry["id"] and generate_ids and entry["question"]:
            entry["id"] = unique_id(slugify(entry["question"]), seen)
        if entry["id"] in seen:
            errors.append((index, "id", _duplicate_message(entry["id"], seen, gettext)))
        elif entry["id"]:
            seen[entry["id"]] = index
        errors.extend((index, field, message) for field, message in entry_errors)
        entries.append(entry)
    if check_related:
        errors.extend(_related_errors(entries, set(seen), gettext))
    return entries, errors


def check_entry(raw, *, gettext=_, require_id=True):
    """One entry normalised, and its problems as [(field, message)]."""
    errors = []
    entry_id = str(raw.get("id") or "").strip()
    question = one_line(raw.get("question"))
    answer = normalise_answer(raw.get("answer"))
    category = one_line(raw.get("category"))
    tags = split_words(raw.get("tags", []))
    related = split_words(raw.get("related", []))
    if entry_id and not ENTRY_ID.match(entry_id):
        errors.append(
            (
                "id",
                gettext(
                    "The id '{id}' may use only lower-case letters, digits, '-' and '_' "
                    "(at most 80, starting with a letter or digit)."
                ).format(id=entry_id[:100]),
            )
        )
    elif not entry_id and require_id:
        errors.append(("id", gettext("Give the entry an id (for example 'what-is-a-pilot-zone').")))
    if not question:
        errors.append(("question", gettext("Write the question.")))
    elif len(question) > MAX_QUESTION:
        errors.append(
            (
                "question",
                gettext("The question is longer than {limit} characters.").format(
                    limit=MAX_QUESTION
                ),
            )
        )
    errors.extend(("answer", message) for message in _answer_errors(answer, gettext))
    if not category:
        errors.append(("category", gettext("Name the category (for example 'Payment').")))
    elif len(category) > MAX_CATEGORY:
        errors.append(
            (
                "category",
                gettext("The category is longer than {limit} characters.").format(
                    limit=MAX_CATEGORY
                ),
            )
        )
    tags, tag_errors = _check_tags(tags, gettext)
    errors.extend(("tags", message) for message in tag_errors)
    related, related_errors = _check_related_ids(related, entry_id, gettext)
    errors.extend(("related", message) for message in related_errors)
    entry = {
        "id": entry_id if ENTRY_ID.match(entry_id) else "",
        "question": question,
        "answer": answer,
        "category": category,
        "tags": tags,
        "related": related,
    }
    return entry, errors


def unique_id(base, taken):
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base[:70]}-{number}"
        number += 1
    return candidate


def _answer_errors(answer, gettext):
    if not answer.strip():
        return [gettext("Write the answer.")]
    if len(answer) > MAX_ANSWER:
        return [gettext("The answer is longer than {limit} characters.").format(limit=MAX_ANSWER)]
    headings = heading_lines(answer)
    if headings:
        return [
            gettext(
                "Line {line} of the answer is a '#' or '##' heading, which starts a category or a "
                "question in the FAQ text format: use '###' inside answers."
            ).format(line=headings[0] + 1)
        ]
    return []


def _check_tags(tags, gettext):
    if tags is None:
        return [], [gettext("Tags must be a list of words.")]
    errors, clean = [], []
    for tag in tags:
        sdg = SDG_TAG.match(tag)
        if len(tag) > MAX_TAG or not TAG.match(tag):
            errors.append(
                gettext(
                    "The tag '{tag}' is not valid: use lower-case letters, digits and single "
                    "hyphens (for example 'payment' or 'sdg-8')."
                ).format(tag=tag[:60])
            )
        elif sdg and not 1 <= int(sdg.group(1)) <= 17:
            errors.append(
                gettext("The tag '{tag}' names no SDG: use sdg-1 to sdg-17.").format(tag=tag)
            )
        elif tag in clean:
            errors.append(gettext("The tag '{tag}' is listed twice.").format(tag=tag))
        else:
            clean.append(tag)
    if len(clean) > MAX_TAGS:
        errors.append(gettext("Use at most {limit} tags.").format(limit=MAX_TAGS))
    return clean, errors


def _check_related_ids(related, entry_id, gettext):
    if related is None:
        return [], [gettext("Related entries must be a list of ids.")]
    errors, clean = [], []
    for other in related:
        if not ENTRY_ID.match(other):
            errors.append(
                gettext("The related id '{id}' is not a valid entry id.").format(id=other[:100])
            )
        elif other == entry_id:
            errors.append(gettext("An entry cannot be related to itself."))
        elif other not in clean:
            clean.append(other)
    if len(clean) > MAX_RELATED:
        errors.append(gettext("Link at most {limit} related entries.").format(limit=MAX_RELATED))
    return clean, errors


def _related_errors(entries, known, gettext):
    for index, entry in enumerate(entries):
        for other in entry["related"]:
            if other not in known:
                yield (
                    index,
                    "related",
                    gettext("The related id '{id}' matches no entry.").format(id=other),
                )


def _duplicate_message(entry_id, seen, gettext):
    where = seen[entry_id]
    if where is None:
        return gettext("The id '{id}' is already used by another entry.").format(id=entry_id)
    return gettext("The id '{id}' is also used by entry {number}: ids must be unique.").format(
        id=entry_id, number=where + 1
    )


def group_by_category(entries):
    """[(category, [entries])] in order of each category's first entry."""
    groups = {}
    for entry in entries:
        groups.setdefault(entry["category"], []).append(entry)
    return list(groups.items())

"""The content says only what its sources say, and its quiz items test what they claim to.

- every phrase in quotation marks is a recorded quotation (courses/SOURCES.md) or a
  glossary term, and every quotation recorded from a seed article is in that seed;
- no short-text or numeric question accepts an answer that its own stem prints;
- the correct answers of single-choice questions are spread over the choice positions.

Each check is also run on a deliberately bad sample, to show that it can fail.
"""

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.unit.course.test_content import NUMBER, _prose
from xblocks.course.sources import default_root, load_course
from xblocks.quiz.responses import normalise_text

ROOT = Path(default_root())
SOURCES_MD = ROOT / "courses" / "SOURCES.md"
QUOTATIONS_HEADING = "## Quotations in the content"
SEED_QUOTES_HEADING = "### Quoted from the seed articles"
QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”')
LISTED = re.compile(r'^- (?:"([^"]+)"|“([^”]+)”)(?::\s*(.*))?$')
SEED_FILE = re.compile(r"seeds/(\S+?\.txt)")
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
MAX_KEY_SHARE = 0.40


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT)


def seeds_dir():
    """The seed articles, when this checkout has them next to it (or SEMINAR_SEEDS says)."""
    folder = Path(os.environ.get("SEMINAR_SEEDS") or ROOT.parent / "shared" / "seeds")
    return folder if folder.is_dir() and any(folder.glob("*.txt")) else None


def normalise(text):
    """Case, spacing, quotation-mark style and Markdown emphasis do not matter."""
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "*": ""}))
    return " ".join(text.casefold().split()).strip(" .,;:")


# --- quotations -------------------------------------------------------------------------


def quoted_phrases(text):
    """Every phrase between "..." or “...” in a text, line breaks ignored."""
    flat = " ".join(text.split())
    return [match[1] or match[2] for match in QUOTED.finditer(flat)]


def recorded_quotations(sources_text):
    """{normalised phrase: note} for every phrase listed under the Quotations heading,
    and {normalised phrase: seed file name} for those listed as quoted from a seed."""
    recorded, from_seeds, section = {}, {}, None
    in_quotations = False
    for line in sources_text.splitlines():
        if line.startswith("## "):
            in_quotations = line.strip() == QUOTATIONS_HEADING
            continue
        if not in_quotations:
            continue
        if line.startswith("### "):
            section = line.strip()
            continue
        match = LISTED.match(line.strip())
        if match:
            phrase, note = normalise(match[1] or match[2]), match[3] or ""
            recorded[phrase] = note
            if section == SEED_QUOTES_HEADING:
                seed = SEED_FILE.search(note)
                from_seeds[phrase] = seed[1] if seed else ""
    return recorded, from_seeds


def glossary_terms(course):
    terms = set()
    for term, _definition in course.glossary:
        terms.add(normalise(term))
        terms.add(normalise(term.split(" (")[0]))
    return terms


def unrecorded_quotations(texts, recorded, terms):
    """[(where, phrase)] for quoted phrases that are neither recorded nor glossary terms."""
    return [
        (where, phrase)
        for where, text in texts
        for phrase in quoted_phrases(text)
        if normalise(phrase) not in recorded and normalise(phrase) not in terms
    ]


def misquoted_seed_quotations(from_seeds, seed_texts):
    """[(phrase, seed file)] for recorded seed quotations that their seed does not contain.

    A quotation shortened with an ellipsis is found when each of its parts is."""
    wrong = []
    for phrase, seed in sorted(from_seeds.items()):
        text = seed_texts.get(seed)
        parts = [part for part in ELLIPSIS.split(phrase) if part]
        if text is None or not all(normalise(part) in text for part in parts):
            wrong.append((phrase, seed))
    return wrong


def load_seed_texts(folder):
    return {path.name: normalise(path.read_text(encoding="utf-8")) for path in folder.glob("*.txt")}


def test_every_quoted_phrase_in_the_content_is_a_recorded_quotation(course):
    recorded, _from_seeds = recorded_quotations(SOURCES_MD.read_text(encoding="utf-8"))
    missing = unrecorded_quotations(_prose(course), recorded, glossary_terms(course))
    assert missing == [], (
        "quoted phrases not listed under 'Quotations in the content' in courses/SOURCES.md "
        "(quote the seed exactly and list it, or drop the quotation marks):\n"
        + "\n".join(f'{where}: "{phrase}"' for where, phrase in missing)
    )


def test_every_quoted_phrase_stands_in_balanced_quotation_marks(course):
    unbalanced = [where for where, text in _prose(course) if text.count('"') % 2]
    assert unbalanced == []


def test_every_quotation_recorded_from_a_seed_is_in_that_seed():
    folder = seeds_dir()
    if folder is None:
        pytest.skip("the seed articles are not next to this checkout (set SEMINAR_SEEDS)")
    _recorded, from_seeds = recorded_quotations(SOURCES_MD.read_text(encoding="utf-8"))
    assert len(from_seeds) >= 10
    assert misquoted_seed_quotations(from_seeds, load_seed_texts(folder)) == []


BAD_SOURCES = """
## Quotations in the content

### Quoted from the seed articles

- "fragmented and frequent": seeds/001_be75bca7a3e4584d.txt
- "the characteristics of fragmentation and high frequency": seeds/001_be75bca7a3e4584d.txt
- "As the initiator of eWTP ... technology capabilities": seeds/002_8dbbcafd60ff8a23.txt

### The course's own words in quotation marks

- "Where is my parcel?": an imagined question
"""


def test_the_quotation_checks_flag_a_paraphrase_in_quotation_marks(course):
    recorded, from_seeds = recorded_quotations(BAD_SOURCES)
    sample = [
        ("bad stem", 'Dr Wang Jian described trade as "fragmented and frequent". Why?'),
        ("bad feedback", "The report calls them “new farming methods”."),
        ("good", 'He spoke of "the characteristics of fragmentation and high frequency".'),
        (
            "own words",
            'A buyer asks: "Where is my parcel?" Customs asks about the "single window".',
        ),
    ]
    # Not recorded at all: flagged. Recorded, or a glossary term: accepted.
    assert unrecorded_quotations(sample, {}, set()) != []
    assert unrecorded_quotations(sample, recorded, glossary_terms(course)) == [
        ("bad feedback", "new farming methods")
    ]
    # Recorded as a seed quotation, but not in the seed: the seed check catches it.
    seed_001 = normalise(
        "He believes that cross-border e-commerce has the characteristics of fragmentation "
        "and high frequency, with demand and orders subsequently fragmented."
    )
    seed_002 = normalise(
        '"As the initiator of eWTP, Alibaba is a pioneer in combining business services '
        'with technology capabilities," said Eric Jing.'
    )
    texts = {"001_be75bca7a3e4584d.txt": seed_001, "002_8dbbcafd60ff8a23.txt": seed_002}
    assert misquoted_seed_quotations(from_seeds, texts) == [
        ("fragmented and frequent", "001_be75bca7a3e4584d.txt")
    ]


# --- answers that the stem gives away ---------------------------------------------------

WORD = re.compile(r"[\w/%]+(?:[.,][\w/%]+)*")


def words(text):
    return WORD.findall(normalise_text(text))


def contains(haystack, needle):
    """Whether the word sequence `needle` occurs in the word sequence `haystack`."""
    size = len(needle)
    return size > 0 and any(
        haystack[i : i + size] == needle for i in range(len(haystack) - size + 1)
    )


def answers_in_stem(question):
    """The accepted answers of a short-text or numeric question that its stem prints."""
    stem = words(question["prompt"])
    answer = question["answer"]
    if question["type"] == "text":
        found = [alt for alt in answer["alternatives"] if contains(stem, words(alt))]
        if answer.get("regex"):
            found += [
                " ".join(stem[i:j])
                for i in range(len(stem))
                for j in range(i + 1, min(i + 8, len(stem)) + 1)
                if re.fullmatch(answer["regex"], " ".join(stem[i:j]), re.IGNORECASE)
            ]
        return found
    if question["type"] == "numeric":
        numbers = [float(token.replace(",", "")) for token in NUMBER.findall(question["prompt"])]
        return [n for n in numbers if abs(n - answer["value"]) <= answer["tolerance"] + 1e-9]
    return []


def all_questions(course):
    for quiz in [*course.quizzes, course.final]:
        for question in quiz.fields["questions"]:
            yield quiz.id, question


def test_no_short_text_or_numeric_question_accepts_an_answer_printed_in_its_stem(course):
    given_away = [
        f"{quiz_id} ({question['id']}): {answers_in_stem(question)}"
        for quiz_id, question in all_questions(course)
        if answers_in_stem(question)
    ]
    assert given_away == []


def test_the_stem_check_flags_an_answer_printed_in_the_stem():
    anchor = {
        "type": "text",
        "prompt": "What word is often used for the host who presents products on camera?",
        "answer": {"alternatives": ["anchor", "anchors", "host"], "regex": None},
    }
    pattern = {
        "type": "text",
        "prompt": "Which city, Hang zhou or another, hosted the first zone?",
        "answer": {"alternatives": [], "regex": r"hang ?zhou"},
    }
    numeric = {
        "type": "numeric",
        "prompt": "Of the 132 zones set up since 2015, how many were there?",
        "answer": {"value": 132.0, "tolerance": 0.0},
    }
    fair = {
        "type": "text",
        "prompt": "In Chinese e-commerce, what word is often used for a live-stream host?",
        "answer": {"alternatives": ["anchor", "anchors"], "regex": None},
    }
    assert answers_in_stem(anchor) == ["host"]
    assert answers_in_stem(pattern) == ["hang zhou"]
    assert answers_in_stem(numeric) == [132.0]
    assert answers_in_stem(fair) == []


# --- where the correct answer sits --------------------------------------------------------


def key_positions(questions):
    """Counter of the correct choice's position (a, b, c ...) over single-choice questions."""
    return Counter(
        "abcdefghijkl"[[c["correct"] for c in q["choices"]].index(True)]
        for q in questions
        if q["type"] == "single"
    )


def crowded_positions(positions, limit=MAX_KEY_SHARE):
    total = sum(positions.values())
    return {key: count for key, count in positions.items() if count > limit * total}


def test_correct_answers_are_spread_over_the_choice_positions(course):
    positions = key_positions(question for _quiz, question in all_questions(course))
    assert sum(positions.values()) >= 100
    assert crowded_positions(positions) == {}, positions
    assert set(positions) >= {"a", "b", "c", "d"}, positions


def test_the_spread_check_flags_keys_piled_on_one_position():
    def single(correct_index):
        return {
            "type": "single",
            "choices": [{"correct": i == correct_index} for i in range(4)],
        }

    piled = [single(1)] * 67 + [single(0)] * 19 + [single(2)] * 15 + [single(3)]
    assert crowded_positions(key_positions(piled)) == {"b": 67}
    spread = [single(i % 4) for i in range(102)]
    assert crowded_positions(key_positions(spread)) == {}

"""FAQ search: one tokenizer and one ranking, for the browser and for the server.

static/js/faq_search.js is a rule-for-rule port of `normalise`, `tokenize`, `stem` and
`rank`; tests/browser/test_faq_search.py runs both on the same words and queries.

Tokens: NFKD, lower-case, NFKD again, combining marks removed (accents go: "Pagó" ->
"pago"); runs of letters and digits, one token per CJK character; words joined by a
hyphen or apostrophe also give the joined word ("e-commerce" -> "commerce",
"ecommerce"); a-z words get a light English stemming (plurals, -ing, -ed, final e), so
"payments" finds "payment" and "trading" finds "trade". Single a-z letters are dropped.

Ranking: an entry's weight for a term is 3 if the term is in the question, +2 if in the
category or tags, +1 if in the answer. A query token matches a term exactly (factor 1)
or as a prefix of it (factor 0.5, tokens of 3+ characters, for search as you type).
Score = sum over query tokens of the best weight x idf x factor; idf = ln(1 + N/df),
rounded to 3 decimals so Python and JS agree to the last bit. Only the entries matching
the most query tokens are results: every token when some entry has them all ("pilot
zones" does not list an entry that only says "zone"), else as many as any entry has (a
question typed in full still finds its nearest entries). Text in double quotes ("..." or
“...”) is a phrase: a result holds its tokens one after the other in its question, its
category and tags, or its answer. Results: higher scores first, then display order.

A query none of whose tokens shares a single character with the indexed text (Arabic
words in an English FAQ) is in a language the FAQ does not hold: `is_foreign` says so,
and the page tells the learner which language to search in.

An answer is indexed as the text a reader sees (its Markdown rendered, tags removed), so
the browser builds the very same index from the page's text: small FAQs search there
with no index shipped; large ones keep a cached `SearchIndex` in the server process and
answer through a handler.
"""

import bisect
import math
import re
import threading
import unicodedata
from functools import lru_cache

from xblocks.common.markdown import markdown_text

from .content_cache import ContentCache

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
JOINERS = "-\u2010'\u2019"
# A word is one CJK character or a run of other letters and digits ([^\W_] is exactly
# [\p{L}\p{N}], checked over every code point of Python's Unicode data). A chain is
# words joined by single hyphens or apostrophes.
WORD = f"(?:[{CJK}]|[^\\W_{CJK}]+)"
WORDS = re.compile(WORD)
CHAIN = re.compile(f"{WORD}(?:[{JOINERS}]{WORD})*")
LETTERS = re.compile(r"^[a-z]+$")
VOWEL = re.compile(r"[aeiouy]")
UNDOUBLE = frozenset("bdfgkmnprt")
WEIGHT_QUESTION, WEIGHT_KEYWORDS, WEIGHT_ANSWER = 3, 2, 1
WEIGHTS = (WEIGHT_QUESTION, WEIGHT_KEYWORDS, WEIGHT_ANSWER)  # of entry_texts, in order
PREFIX_MIN = 3
PREFIX_FACTOR = 0.5
# Above this many entries the page does not ship the index: the server searches.
SERVER_SEARCH_THRESHOLD = 300
PAGE_SIZE = 20


@lru_cache(maxsize=1)
def _marks():
    """str.translate table deleting every combining mark (categories Mn, Mc, Me)."""
    return {
        code: None
        for code in range(0x300, 0x110000)
        if unicodedata.category(chr(code)).startswith("M")
    }


def normalise(text):
    """Lower-case text without accents or compatibility forms ('Ｐａｇó' -> 'pago')."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).lower())
    return text.translate(_marks())


@lru_cache(maxsize=65536)
def stem(word):
    """Light English stemming of an a-z word; other words are returned unchanged."""
    if len(word) <= 3 or not LETTERS.match(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5 and VOWEL.search(word[:-3]):
        word = _undouble(word[:-3])
    elif word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ed") and len(word) > 4 and VOWEL.search(word[:-2]):
        word = _undouble(word[:-2])
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _undouble(word):
    if len(word) >= 2 and word[-1] == word[-2] and word[-1] in UNDOUBLE:
        return word[:-1]
    return word


def tokenize(text):
    """Search tokens of `text`, in order (duplicates kept): each word of a chain of words
    joined by hyphens or apostrophes, then the chain joined into one word."""
    return _chain_tokens(CHAIN.findall(normalise(text or "")))


def token_set(text):
    """set(tokenize(text)), faster: each distinct chain is tokenized once."""
    return set(_chain_tokens(set(CHAIN.findall(normalise(text or "")))))


def _chain_tokens(chains):
    tokens = []
    for chain in chains:
        if chain.isalnum():
            _emit(chain, tokens)
            continue
        words = WORDS.findall(chain)
        for word in words:
            _emit(word, tokens)
        _emit("".join(words), tokens)
    return tokens


def _emit(word, tokens):
    if len(word) == 1 and "a" <= word <= "z":
        return
    tokens.append(stem(word))


def idf(count, df):
    return math.floor(math.log(1 + count / df) * 1000 + 0.5) / 1000


def entry_texts(entry):
    """[question, category and tags, answer as read]: the three texts an entry is found by."""
    keywords = " ".join([entry.get("category", ""), *entry.get("tags", [])])
    return [entry.get("question", ""), keywords, answer_text(entry.get("answer", ""))]


def entry_postings(docs):
    """{term: [entry index * 8 + weight, ...]} with entry indexes ascending, from each
    entry's `entry_texts`."""
    postings = {}
    for index, texts in enumerate(docs):
        weights = {}
        for weight, text in zip(WEIGHTS, texts, strict=True):
            for term in token_set(text):
                weights[term] = weights.get(term, 0) + weight
        for term, weight in weights.items():
            postings.setdefault(term, []).append(index * 8 + weight)
    return postings


def answer_text(answer):
    """What a reader sees of a Markdown answer: the page's `.faq-answer` textContent."""
    return markdown_text(answer)


def client_index(entries):
    """The index the browser builds from the page: {"n": entries, "terms": {term: postings},
    "docs": [entry_texts, ...]} (the texts, for phrases)."""
    docs = [entry_texts(entry) for entry in entries]
    postings = entry_postings(docs)
    terms = {term: postings[term] for term in sorted(postings)}
    return {"n": len(entries), "terms": terms, "docs": docs}


PHRASE = re.compile('["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)["\u201c\u201d\u201e]')


def phrases(query):
    """The token lists of the query's quoted phrases (of two tokens or more)."""
    found = (tokenize(text) for text in PHRASE.findall(query or ""))
    return [tokens for tokens in found if len(tokens) > 1]


def holds_phrase(texts, phrase):
    """Whether one of the texts has the phrase's tokens one after the other."""
    size = len(phrase)
    for text in texts:
        tokens = tokenize(text)
        if any(tokens[i : i + size] == phrase for i in range(len(tokens) - size + 1)):
            return True
    return False


class SearchIndex:
    """The same index held by the server, with a sorted vocabulary for prefix matches."""

    def __init__(self, count, postings, docs):
        self.count = count
        self.postings = postings
        self.docs = docs
        self.vocabulary = sorted(postings)
        self.idf = {term: idf(count, len(p)) for term, p in postings.items()}
        self._alphabet = None

    @classmethod
    def from_entries(cls, entries):
        docs = [entry_texts(entry) for entry in entries]
        return cls(len(entries), entry_postings(docs), docs)

    @property
    def alphabet(self):
        """Every character of the indexed terms."""
        if self._alphabet is None:
            self._alphabet = frozenset("".join(self.vocabulary))
        return self._alphabet

    def is_foreign(self, query):
        """True when no query token has a character the indexed text has (see above)."""
        tokens = tokenize(query)
        return bool(tokens) and not any(char in self.alphabet for char in "".join(tokens))

    def matching_terms(self, token):
        """(term, factor) pairs: the exact term, then terms it is a prefix of."""
        if token in self.postings:
            yield token, 1
        if len(token) >= PREFIX_MIN:
            start = bisect.bisect_right(self.vocabulary, token)
            for term in self.vocabulary[start:]:
                if not term.startswith(token):
                    break
                yield term, PREFIX_FACTOR

    def rank(self, query):
        """[(entry index, matched query tokens, score)], best first."""
        totals = {}
        for token in dict.fromkeys(tokenize(query)):
            best = {}
            for term, factor in self.matching_terms(token):
                term_idf = self.idf[term]
                for packed in self.postings[term]:
                    entry, score = packed >> 3, (packed & 7) * term_idf * factor
                    if score > best.get(entry, 0):
                        best[entry] = score
            for entry, score in best.items():
                total = totals.setdefault(entry, [0, 0.0])
                total[0] += 1
                total[1] += score
        most = max((matched for matched, _score in totals.values()), default=0)
        wanted = phrases(query)
        kept = [
            (entry, matched, score)
            for entry, (matched, score) in totals.items()
            if matched == most and all(holds_phrase(self.docs[entry], p) for p in wanted)
        ]
        return sorted(kept, key=lambda hit: (-hit[2], hit[0]))


def rank(index, query):
    """Rank with a client index dict (tests compare this with the JS port)."""
    return SearchIndex(index["n"], index["terms"], index["docs"]).rank(query)


def is_foreign(index, query):
    """`SearchIndex.is_foreign` with a client index dict (compared with the JS port)."""
    return SearchIndex(index["n"], index["terms"], index["docs"]).is_foreign(query)


_INDEXES = ContentCache(size=8)


def content_key(entries):
    """A hash of everything a reader sees of `entries`, to key caches built from them."""
    return hash(
        tuple(
            (
                e["id"],
                e["question"],
                e["answer"],
                e["category"],
                tuple(e["tags"]),
                tuple(e.get("related", ())),
            )
            for e in entries
        )
    )


def cached_index(entries):
    """The SearchIndex of `entries`, built once per process for a given content."""
    return _INDEXES.get(content_key(entries), lambda: SearchIndex.from_entries(entries))


def warm_index(entries):
    """Start building the server index in the background while the learner reads the page."""
    if content_key(entries) not in _INDEXES:
        threading.Thread(target=cached_index, args=(entries,), daemon=True).start()


def use_server_search(entry_count, mode="auto"):
    if mode in ("browser", "server"):
        return mode == "server"
    return entry_count > SERVER_SEARCH_THRESHOLD

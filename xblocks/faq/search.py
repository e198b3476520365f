"""FAQ search: one tokenizer and one ranking, for the browser and for the server.

static/js/faq_search.js is a rule-for-rule port of `normalise`, `tokenize`, `stem` and
`rank`; tests/browser/test_faq_search.py runs both on the same words and queries.

Language: the index and its queries take the language of the text searched (`lang`, the
content language the block renders: "fr", "es-419", "ar-EG"; its base language decides).
English is the default; a language without rules of its own is searched as English.

Tokens: NFKD, lower-case, NFKD again, combining marks removed: accents go ("Pagó" ->
"pago", "développement" -> "developpement", "año" -> "ano"), and so do the Arabic
harakat and the hamza and madda over or under a letter (أ إ آ -> ا, ؤ -> و, ئ -> ي).
Then the folds lower-casing leaves: ß -> ss, ς -> σ, œ -> oe, æ -> ae, ٱ -> ا, ى -> ي,
ة -> ه, the tatweel (ـ) removed, Arabic-Indic digits (٠-٩, ۰-۹) -> 0-9. NFKD also folds
full-width forms ("ＡＢＣ１２３" -> "abc123") and, in Russian, ё -> е and й -> и (their
diaeresis and breve are combining marks). Runs of letters and digits are words; words
joined by a hyphen or apostrophe also give the joined word ("e-commerce" -> "commerce",
"ecommerce"; "l'entreprise" -> "entreprise", "lentreprise"). Single a-z letters are
dropped.

CJK text (Chinese: "zh", "zh-Hans", "zh-CN"; by script, so in any FAQ) is not segmented
into words: a run of CJK characters gives its overlapping character bigrams ("跨境电商" ->
"跨境", "境电", "电商"), a run of one character that character. Punctuation (，。、「」)
separates runs, and Latin letters and digits in Chinese text are words as above ("B2B电商"
-> "b2b", "电商"). A query's runs give bigrams the same way, so a query of two characters
or more finds them inside longer words.

In a language written without spaces between words (`UNSPACED`: Chinese), the index also
holds each CJK character of an entry's texts as a term of its own, so that a one-character
query ("税") finds every entry that writes it, ranked by that character's weights and idf
as any term is; "税 跨境电商" looks for "税", "跨境", "境电" and "电商". The page of such a
language is also sent static/js/faq_cjk.js, which indexes those characters in the browser
and highlights and cuts snippets by character (a Chinese clause is one "word" between
spaces); the FAQ's JS for other languages stays as it was.

Stemming, light and the same both ways (after Savoy's light stemmers and Larkey's
light10): it brings plural and singular, feminine and masculine to one form, no more.
- a-z words of 4+ letters, by the language of the text:
  English: plurals, -ing, -ed, final e ("payments" finds "payment", "trading" "trade");
  French: -eaux -> -eau, -aux -> -al, else a final -s or -x goes; then -euse -> -eur,
  -trice -> -teur, -ive -> -if, -enne -> -en, -elle -> -el, -ette -> -et, else a final
  -ee or -e goes ("douanières" and "douanier" -> "douanier", "commerciaux" and
  "commerciale" -> "commercial");
  Spanish: -ces -> -z, else -es, -as -> -a, -os -> -o; then a final -a, -o or -e goes
  ("países" and "país" -> "pais", "pequeñas" and "pequeño" -> "pequen").
  Russian (а-я words): the case endings of nouns and adjectives go, then a final -ь or
  -и, and -нн -> -н (Savoy's light stemmer: "таможенные", "таможенного" and
  "таможенный" -> "таможен"; "торговля", "торговлей" -> "торговл").
  Each step takes the first ending in its list that leaves 3 letters or more.
- Arabic words, whatever the language: the proclitics و ف ب ك ل and the article ال
  come off the front, one after the other, while 3 letters or more remain; then the
  first of the endings ات ون ين ها يه (ية) ه (ة) ي that leaves 3 letters or more
  ("وبالتجارة", "التجارية", "تجارة" and "تجاري" -> "تجار"). A word that begins with one
  of those letters loses it too: the same word with and without its article stays one
  term ("فريق", "الفريق" -> "ريق"). There are no stopwords (nor in English).

Ranking: an entry's weight for a term is 3 if the term is in the question, +2 if in the
category or tags, +1 if in the answer. A query token matches a term exactly (factor 1)
or as a prefix of it (factor 0.5, tokens of 3+ characters, for search as you type).
Score = sum over query tokens of the best weight x idf x factor; idf = ln(1 + N/df),
rounded to 3 decimals so Python and JS agree to the last bit. Only the entries matching
the most query tokens are results: every token when some entry has them all ("pilot
zones" does not list an entry that only says "zone"), else as many as any entry has (a
question typed in full still finds its nearest entries). Text in double quotes ("..." or
“...”) is a phrase: a result holds its tokens one after the other in its question, its
category and tags, or its answer; so is text in corner brackets (「...」, 『...』). Results:
higher scores first, then display order.

A query none of whose tokens shares a single character with the FAQ's letters is in a
language the FAQ does not hold: `is_foreign` says so, and the page tells the learner
which language to search in when nothing is found. The FAQ's letters are the characters
of its terms; in Arabic, Russian and Chinese, only its digits and letters of that script,
so that a Latin acronym in the FAQ does not make an English query its own. A query with
no CJK in a Chinese FAQ is still ranked by its Latin words ("EWTP" finds the entries that
write it); when it finds nothing, it is foreign.

Only the rules of the language the FAQ is read in go to the browser: faq_search.js holds
the tokenizer, the English and Arabic stemmers and the ranking; the view sends
`client_rules(lang)` (the language's stemming steps and script) with the page, and
faq.js hands them to `search.define`. The FAQ's JS stays in its byte budget whatever
languages gain rules.

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
# A word is a run of CJK characters or a run of other letters and digits ([^\W_] is exactly
# [\p{L}\p{N}], checked over every code point of Python's Unicode data). A chain is
# words joined by single hyphens or apostrophes.
WORD = f"(?:[{CJK}]+|[^\\W_{CJK}]+)"
WORDS = re.compile(WORD)
CHAIN = re.compile(f"{WORD}(?:[{JOINERS}]{WORD})*")
CJK_RUN = re.compile(f"^[{CJK}]+$")
CJK_CHAR = re.compile(f"[{CJK}]")
UNSPACED = frozenset({"zh"})  # written without spaces between words: characters indexed
LETTERS = re.compile("^(?:[a-z]+|[\u0430-\u044f]+)$")  # a-z, or Russian's а-я
ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")
VOWEL = re.compile(r"[aeiouy]")
DOUBLED = re.compile(r"([bdfgkmnprt])\1$")
WEIGHT_QUESTION, WEIGHT_KEYWORDS, WEIGHT_ANSWER = 3, 2, 1
WEIGHTS = (WEIGHT_QUESTION, WEIGHT_KEYWORDS, WEIGHT_ANSWER)  # of entry_texts, in order
PREFIX_MIN = 3
PREFIX_FACTOR = 0.5
# Above this many entries the page does not ship the index: the server searches.
SERVER_SEARCH_THRESHOLD = 300
PAGE_SIZE = 20


# What lower-casing and NFKD leave to fold (see above); faq_search.js has the same.
FOLDS = {
    "ß": "ss",
    "ς": "σ",
    "œ": "oe",
    "æ": "ae",
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0649": "\u064a",  # alef maqsura -> ya
    "\u0629": "\u0647",  # ta marbuta -> ha
    "\u0640": "",  # tatweel
    **{chr(0x660 + n): str(n) for n in range(10)},  # Arabic-Indic digits
    **{chr(0x6F0 + n): str(n) for n in range(10)},  # Eastern Arabic-Indic digits
}
# Light stemming by language (see above): steps of "ending:replacement" rules, longest
# endings first; in each step the first rule that leaves 3 letters or more applies. The
# page is sent its language's rules as they are written here (`client_rules`).
STEM_RULES = {
    "fr": ("eaux:eau aux:al s: x:", "euse:eur trice:teur ive:if enne:en elle:el ette:et ee: e:"),
    "es": ("ces:z es: as:a os:o", "a: o: e:"),
    # Savoy's light Russian stemmer (Lucene's RussianLightStemmer), with й and ё folded
    # to и and е as `normalise` leaves them, and -ые added.
    "ru": (
        "иями: оями: иям: иях: оях: ями: оям: ами: его: ему: ери: ими: ого: ому: ыми: оев: "
        "ая: яя: ях: юю: ах: ею: их: ия: ию: ою: ую: ям: ых: ея: ам: ем: еи: ев: ии: ое: "
        "ои: ыи: ым: ом: ов: ью: ие: ые: а: е: и: о: у: ы: я: ь:",
        "ь: и: нн:н",
    ),
}
STEM_STEPS = {
    lang: [[rule.split(":") for rule in step.split()] for step in steps]
    for lang, steps in STEM_RULES.items()
}
# Arabic: the proclitics and the article while 3 letters remain, then one ending.
ARABIC_PROCLITICS = re.compile("^(?:[وفبكل]|ال)*(?=.{3})")
ARABIC_ENDING = re.compile("^(.{3,}?)(?:ات|ون|ين|ها|يه|ه|ي)$")
# The FAQ's letters for `is_foreign`, by language: digits and the language's script (a
# regular-expression character class, sent to the page too).
SCRIPTS = {"ar": "0-9\u0600-\u06ff", "ru": "0-9\u0400-\u04ff", "zh": "0-9" + CJK}


def base_language(lang):
    """'fr' of 'fr-CA' or 'FR_ca': the language whose rules apply."""
    return re.split("[-_]", lang or "")[0].lower()


def unspaced(lang):
    """Whether `lang` is written without spaces between words (see UNSPACED)."""
    return base_language(lang) in UNSPACED


@lru_cache(maxsize=1)
def _folds():
    """str.translate table: every combining mark (categories Mn, Mc, Me) deleted, FOLDS."""
    table = {
        code: None
        for code in range(0x300, 0x110000)
        if unicodedata.category(chr(code)).startswith("M")
    }
    table.update({ord(char): folded for char, folded in FOLDS.items()})
    return table


def normalise(text):
    """Lower-case text without accents, harakat or compatibility forms ('Ｐａｇó' -> 'pago',
    'أَسْعار' -> 'اسعار')."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).lower())
    return text.translate(_folds())


@lru_cache(maxsize=65536)
def stem(word, lang="en"):
    """Light stemming of an Arabic word, or of an a-z or а-я word in the text's language;
    other words are returned unchanged."""
    if ARABIC_WORD.match(word):
        return ARABIC_ENDING.sub(r"\1", ARABIC_PROCLITICS.sub("", word))
    if len(word) <= 3 or not LETTERS.match(word):
        return word
    steps = STEM_STEPS.get(base_language(lang))
    if steps is None:
        return _stem_english(word)
    for step in steps:
        for ending, replacement in step:
            if word.endswith(ending) and len(word) - len(ending) + len(replacement) >= 3:
                word = word[: -len(ending)] + replacement
                break
    return word


def _stem_english(word):
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
    return DOUBLED.sub(r"\1", word)


def tokenize(text, lang="en"):
    """Search tokens of `text` in language `lang`, in order (duplicates kept): each word of
    a chain of words joined by hyphens or apostrophes, then the chain joined into one word."""
    return _chain_tokens(CHAIN.findall(normalise(text or "")), base_language(lang))


def index_terms(text, lang="en"):
    """The terms `text` is indexed by: set(tokenize(text, lang)), each distinct chain
    tokenized once, and in an `UNSPACED` language each CJK character on its own."""
    text = normalise(text or "")
    terms = set(_chain_tokens(set(CHAIN.findall(text)), base_language(lang)))
    if unspaced(lang):
        terms.update(CJK_CHAR.findall(text))
    return terms


def _chain_tokens(chains, lang):
    tokens = []
    for chain in chains:
        if chain.isalnum():
            _emit(chain, tokens, lang)
            continue
        words = WORDS.findall(chain)
        for word in words:
            _emit(word, tokens, lang)
        _emit("".join(words), tokens, lang)
    return tokens


def _emit(word, tokens, lang):
    if CJK_RUN.match(word):
        tokens.extend(word[i : i + 2] for i in range(max(1, len(word) - 1)))
    elif len(word) > 1 or not "a" <= word <= "z":
        tokens.append(stem(word, lang))


def idf(count, df):
    return math.floor(math.log(1 + count / df) * 1000 + 0.5) / 1000


def entry_texts(entry):
    """[question, category and tags, answer as read]: the three texts an entry is found by."""
    keywords = " ".join([entry.get("category", ""), *entry.get("tags", [])])
    return [entry.get("question", ""), keywords, answer_text(entry.get("answer", ""))]


def entry_postings(docs, lang="en"):
    """{term: [entry index * 8 + weight, ...]} with entry indexes ascending, from each
    entry's `entry_texts` in language `lang`."""
    postings = {}
    for index, texts in enumerate(docs):
        weights = {}
        for weight, text in zip(WEIGHTS, texts, strict=True):
            for term in index_terms(text, lang):
                weights[term] = weights.get(term, 0) + weight
        for term, weight in weights.items():
            postings.setdefault(term, []).append(index * 8 + weight)
    return postings


def answer_text(answer):
    """What a reader sees of a Markdown answer: the page's `.faq-answer` textContent."""
    return markdown_text(answer)


def client_index(entries, lang="en"):
    """The index the browser builds from the page: {"n": entries, "terms": {term: postings},
    "docs": [entry_texts, ...] (the texts, for phrases), "lang": the language searched}."""
    docs = [entry_texts(entry) for entry in entries]
    postings = entry_postings(docs, lang)
    terms = {term: postings[term] for term in sorted(postings)}
    return {"n": len(entries), "terms": terms, "docs": docs, "lang": lang}


QUOTES = '"\u201c-\u201e\u300c-\u300f'  # " “ ” „ 「 」 『 』
PHRASE = re.compile(f"[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]")


def phrases(query, lang="en"):
    """The token lists of the query's quoted phrases (of two tokens or more)."""
    found = (tokenize(text, lang) for text in PHRASE.findall(query or ""))
    return [tokens for tokens in found if len(tokens) > 1]


def holds_phrase(texts, phrase, lang="en"):
    """Whether one of the texts has the phrase's tokens one after the other."""
    size = len(phrase)
    for text in texts:
        tokens = tokenize(text, lang)
        if any(tokens[i : i + size] == phrase for i in range(len(tokens) - size + 1)):
            return True
    return False


class SearchIndex:
    """The same index held by the server, with a sorted vocabulary for prefix matches."""

    def __init__(self, count, postings, docs, lang="en"):
        self.count = count
        self.postings = postings
        self.docs = docs
        self.lang = lang
        self.vocabulary = sorted(postings)
        self.idf = {term: idf(count, len(p)) for term, p in postings.items()}
        self._alphabet = None

    @classmethod
    def from_entries(cls, entries, lang="en"):
        docs = [entry_texts(entry) for entry in entries]
        return cls(len(entries), entry_postings(docs, lang), docs, lang)

    @property
    def alphabet(self):
        """The FAQ's letters: the characters of the indexed terms in its language's script."""
        if self._alphabet is None:
            letters = SCRIPTS.get(base_language(self.lang), r"\s\S")  # or every character
            script = re.compile(f"[{letters}]")
            chars = set("".join(self.vocabulary))
            self._alphabet = frozenset(c for c in chars if script.match(c))
        return self._alphabet

    def is_foreign(self, query):
        """True when no query token has a character of the FAQ's letters (see above)."""
        tokens = tokenize(query, self.lang)
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
        for token in dict.fromkeys(tokenize(query, self.lang)):
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
        wanted = phrases(query, self.lang)
        kept = [
            (entry, matched, score)
            for entry, (matched, score) in totals.items()
            if matched == most and all(holds_phrase(self.docs[entry], p, self.lang) for p in wanted)
        ]
        return sorted(kept, key=lambda hit: (-hit[2], hit[0]))


def client_rules(lang):
    """What faq_search.js needs of the language's rules (the page is sent its own only):
    {"steps": STEM_RULES' steps, "script": SCRIPTS' class}, either missing where the
    language has none."""
    lang = base_language(lang)
    rules = {"steps": list(STEM_RULES.get(lang, ())), "script": SCRIPTS.get(lang)}
    return {name: value for name, value in rules.items() if value}


def _from_client(index):
    return SearchIndex(index["n"], index["terms"], index["docs"], index.get("lang", "en"))


def rank(index, query):
    """Rank with a client index dict (tests compare this with the JS port)."""
    return _from_client(index).rank(query)


def is_foreign(index, query):
    """`SearchIndex.is_foreign` with a client index dict (compared with the JS port)."""
    return _from_client(index).is_foreign(query)


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


def cached_index(entries, lang="en"):
    """The SearchIndex of `entries` in language `lang`, built once per process for a given
    content."""
    key = (content_key(entries), base_language(lang))
    return _INDEXES.get(key, lambda: SearchIndex.from_entries(entries, lang))


def warm_index(entries, lang="en"):
    """Start building the server index in the background while the learner reads the page."""
    if (content_key(entries), base_language(lang)) not in _INDEXES:
        threading.Thread(target=cached_index, args=(entries, lang), daemon=True).start()


def use_server_search(entry_count, mode="auto"):
    if mode in ("browser", "server"):
        return mode == "server"
    return entry_count > SERVER_SEARCH_THRESHOLD

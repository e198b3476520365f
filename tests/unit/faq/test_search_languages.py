"""FAQ search in the language the FAQ is read in (issue #19): accents, Arabic letter forms
and diacritics folded, light stemming per language, the same rules in every language."""

import pytest

from tests.runtimes import call_handler
from tests.unit.faq.helpers import course_entries, faq
from tests.unit.faq.translated_entries import ENTRIES
from xblocks.faq.search import SearchIndex, client_index, is_foreign, rank, stem, tokenize


def found(lang, query):
    entries = ENTRIES[lang]
    return [entries[index]["id"] for index, _n, _s in rank(client_index(entries, lang), query)]


@pytest.mark.parametrize(
    ("lang", "text", "tokens"),
    [
        ("fr", "Développement développements", ["developpement", "developpement"]),
        ("fr", "douanières douanier", ["douanier", "douanier"]),
        ("fr", "commerciaux commerciale régionaux", ["commercial", "commercial", "regional"]),
        ("fr", "européennes européen", ["europeen", "europeen"]),
        ("fr", "exportatrices exportateurs", ["exportateur", "exportateur"]),
        ("fr", "exonérées exonéré nouveaux", ["exoner", "exoner", "nouveau"]),
        ("fr", "l'entreprise", ["entrepris", "lentrepris"]),
        ("fr", "mise en œuvre", ["mis", "en", "oeuvr"]),
        ("fr-CA", "taux pays", ["tal", "pay"]),
        ("es", "países país", ["pais", "pais"]),
        ("es", "pequeñas pequeño años año", ["pequen", "pequen", "ano", "ano"]),
        ("es", "ciudades luces veces", ["ciudad", "luz", "vez"]),
        ("es-419", "exportadoras exportadores", ["exportador", "exportador"]),
        ("ar", "التجارة تجارة تجاري التجارية", ["تجار"] * 4),
        ("ar", "وبالتجارة للتجارة", ["تجار", "تجار"]),
        ("ar", "أسعار إسعار آسعار اسعار", ["اسعار"] * 4),
        ("ar", "المؤسسات مُؤَسَّسة", ["موسس", "موسس"]),
        ("ar", "ٱلدفع الدَّفْعُ دفـــع", ["دفع"] * 3),
        ("ar", "مستوى مستوي", ["مستو", "مستو"]),
        ("ar", "الهدف ١٧ و۱۷", ["هدف", "17", "و17"]),
        ("ar", "الصين الحد", ["صين", "الحد"]),  # 3 letters stay
        ("ar-EG", "منصات منصة", ["منص", "منص"]),
    ],
)
def test_tokens_in_each_language(lang, text, tokens):
    assert tokenize(text, lang) == tokens


def test_english_is_the_default_and_other_languages_are_searched_as_english():
    assert tokenize("payments trading") == tokenize("payments trading", "en") == ["payment", "trad"]
    assert tokenize("payments trading", "de") == tokenize("payments trading", "")
    assert tokenize("payments trading", "fr") == ["payment", "trading"]
    assert stem("commerciaux", "fr") == "commercial" != stem("commerciaux")
    # Arabic words are stemmed by the Arabic rules whatever the FAQ's language.
    assert tokenize("بالتجارة", "en") == ["تجار"]


def test_folds_outside_latin_and_arabic():
    assert tokenize("Straße STRASSE", "de") == ["strass", "strass"]
    assert tokenize("ΟΔΟΣ οδοσ", "el") == ["οδοσ", "οδοσ"]


@pytest.mark.parametrize(
    ("lang", "query", "ids"),
    [
        ("fr", "developpement durable", ["sdgs"]),
        ("fr", "accord commercial", ["sdgs"]),
        ("fr", "entrepreneur européen", ["sdgs"]),
        ("fr", "règle douanière", ["pilot-zone"]),
        ("fr", "frais", ["payments"]),
        ("fr", "Paiements", ["payments", "pilot-zone"]),  # the question first
        ("es", "pequena empresa", ["payments"]),
        ("es", "norma aduanera", ["pilot-zone"]),
        ("es", "pais en desarrollo", ["sdgs"]),
        ("es", "ciudad", ["sdgs"]),
        ("es", "año", ["sdgs"]),
        ("es", "luz", ["sdgs"]),
        ("es", "emprendedor", ["sdgs"]),
        ("ar", "تجارة", ["pilot-zone", "sdgs"]),  # التجارة, للتجارة
        ("ar", "التجارة الالكترونية", ["pilot-zone", "sdgs"]),  # without the hamza of إ
        ("ar", "التِّجَارَةُ", ["pilot-zone", "sdgs"]),  # with harakat
        ("ar", "منصة الدفع", ["payments"]),  # منصات
        ("ar", "المؤسسة الصغيرة", ["payments"]),
        ("ar", "الاهداف", ["sdgs"]),  # أهداف, بأهداف
        ("ar", "ٱلتنمية", ["sdgs"]),
        ("ar", "الهدف 17", ["sdgs"]),  # written ١٧
        ("ar", "بالمدفوعات", ["payments"]),
        ("ar", "SDG 17", ["sdgs"]),
    ],
)
def test_queries_find_the_entry_in_each_language(lang, query, ids):
    assert found(lang, query) == ids


def test_every_word_phrases_and_most_words_hold_in_each_language():
    assert found("fr", "paiement international") == ["payments"]  # not the pilot zone
    assert found("fr", '"petites entreprises"') == ["payments"]
    assert found("fr", '"entreprises petites"') == []
    assert found("es", '"pequeñas empresas"') == ["payments"]
    assert found("es", "pago transferencia") == ["payments"]
    assert found("ar", '"المؤسسات الصغيرة"') == ["payments"]
    assert found("ar", '"الصغيرة المؤسسات"') == []
    # No entry has every word: the ones with the most.
    assert found("ar", "رسوم الدفع في السيارة") == ["payments"]


def test_a_query_in_another_script_is_foreign_to_the_faq_in_its_language():
    arabic = client_index(ENTRIES["ar"], "ar")
    # The Arabic FAQ writes "SDG 17" once: English words are still not its language.
    assert is_foreign(arabic, "sustainable development goals")
    assert not is_foreign(arabic, "سيارة")  # no match, but in the FAQ's letters
    assert not is_foreign(arabic, "71")  # digits are every language's
    french = client_index(ENTRIES["fr"], "fr")
    assert is_foreign(french, "الدفع") and not is_foreign(french, "voiture")
    server = SearchIndex.from_entries(ENTRIES["ar"], "ar")
    assert server.is_foreign("payments") and not server.is_foreign("payments الدفع")


def test_the_server_index_of_a_language_ranks_like_its_client_index():
    for lang, entries in ENTRIES.items():
        server = SearchIndex.from_entries(entries, lang)
        for query in ["paiement", "pago", "الدفع", "17", "electronico"]:
            assert server.rank(query) == rank(client_index(entries, lang), query)


def test_the_block_searches_in_the_language_its_content_is_read_in():
    block = faq(ENTRIES["fr"], content_language="fr", search_mode="server")
    assert block.student_view().json_init_args["lang"] == "fr"
    status, body = call_handler(block, "search", {"q": "accord commercial"})
    assert status == 200 and body["ids"] == ["sdgs"]
    body = call_handler(block, "search", {"q": "الدفع"})[1]
    assert body["ids"] == [] and body["foreign"]
    english = faq(course_entries()[:5], content_language="en")
    assert english.student_view().json_init_args["lang"] == "en"

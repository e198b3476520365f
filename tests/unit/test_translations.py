"""The package catalog is complete: every UI string extracted, translated, well-formed.

Fails when a string in Python, a template or JS is missing from the catalog, when a
language lacks a translation, when a translation's placeholders differ from the source,
or when a shipped .mo does not match its .po.
"""

import gettext
import re
import shutil
from pathlib import Path

import polib
import pytest

from xblocks.conf import catalog

PO_FILES = sorted(catalog.LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sd]|%[sd]")


def _entries(path):
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def test_every_language_has_both_domains():
    found = {(path.parts[-3], path.stem) for path in PO_FILES}
    expected = {(locale, domain) for locale in catalog.LOCALES for domain in ("django", "djangojs")}
    assert found == expected


def test_catalog_holds_exactly_the_strings_in_the_sources(tmp_path):
    if not shutil.which("xgettext"):
        pytest.fail("GNU gettext is needed to extract strings: apt-get install gettext")
    copy = tmp_path / "xblocks"
    shutil.copytree(catalog.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(copy / "conf" / "locale")
    (copy / "conf" / "locale").mkdir()
    original = catalog.PACKAGE_DIR
    try:
        catalog.PACKAGE_DIR = copy
        catalog.extract()
    finally:
        catalog.PACKAGE_DIR = original
    for path in PO_FILES:
        fresh = copy / path.relative_to(catalog.LOCALE_DIR.parent.parent)
        extracted = {e.msgid for e in _entries(fresh)}
        committed = {e.msgid for e in _entries(path)}
        assert extracted - committed == set(), f"{path}: run python -m xblocks.conf.catalog extract"
        assert committed - extracted == set(), f"{path}: strings no longer in the sources"


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_every_string_is_translated(path):
    untranslated = [
        e.msgid
        for e in _entries(path)
        if "fuzzy" in e.flags or not (e.msgstr or all(e.msgstr_plural.values()))
    ]
    assert untranslated == []


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_plural_entries_have_every_form_of_the_language(path):
    locale = path.parts[-3]
    nplurals = int(catalog.PLURAL_FORMS[locale].split(";")[0].split("=")[1])
    assert polib.pofile(str(path)).metadata["Plural-Forms"] == catalog.PLURAL_FORMS[locale]
    wrong = [e.msgid for e in _entries(path) if e.msgid_plural and len(e.msgstr_plural) != nplurals]
    assert wrong == []


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_placeholders_are_the_same_as_in_the_source(path):
    wrong = []
    for entry in _entries(path):
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for text in translations:
            if sorted(PLACEHOLDER.findall(text)) != expected and not entry.msgid_plural:
                wrong.append((entry.msgid, text))
            elif entry.msgid_plural and set(PLACEHOLDER.findall(text)) - set(
                PLACEHOLDER.findall(entry.msgid + entry.msgid_plural)
            ):
                wrong.append((entry.msgid, text))
    assert wrong == []


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_shipped_mo_matches_its_po(path):
    mo_path = path.with_suffix(".mo")
    assert mo_path.is_file(), f"{mo_path} missing: run python -m xblocks.conf.catalog compile"
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in _entries(path):
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                assert (
                    compiled.ngettext(entry.msgid, entry.msgid_plural, _n_for(compiled, index))
                    == text
                )
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


def _n_for(compiled, index):
    """A count that selects plural form `index` in this language."""
    for n in range(0, 200):
        if compiled.plural(n) == index:
            return n
    raise AssertionError(f"no count selects plural form {index}")


def test_the_locale_folder_is_inside_the_package():
    assert Path(catalog.LOCALE_DIR).is_relative_to(catalog.PACKAGE_DIR)

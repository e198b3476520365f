"""Maintain the package's one gettext catalog: `python -m xblocks.conf.catalog extract|compile`.

Strings are extracted by Django's makemessages from Python, templates (domain `django`)
and JavaScript (domain `djangojs`) into xblocks/conf/locale/<locale>/LC_MESSAGES, and
compiled to the .mo files the package ships. Needs GNU gettext (apt-get install gettext).
"""

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = PACKAGE_DIR / "conf" / "locale"
# The six UN languages beside English, and Portuguese.
LOCALES = ["ar", "es", "fr", "pt_BR", "ru", "zh_Hans"]
IGNORED = ["devserver/*", "conf/*", "*/tests/*"]
# gettext's plural rules for each language (what makemessages leaves as a placeholder).
PLURAL_FORMS = {
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
    "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "zh_Hans": "nplurals=1; plural=0;",
}


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xblocks.conf.catalog_settings")
    import django

    django.setup()
    from django.core.management import call_command

    return call_command


def extract(locale_dir=LOCALE_DIR):
    """Write/refresh the .po files of every locale from the package's sources."""
    call_command = _django()
    cwd = os.getcwd()
    os.chdir(PACKAGE_DIR)  # makemessages writes to ./conf/locale
    try:
        for domain, extensions in (("django", ["html", "py"]), ("djangojs", ["js"])):
            call_command(
                "makemessages",
                locale=LOCALES,
                domain=domain,
                extensions=extensions,
                ignore_patterns=IGNORED,
                no_location=True,
                no_obsolete=True,
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    for locale in LOCALES:
        for path in (catalog_dir(locale)).glob("*.po"):
            _complete_header(path, locale)


def catalog_dir(locale):
    return PACKAGE_DIR / "conf" / "locale" / locale / "LC_MESSAGES"


def _complete_header(path, locale):
    """Give a new .po its language and plural rule, and take the header out of 'fuzzy'."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Language: \\n"', f'"Language: {locale}\\n"', 1)
    text = text.replace(
        '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"',
        f'"Plural-Forms: {PLURAL_FORMS[locale]}\\n"',
        1,
    )
    text = text.replace('#, fuzzy\nmsgid ""\nmsgstr ""', 'msgid ""\nmsgstr ""', 1)
    path.write_text(text, encoding="utf-8")


def compile_catalog():
    call_command = _django()
    cwd = os.getcwd()
    os.chdir(PACKAGE_DIR)
    try:
        call_command("compilemessages", verbosity=0)
    finally:
        os.chdir(cwd)


if __name__ == "__main__":
    commands = {"extract": extract, "compile": compile_catalog}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit("usage: python -m xblocks.conf.catalog extract|compile")
    commands[sys.argv[1]]()

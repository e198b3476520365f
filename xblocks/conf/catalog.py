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
IGNORED = ["devserver/*", "course/*", "conf/*", "*/tests/*"]


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

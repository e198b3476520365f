"""Templates and static files of a block, rendered in the learner's language."""

import hashlib
import json
import re
from functools import cache
from importlib.resources import files

from django.template import Context, Engine, Template
from django.template.backends.django import get_installed_libraries
from django.utils.safestring import mark_safe
from web_fragments.fragment import Fragment
from xblock.utils.resources import ResourceLoader

from .i18n import current_language, js_catalog_script

# Indentation is for whoever edits a template; learners on metered connections would pay
# for it on every page (a fifth of a quiz's HTML). Whitespace after a line break renders
# the same as the break alone, and no template has literal text in <pre> or <textarea>.
INDENTATION = re.compile(r"^[ \t]+", re.MULTILINE)


# A JS line that starts with "/*" starts a comment (ES5 strings cannot span lines).
LEADING_COMMENT = re.compile(r"^/\*.*?\*/\n", re.MULTILINE | re.DOTALL)


class InitArgsError(ValueError):
    """Init args that would hold markup: text belongs in the template (see `fragment`)."""


@cache
def shared_script(name="seminar_xblocks.js"):
    """A static/js file of this package (seminar_xblocks.js: what every block's JS shares),
    inline in a block's fragment: the blocks' packages share no static URL in the LMS.
    Indentation and whole-line comments go: unlike a cached file, an inline script is paid
    for on every page."""
    source = files(__package__).joinpath("static/js", name).read_text("utf-8")
    return LEADING_COMMENT.sub("", INDENTATION.sub("", source))


@cache
def _engine():
    # As xblock.utils' ResourceLoader does, but built once: its {% trans %} tags translate
    # with the catalog passed as `_i18n_service`.
    libraries = {**get_installed_libraries(), "i18n": "xblock.utils.templatetags.i18n"}
    return Engine(libraries=libraries)


class BlockResources:
    """Loads one block package's templates (parsed once) and adds its static files."""

    def __init__(self, module_name):
        self.loader = ResourceLoader(module_name)
        self._templates = {}

    def template(self, template_path):
        if template_path not in self._templates:
            source = INDENTATION.sub("", self.loader.load_unicode(template_path))
            self._templates[template_path] = Template(source, engine=_engine())
        return self._templates[template_path]

    def render(self, block, template_path, context):
        """Render a Django template with the package catalog for {% trans %} tags.

        `lang`/`dir` are the learner's language (the block's own words); `content_attrs`
        goes on every element that holds author text: its own ` lang=.. dir=..`.
        """
        context = {
            **context,
            **block.language_attributes(),
            "content_attrs": mark_safe(block.content_attributes()),  # a checked language tag
            # Called only by a template that shows it (Django calls a callable on use).
            "language_switcher": getattr(block, "language_switcher", ""),
            "_i18n_service": block.translation,
        }
        return self.template(template_path).render(Context(context))

    def fragment(self, block, template_path, context, *, css=(), js=(), init=None, args=None):
        """A fragment with the rendered template, the block's CSS/JS and its JS init call."""
        frag = Fragment(self.render(block, template_path, context))
        for path in css:
            frag.add_css_url(resource_url(block, path))
        if js and (catalog := js_catalog_script(current_language())):
            frag.add_javascript(catalog)
        if js:
            frag.add_javascript(shared_script())
        if js and len(getattr(block, "offered_languages", list)()) > 1:
            frag.add_javascript(shared_script("seminar_language.js"))  # its menu's code
        for path in js:
            frag.add_javascript_url(resource_url(block, path))
        if init:
            frag.initialize_js(init, checked_init_args(init, args or {}))
        return frag


def resource_url(block, path):
    """The runtime's URL of a block's static file, versioned by the file's content.

    With the version in its URL, a file can be cached for good and is fetched again only
    when it changes (the dev server says so; the LMS's collected files have their own
    hashed names and its web server's cache headers).
    """
    url = block.runtime.local_resource_url(block, path)
    return f"{url}{'&' if '?' in url else '?'}v={file_version(type(block), path)}"


@cache
def file_version(block_class, path):
    with block_class.open_local_resource(path) as file:
        return hashlib.sha256(file.read()).hexdigest()[:12]


def checked_init_args(init, args):
    """`args`, unless their JSON holds a "<".

    Init args are data, never author or learner text: runtimes differ in how they escape
    them, and the workbench writes them unescaped inside a <script> element, where a
    "</script>" in any text ends it and runs what follows. Text goes into the template
    (Django escapes it; JSON through the json_script filter) or comes from a handler.
    Refused here, whatever the runtime, so a developer finds it in the tests.
    """
    if "<" in json.dumps(args):
        raise InitArgsError(
            f"The init args of {init} hold '<': put text in the template, not in init args."
        )
    return args

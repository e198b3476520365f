"""Templates and static files of a block, rendered in the learner's language."""

from web_fragments.fragment import Fragment
from xblock.utils.resources import ResourceLoader

from .i18n import current_language, js_catalog_script


class BlockResources:
    """Loads one block package's templates and adds its static files to fragments."""

    def __init__(self, module_name):
        self.loader = ResourceLoader(module_name)

    def render(self, block, template_path, context):
        """Render a Django template with the package catalog for {% trans %} tags."""
        context = {**context, **block.language_attributes()}
        return self.loader.render_django_template(
            template_path, context, i18n_service=block.translation
        )

    def fragment(self, block, template_path, context, *, css=(), js=(), init=None, args=None):
        """A fragment with the rendered template, the block's CSS/JS and its JS init call."""
        frag = Fragment(self.render(block, template_path, context))
        for path in css:
            frag.add_css_url(block.runtime.local_resource_url(block, path))
        if js and (catalog := js_catalog_script(current_language())):
            frag.add_javascript(catalog)
        for path in js:
            frag.add_javascript_url(block.runtime.local_resource_url(block, path))
        if init:
            frag.initialize_js(init, args or {})
        return frag

"""Script-injection vectors in every field an author or an imported file controls come out inert."""

import pytest
from lxml import html as lxml_html

from tests.unit.test_markdown import XSS_VECTORS

from .conftest import FULL, lecture

MORE_VECTORS = [
    "<scr<script>ipt>alert(1)</script>",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    "[x](vbscript:msgbox(1))",
    '<img src="x" srcset="javascript:alert(1) 1x">',
    '<details open ontoggle="alert(1)">x</details>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="import" href="https://evil.example/x.html">',
    '<embed src="javascript:alert(1)">',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="#" style="position:fixed;inset:0">cover the page</a>',
    "]]><script>alert(1)</script>",
]
DANGEROUS_TAGS = {
    "script", "iframe", "object", "embed", "form", "svg", "math", "style", "base", "meta",
    "link", "noscript", "input", "button", "textarea", "select",
}  # fmt: skip
SAFE_SCHEMES = ("https:", "http:", "mailto:", "#", "/")


def assert_inert(content, allowed_buttons=2):
    tree = lxml_html.fromstring(content)
    body_parts = tree.xpath(
        "//*[contains(@class, '__body') or contains(@class, '__transcript-text') or self::header"
        " or contains(@class, '__takeaways') or contains(@class, '__handouts')]"
    )
    for part in body_parts:
        for element in part.iter():
            if not isinstance(element.tag, str):
                continue
            assert element.tag not in DANGEROUS_TAGS, (element.tag, content)
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (name, content)
                assert name.lower() not in {"style", "srcset", "background", "formaction"}
                if name in ("href", "src"):
                    assert value.strip().lower().startswith(SAFE_SCHEMES) or ":" not in value
    assert len(tree.xpath("//button")) == allowed_buttons  # only the block's own


@pytest.mark.parametrize("vector", XSS_VECTORS + MORE_VECTORS)
@pytest.mark.parametrize(
    "field",
    ["body", "transcript", "display_name", "objectives", "takeaways", "speakers", "handouts"],
)
def test_vector_in_each_field_is_inert(field, vector):
    values = dict(FULL)
    if field in ("objectives", "takeaways"):
        values[field] = [vector]
    elif field == "speakers":
        values[field] = [{"name": vector, "role": vector, "organisation": vector}]
    elif field == "handouts":
        values[field] = [{"title": vector, "url": "/static/a.pdf"}]
    else:
        values[field] = vector
    assert_inert(lecture(**values).student_view().content)

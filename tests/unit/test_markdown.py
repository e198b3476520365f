"""Markdown is rendered with its extensions and can never carry script."""

import pytest

from xblocks.common.markdown import (
    plain_text,
    render_markdown,
    render_markdown_with_toc,
    sanitize_html,
)

# Script-injection vectors an author, an imported OLX file or a learner could write.
XSS_VECTORS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<iframe src="https://example.org"></iframe>',
    '<svg onload="alert(1)"><circle/></svg>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">x</p>',
    '<object data="x.swf"></object>',
    '<form action="https://evil.example"><input name=a></form>',
    "![x](javascript:alert(1))",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<style>body{display:none}</style>",
    '<a href="&#106;avascript:alert(1)">x</a>',
]


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_script_vectors_come_out_inert(vector):
    html = render_markdown(f"Before\n\n{vector}\n\nAfter").lower()
    for marker in (
        "<script",
        "javascript:",
        "onerror",
        "onload",
        "onclick",
        "<iframe",
        "<object",
        "<form",
        "<svg",
        "<style",
        "data:text/html",
    ):
        assert marker not in html, (vector, html)
    assert "after" in html


def test_tables_footnotes_code_and_heading_anchors():
    text = (
        "## Payment models\n\n| Model | Risk |\n|---|---|\n| Escrow | low |\n\n"
        "A fact[^1].\n\n```python\nprint('x')\n```\n\n[^1]: Seed 001."
    )
    html, toc = render_markdown_with_toc(text)
    assert '<h2 id="md-payment-models">' in html
    assert "<table>" in html and "<td>Escrow</td>" in html
    assert 'class="footnote"' in html
    assert '<code class="language-python">' in html
    assert toc == [{"id": "md-payment-models", "name": "Payment models", "level": 2}]


def test_images_are_lazy_and_https_links_kept():
    html = render_markdown("![Map](/static/map.png) [UN](https://www.un.org)")
    assert 'loading="lazy"' in html
    assert 'href="https://www.un.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_plain_text_strips_every_tag():
    assert plain_text("<b>Hi</b><script>x()</script> there") == "Hi there"


@pytest.mark.parametrize(
    ("source", "items"),
    [
        (
            "The models:\n- **Cards**, by a provider.\n- Wallets.",
            ["<strong>Cards</strong>, by a provider.", "Wallets."],
        ),
        ("Steps:\n1. Register.\n2. Export.", ["Register.", "Export."]),
    ],
)
def test_a_list_may_start_right_under_a_paragraph(source, items):
    html = render_markdown(source)
    assert [f"<li>{item}</li>" in html for item in items] == [True] * len(items)
    assert "- " not in html


def test_list_markers_in_code_and_mid_paragraph_numbers_stay_text():
    assert "<li>" not in render_markdown("```\nshell:\n- not a list\n```")
    assert "<li>" not in render_markdown("It grew in 2010\n2. That is all.")


def test_an_image_whose_address_is_dropped_is_dropped_too():
    # Markdown 3.10 (Verawood's pin) passes raw <img> through to the sanitiser.
    assert sanitize_html('<p><img src="x:" onerror="alert(1)">text</p>') == "<p>text</p>"
    kept = sanitize_html('<img src="/static/map.png" alt="Map of the zones">')
    assert 'src="/static/map.png"' in kept and 'alt="Map of the zones"' in kept

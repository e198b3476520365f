"""Workbench scenarios in the lecture's own OLX. Index 0 is the learner-facing demo.

The demo's facts come from the seminar's seed articles (seed 002: the eWTP public service
platform; Ant Financial as Alibaba's payment arm). The video addresses are placeholders:
example.org is reserved for examples, and the YouTube id spells "seminarDemo".
"""

DEMO_BODY = """\
## Why payment is harder across borders

Selling at home needs one currency, one banking system and one set of rules. A sale to a
buyer in another country adds three questions: **which currency** the buyer pays in,
**how the money reaches** the seller, and **who carries the risk** if the parcel never
arrives.

A small firm rarely has a bank account abroad. It depends on payment services that
collect money from the buyer, convert it and pay it out at home. Ant Financial, the
payment arm of Alibaba Group, is one example of such a service.[^ewtp]

## The steps of one payment

| Step | What happens | Who does it |
|---|---|---|
| Checkout | The buyer pays by card or mobile wallet in her currency | Payment service |
| Holding | The money is held until the order is confirmed | Payment service |
| Conversion | The amount is converted to the seller's currency | Payment service or bank |
| Settlement | The seller receives the money at home, minus fees | Bank |

### Holding the money: escrow

Holding the money until delivery protects the buyer; releasing it on time protects the
seller. Marketplaces often work this way because buyer and seller never meet.

### Settlement and records

Customs and tax offices compare the payment record with the order and the parcel. When
the three tell the same story, low-risk parcels clear quickly.

## One place for many services

The electronic World Trade Platform (eWTP), first proposed in 2016, set up a public
service platform in Hangzhou. It gives small and medium-sized firms one electronic
"operating system" for online customs clearance, foreign-exchange settlement, tax refunds,
logistics and financial services.[^ewtp]

## Questions for your country

- Can a small exporter receive payment from a foreign marketplace?
- How long does settlement take, and what does it cost?
- Can payment records be shared with customs electronically?

[^ewtp]: Report on the eWTP secretariat and public service platform (seed 002).
"""

DEMO_TRANSCRIPT = """\
Welcome to this short lecture on payment. We follow one payment from the buyer's screen to
the seller's bank account, and look at why each step matters for small firms.

First, the buyer pays in her own currency. Then the payment service holds the money until
the order is confirmed. Finally the money is converted and settled with the seller.
"""


def _lecture(attrs, children, body):
    body = f"<body><![CDATA[{body}]]></body>"
    attrs += ' content_language="en"'
    return f"<seminar_lecture {attrs}>\n{children}\n{body}\n</seminar_lecture>"


DEMO = _lecture(
    'display_name="Getting paid across borders" sdgs="8 9 17" '
    'video_url="https://media.example.org/seminar/getting-paid-across-borders.mp4"',
    """
<speaker name="Seminar course team" role="Module authors" organisation="SSCeCommerce"/>
<objective>Describe the steps of one cross-border payment, from checkout to settlement.</objective>
<objective>Explain why holding the money until delivery builds trust.</objective>
<objective>Name the services a public service platform brings together.</objective>
<takeaway>A cross-border payment is collected, held, converted and settled.</takeaway>
<takeaway>Payment records that match the order and the parcel speed up customs.</takeaway>
<takeaway>Shared public services lower the cost of exporting for small firms.</takeaway>
<handout title="Transforming our world: the 2030 Agenda (UN resolution A/RES/70/1)"
         url="https://sdgs.un.org/2030agenda"/>
<transcript><![CDATA["""
    + DEMO_TRANSCRIPT
    + """]]></transcript>""",
    DEMO_BODY,
)

YOUTUBE = _lecture(
    'display_name="Payment in brief (YouTube video)" sdgs="8" video_youtube_id="seminarDemo"',
    """
<objective>Follow one payment from the buyer to the seller.</objective>
<takeaway>Payment is one of the services a cross-border sale depends on.</takeaway>
<transcript>The buyer pays, the service holds the money, the seller is paid.</transcript>""",
    "## Payment in brief\n\nThe video and its transcript summarise the steps of one payment.\n",
)

EDITABLE = _lecture(
    'display_name="A short lecture to edit" sdgs="17"',
    "<objective>Explain what a partnership for the goals means.</objective>\n"
    "<takeaway>No country builds a cross-border e-commerce ecosystem alone.</takeaway>",
    "## Partnerships\n\nPlatforms, carriers and customs administrations cooperate across "
    "borders.\n",
)

# Script-injection vectors in every text an author or an imported file controls. Each
# would call alert() if it ran; the browser test fails on any dialog.
HOSTILE_BODY = """\
## Hostile text

<script>alert('body-script')</script>
<img src="x:" onerror="alert('img-onerror')" alt="x">
[link](javascript:alert('md-link')) [mixed](JaVaScRiPt:alert('md-case'))
<a href="&#106;avascript:alert('entity')">entity link</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<svg onload="alert('svg')"><circle r="5"/></svg>
<iframe src="javascript:alert('iframe')"></iframe>
<p onclick="alert('onclick')" style="background:url(javascript:alert('css'))">styled</p>
<details open ontoggle="alert('ontoggle')"><summary>s</summary>d</details>
<form action="javascript:alert('form')"><button>go</button></form>
<object data="javascript:alert('object')"></object>
<math><mi xlink:href="javascript:alert('math')">m</mi></math>
<a id="gettext" href="#x">clobber</a> <img id="SeminarXBlocksI18N" alt="clobber">
![img](javascript:alert('md-img'))

```html
<script>alert('in-code-is-text')</script>
```
"""

HOSTILE = (
    "<seminar_lecture display_name=\"Hostile text &lt;script&gt;alert('title')&lt;/script&gt;\" "
    'sdgs="16">\n'
    '<speaker name="&lt;img src=x onerror=alert(\'speaker\')&gt;" role="r" organisation="o"/>\n'
    "<objective>&lt;script&gt;alert('objective')&lt;/script&gt;</objective>\n"
    "<takeaway>&lt;b onmouseover=alert('takeaway')&gt;t&lt;/b&gt;</takeaway>\n"
    '<handout title="&lt;script&gt;alert(\'handout\')&lt;/script&gt;" url="/static/h.pdf"/>\n'
    "<transcript><![CDATA[<script>alert('transcript')</script> [t](javascript:alert('t'))]]>"
    "</transcript>\n"
    f"<body><![CDATA[{HOSTILE_BODY}]]></body>\n</seminar_lecture>"
)

SCENARIOS = (
    ("Lecture: getting paid across borders (demo)", DEMO),
    ("Lecture: with a YouTube video (placeholder id)", YOUTUBE),
    ("Lecture: a short lecture to edit", EDITABLE),
    ("Lecture: hostile text (sanitiser check)", HOSTILE),
)

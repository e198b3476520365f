"""Workbench scenarios: a short FAQ on selling across borders, searched in the browser or on
the server. The full seminar FAQ is served as a course unit by `seminar serve`."""

from lxml import etree

from .olx import write_entries

PAYMENT = "Payment and logistics"
BASICS = "Cross-border e-commerce"
SDGS = "Sustainable Development Goals"

DEMO_ENTRIES = [
    {
        "id": "what-is-cross-border-ecommerce",
        "question": "What is cross-border e-commerce?",
        "category": BASICS,
        "tags": ["basics", "trade", "sdg-8"],
        "related": ["how-do-payments-work", "which-sdgs-does-ecommerce-touch"],
        "answer": (
            "Trade in which the buyer and the seller are in different countries and the order "
            "is placed online: on a website, a marketplace app or social media.\n\n"
            "Compared with traditional trade, orders are **smaller and more frequent**, many "
            "buyers are consumers, and small firms can sell abroad without agents."
        ),
    },
    {
        "id": "marketplace-or-own-website",
        "question": "Should a small firm sell on a marketplace or on its own website?",
        "category": BASICS,
        "tags": ["platforms", "msmes"],
        "related": ["what-is-cross-border-ecommerce"],
        "answer": (
            "| Question | Marketplace | Own website |\n|---|---|---|\n"
            "| Buyers | already there | you must attract them |\n"
            "| Control | platform rules | your brand and prices |\n\n"
            "Many firms test demand on a marketplace first, then open their own shop. "
            "Do not depend on a single channel."
        ),
    },
    {
        "id": "how-do-payments-work",
        "question": "How do payments work across borders?",
        "category": PAYMENT,
        "tags": ["payment", "finance"],
        "related": ["what-is-escrow"],
        "answer": (
            "The buyer's money moves, often in another currency, to the seller's account. "
            "Common payment methods:\n\n"
            "- card payments through a payment service provider;\n"
            "- e-wallets and mobile payment;\n"
            "- bank transfers, common between businesses;\n"
            "- platform payment with escrow.\n\n"
            "Ask a provider about fees, exchange rates and how long settlement takes."
        ),
    },
    {
        "id": "what-is-escrow",
        "question": "What is escrow, and why does it build trust?",
        "category": PAYMENT,
        "tags": ["escrow", "payment", "trust"],
        "related": ["how-do-payments-work"],
        "answer": (
            "A trusted third party, usually the platform, holds the buyer's payment until the "
            "goods arrive:\n\n1. The buyer pays into escrow.\n2. The seller ships.\n"
            "3. The buyer confirms receipt and the money is released.\n\n"
            "Neither side has to trust a stranger in another country."
        ),
    },
    {
        "id": "shipping-small-parcels",
        "question": "Which shipping options suit small parcels?",
        "category": PAYMENT,
        "tags": ["logistics", "shipping", "warehouses"],
        "related": ["how-do-payments-work"],
        "answer": (
            "Postal services suit light, low-value items; express couriers suit urgent goods; "
            "consolidated shipping lowers costs for regular sellers; an overseas warehouse "
            "keeps best-sellers close to buyers. Weigh cost, speed, tracking and returns."
        ),
    },
    {
        "id": "which-sdgs-does-ecommerce-touch",
        "question": "Which Sustainable Development Goals does e-commerce touch?",
        "category": SDGS,
        "tags": ["sdgs", "sdg-1", "sdg-8", "sdg-17"],
        "related": ["what-is-cross-border-ecommerce"],
        "answer": (
            "Selling online can raise incomes in rural areas (SDG 1 No poverty), create work "
            "for small firms (SDG 8 Decent work and economic growth) and depends on "
            "partnerships between countries (SDG 17 Partnerships for the goals)."
        ),
    },
]


def scenario_xml(display_name, entries, **attributes):
    attributes.setdefault("content_language", "en")
    node = etree.Element("seminar_faq", display_name=display_name, **attributes)
    write_entries(node, entries)
    return etree.tostring(node, encoding="unicode", pretty_print=True)


SCENARIOS = [
    ("FAQ: selling across borders", scenario_xml("Selling across borders: FAQ", DEMO_ENTRIES)),
    (
        "FAQ: server-side search (as for a knowledge base above 300 entries)",
        scenario_xml(
            "Selling across borders: FAQ (server search)", DEMO_ENTRIES, search_mode="server"
        ),
    ),
]

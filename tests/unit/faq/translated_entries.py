"""FAQ entries as the seminar's FAQ reads in French, Spanish and Arabic, for the search
tests (tests/unit/faq/test_search_languages.py, tests/browser/test_faq_search.py)."""


def entry(entry_id, question, answer, category="C", tags=()):
    """An FAQ entry as `check_entries` gives it."""
    return {
        "id": entry_id,
        "question": question,
        "answer": answer,
        "category": category,
        "tags": list(tags),
        "related": [],
    }


ENTRIES = {
    "fr": [
        entry(
            "pilot-zone",
            "Qu'est-ce qu'une zone pilote intégrée du commerce électronique transfrontalier ?",
            "Une zone pilote teste de nouvelles règles douanières, fiscales et de paiement "
            "avant leur extension à tout le pays.",
            "Politiques",
            ["zones pilotes"],
        ),
        entry(
            "payments",
            "Comment les petites entreprises reçoivent-elles des paiements de l'étranger ?",
            "Les plateformes de paiement agréées convertissent les devises et versent les "
            "fonds sur un compte local ; les frais sont en général inférieurs à ceux d'un "
            "virement international.",
            "Paiements",
        ),
        entry(
            "sdgs",
            "Quel est le lien avec le développement durable ?",
            "Le commerce électronique contribue à l'objectif de développement durable 17 "
            "(ODD 17) et aux accords commerciaux régionaux ; les entrepreneuses "
            "européennes et africaines y trouvent de nouveaux marchés.",
            "ODD",
            ["sdg-17"],
        ),
    ],
    "es": [
        entry(
            "pilot-zone",
            "¿Qué es una zona piloto de comercio electrónico transfronterizo?",
            "Una zona piloto prueba nuevas normas aduaneras, fiscales y de pago antes de "
            "extenderlas a todo el país.",
            "Políticas",
            ["zonas piloto"],
        ),
        entry(
            "payments",
            "¿Cómo reciben las pequeñas empresas pagos del extranjero?",
            "Las plataformas de pago autorizadas convierten las divisas y abonan los fondos "
            "en una cuenta local; las comisiones suelen ser inferiores a las de una "
            "transferencia internacional.",
            "Pagos",
        ),
        entry(
            "sdgs",
            "¿Qué relación tiene con los Objetivos de Desarrollo Sostenible?",
            "El comercio electrónico contribuye al ODS 17 y abre mercados a las "
            "emprendedoras de los países en desarrollo; en algunas ciudades las ventas se "
            "triplicaron en dos años, y las luces de las tiendas en línea no se apagan.",
            "ODS",
            ["sdg-17"],
        ),
    ],
    "ar": [
        entry(
            "pilot-zone",
            "ما هي المنطقة التجريبية الشاملة للتجارة الإلكترونية عبر الحدود؟",
            "تختبر المنطقة التجريبية قواعد جديدة للجمارك والضرائب والدفع قبل تعميمها على "
            "البلد كله.",
            "السياسات",
        ),
        entry(
            "payments",
            "كيف تتلقى المؤسسات الصغيرة المدفوعات من الخارج؟",
            "تحوّل منصات الدفع المرخّصة العملات وتودع الأموال في حساب محلي، وتكون رسومها "
            "عادةً أقل من رسوم التحويل الدولي.",
            "المدفوعات",
        ),
        entry(
            "sdgs",
            "ما صلة ذلك بأهداف التنمية المستدامة؟",
            "تسهم التجارة الإلكترونية في تحقيق الهدف ١٧ من أهداف التنمية المستدامة "
            "(SDG 17) وتفتح أسواقاً جديدة أمام رائدات الأعمال.",
            "أهداف التنمية المستدامة",
        ),
    ],
}

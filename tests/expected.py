"""What the printed handbook says, written out from the paper: the cards, the chapters, the references.

Not read from our registry, so a mistake in a card file or in the macros shows
up in the tests that compare the built site (and the printed PDF) with these.
"""

from __future__ import annotations

# Every card of the printed fan: number and printed title, in printed order.
PRINTED_CARDS = [
    (3, "Einleitung"),
    (5, "Definitionen"),
    (6, "Partizipation, Kooperation, Ko-Produktion"),
    (7, "Ko-Produktion – was ist das (nicht)?"),
    (8, "Teilhabe"),
    (9, "Daseinsvorsorge"),
    (10, "Warum Ko-Produktion"),
    (11, "Chancen der Ko-Produktion"),
    (12, "Warum Ko-Produktion? aus Sicht der Verwaltung"),
    (13, "Warum Ko-Produktion? aus Sicht der Zivilgesellschaft"),
    (14, "Legitimation"),
    (15, "Warum Legitimation wichtig ist"),
    (16, "Formen von Legitimation"),
    (17, "Legitimation der Akteure"),
    (18, "Legitimation von Ko-Produktionsprozessen"),
    (19, "Vor der Ko-Produktion"),
    (20, "Anforderungen der Ko-Produktion"),
    (21, "Bezahlte Stellen in der Zivilgesellschaft?"),
    (22, "Finanzierung von Stellen"),
    (23, "Stellvertretung oder Selbstorganisation der Zivilgesellschaft?"),
    (24, "Vom Konflikt zur Ko-Produktion (und wieder zurück)"),
    (25, "Handlungslogiken verstehen"),
    (26, "Hauptamt/Ehrenamt"),
    (27, "Rollenverteilung/Rollenkonflikte"),
    (28, "Handlungsspielräume verstehen"),
    (29, "Ziele der Ko-Produktion"),
    (30, "Ziele (für sich) formulieren"),
    (31, "Gemeinsame Ziele – gemeinsame Strategie"),
    (32, "Erfolge definieren, Erfolge feiern"),
    (33, "Idealismus und Pragmatismus"),
    (34, "Verstetigung"),
    (35, "Ziele erreicht?"),
    (36, "Nach vorne Scheitern"),
    (37, "Über sich hinauswirken"),
    (38, "Skalierung der Ko-Produktion"),
    (39, "Strukturen der Zusammenarbeit"),
    (40, "Intensität und Form der Zusammenarbeit klären"),
    (41, "Gremien einrichten"),
    (42, "Entscheidungen treffen"),
    (43, "Entscheidungsfähigkeit trotz Konflikten"),
    (44, "Das Miteinander gestalten"),
    (45, "Faktor Mensch"),
    (46, "Regelmäßige Reflektion und kollektives Lernen"),
    (47, "Weitere Akteure einbinden"),
    (48, "Umgang mit Personalfluktuation"),
    (49, "Externe Unterstützung"),
    (50, "Online oder in Präsenz treffen?"),
    (51, "Eine gemeinsame Sprache finden"),
    (52, "Transparenz und Öffentlichkeit"),
    (53, "Andere Leitfäden"),
    (54, "Quellen"),
    (56, "Impressum"),
]
TITLES = dict(PRINTED_CARDS)

# The table of contents: chapter title and the number of its first card.
PRINTED_CHAPTERS = [
    ("Einleitung", 3), ("Definitionen", 5), ("Warum Ko-Produktion", 10), ("Legitimation", 14),
    ("Vor der Ko-Produktion", 19), ("Ziele der Ko-Produktion", 29),
    ("Strukturen der Zusammenarbeit", 39), ("Andere Leitfäden", 53), ("Quellen", 54),
    ("Impressum", 56),
]

# The printed fan's cover card (page 1, before the contents card and card 3).
PRINTED_COVER = [
    "Ko-Produktion",
    "Ein Handlungsleitfaden für die Zusammenarbeit zwischen zivilgesellschaftlichen Akteuren und "
    "öffentlicher Verwaltung",
    "Lisa Vollmer, Laura Calbet i Elias, Susanna Raab, Theresa Zanders, Aya Kleine",
    "KoopWohl",
    "Städtische Ko-Produktion von Teilhabe und Gemeinwohl",
]

# The seven "→" blocks printed at the bottom right of their cards.
PRINTED_REFERENCES = {
    8: [15, 16, 18],
    15: [8, 11],
    32: [18, 52],
    33: [24, 43],
    35: [30, 31],
    38: [11, 47],
    49: [36, 43],
}


def chapter_of(number: int) -> str:
    """The title of the printed chapter card ``number`` belongs to."""
    return [title for title, first in PRINTED_CHAPTERS if first <= number][-1]

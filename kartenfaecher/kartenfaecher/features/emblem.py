"""The fan as the site's emblem: its chapters' colours as cards around a rivet, as printed.

One drawing for every place the site shows a mark of its own: the logo in the header (written
into each page by theme/partials/logo.html, so it costs no request), the favicon
(``assets/images/faecher.svg``, mkdocs.yml's ``theme.favicon``) and the app's icons
(kartenfaecher/features/app/ draws the same cards with Pillow). The colours are the chapters' own
(mkdocs.yml, kartenfaecher.kapitel), from which the cards' rules are written too (karte.py), so
the emblem never drifts from the cards.
"""

from __future__ import annotations

import math
from pathlib import Path

from markupsafe import Markup

FAVICON = "assets/images/faecher.svg"
RIVET = "#ffffff"


def cards(count: int, size: float = 1.0, safe: float = 1.0) -> tuple[list[list[tuple[float, float]]], tuple]:
    """The fan in a square of ``size``: ``count`` cards (four corners each), turning from straight up
    to the right around a rivet at the bottom left, and the rivet (x, y, radius). ``safe``
    shrinks the drawing towards the centre (a maskable icon keeps the middle 80 %)."""
    inset = size * (1 - safe) / 2
    span = size - 2 * inset
    pivot = (inset + span * 0.22, inset + span * 0.80)
    length, width = span * 0.66, span * 0.15
    drawn = []
    for i in range(count):
        angle = math.radians(-95 + 85 * i / max(count - 1, 1))
        dx, dy = math.cos(angle), math.sin(angle)
        nx, ny = -dy * width / 2, dx * width / 2
        tip = (pivot[0] + dx * length, pivot[1] + dy * length)
        drawn.append([(pivot[0] + nx, pivot[1] + ny), (tip[0] + nx, tip[1] + ny),
                      (tip[0] - nx, tip[1] - ny), (pivot[0] - nx, pivot[1] - ny)])
    return drawn, (pivot[0], pivot[1], span * 0.07)


def svg(colours: list[str]) -> str:
    """The emblem as SVG, cut to the fan's own bounds (no empty square around it)."""
    polygons, (cx, cy, r) = cards(len(colours), 100)
    xs = [x for polygon in polygons for x, _ in polygon] + [cx - r]
    ys = [y for polygon in polygons for _, y in polygon] + [cy + r]
    margin = 1.5
    box = (min(xs) - margin, min(ys) - margin, max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin)
    shapes = "".join(f'<polygon fill="{colour}" points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in polygon)}"/>'
                     for colour, polygon in zip(colours, polygons))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{" ".join(f"{v:.1f}" for v in box)}">'
            f'<g stroke="{RIVET}" stroke-width="1.4" stroke-linejoin="round">{shapes}</g>'
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{RIVET}"/></svg>')


def drawn(colours: list[str]) -> Markup:
    """The emblem, drawn once a build: the logo for the templates (theme/partials/logo.html),
    and the favicon ``write`` puts into the site."""
    return Markup(svg(colours).replace("<svg ", '<svg aria-hidden="true" ', 1))


def write(site_dir: str | Path, drawn: str) -> None:
    """The favicon: the emblem ``prepare`` drew."""
    path = Path(site_dir) / FAVICON
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(drawn + "\n", encoding="utf-8")

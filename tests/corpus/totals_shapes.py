"""More ways a dev page prints its totals block, drawn from a stream of their own.

The stacked block, the strip of cells and amounts-before-labels (`tables.totals_anyhow`) leave out
shapes that unseen designers print and OCR reads badly: every line on a dark band (light on dark),
a boxed grid of label and amount cells, each label above its amount, part of the items at a
reduced VAT rate (a VAT line per rate).
`pick_shape` draws from a generator seeded by the document's own stream without advancing it, so a
page that keeps its old shape stays byte for byte as it was (and its OCR result stays cached).
"""

from __future__ import annotations

import random
import re

from .blocks import WHITE, line_height
from .doc import Doc
from .facts import SECOND_RATE

SHAPES = ("band", "grid", "under", "two_rates")
NEW_SHAPE_CHANCE = 0.4
LIGHT = (0.92, 0.92, 0.94)
GRID_STROKE = (0.3, 0.3, 0.3)


def pick_shape(doc: Doc) -> str | None:
    """One of SHAPES for about NEW_SHAPE_CHANCE of pages, else None (the page as before)."""
    side = random.Random(repr(doc.rng.getstate()))
    return side.choice(SHAPES) if side.random() < NEW_SHAPE_CHANCE else None


def tax_part_at_second_rate(doc: Doc) -> None:
    """Some of the items at the country's reduced rate (the facts' VAT and total follow), where
    prices are net and nothing else (a discount, a delivery charge) touches the net."""
    facts = doc.facts
    if (
        facts.prices_include_vat
        or not facts.vat_rate
        or facts.second_rate is not None
        or facts.discount
        or facts.shipping
        or len(facts.line_items) < 2
        or facts.country not in SECOND_RATE
        or (doc.table is not None and "vat" in doc.table.extra)  # its lines print one rate
    ):
        return
    facts.second_rate = SECOND_RATE[facts.country]
    facts.second_rate_items = doc.rng.randint(1, len(facts.line_items) - 1)


def vat_line_per_rate(doc: Doc, lines: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """The VAT line as one line per rate, each its rate of its part of the net; no single rate is
    printed, the VAT field is their sum."""
    facts, fmt = doc.facts, doc.fmt
    index = next((i for i, (label, _, _) in enumerate(lines) if label == doc.words["vat"]), None)
    if index is None or facts.second_rate is None:
        return lines
    label = re.sub(r"\s*[(]?\d+(?:[.,]\d+)?\s?%[)]?", "", doc.words["vat"])
    doc.printed.discard("vat_rate")
    split = [
        (f"{label} {rate * 100:g}%", fmt.money(round(net * rate, 2)), False)
        for rate, net in facts.net_by_rate()
    ]
    return lines[:index] + split + lines[index + 1 :]


def draw_shape(
    doc: Doc, shape: str, lines: list[tuple[str, str, bool]], x: float, width: float, y: float
) -> float:
    """The totals `lines` as `shape` at x..x+width from y; returns the y under them."""
    sheet = doc.sheet
    if shape == "two_rates":
        lines = vat_line_per_rate(doc, lines)
    needed = max(
        sheet.measure(label, 11.5, True) + sheet.measure(amount, 11.5, True) + 8 for label, amount, _ in lines
    )
    if shape != "under" and needed > width:
        x, width = max(10.0, x - (needed - width)), needed
    dark = doc.rng.random() < 0.5  # the whole block light on dark, or only the total line
    for label, amount, strong in lines:
        size = 10 + (1.5 if strong else 0)
        height = line_height(size) + 1.5
        color = (0.0, 0.0, 0.0)
        if shape == "under":
            sheet.text(x, y, label, size - 1.5, color=(0.4, 0.4, 0.4))
            y += line_height(size - 1.5)
            sheet.text(x + width, y, amount, size, bold=strong, align="end")
            y += line_height(size) + 2
            continue
        if shape == "grid":
            split = width * 0.55
            sheet.box(x - 1.5, y - size * 0.42 - 0.5, split, height, stroke=GRID_STROKE, line_width=0.5)
            sheet.box(
                x - 1.5 + split,
                y - size * 0.42 - 0.5,
                width - split + 3,
                height,
                stroke=GRID_STROKE,
                line_width=0.5,
            )
        if shape == "band" and (dark or strong):
            sheet.box(
                x - 1.5, y - size * 0.42, width + 3, line_height(size) + 1, fill=doc.accent, stroke=None
            )
            color = WHITE
        elif shape == "band":
            sheet.box(x - 1.5, y - size * 0.42, width + 3, line_height(size) + 1, fill=LIGHT, stroke=None)
        sheet.text(x, y, label, size, bold=strong, color=color)
        sheet.text(x + width, y, amount, size, bold=strong, align="end", color=color)
        y += height
    return y

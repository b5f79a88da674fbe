"""More ways a dev page prints its totals block, drawn from a stream of their own.

The stacked block, the strip of cells and amounts-before-labels (`tables.totals_anyhow`) leave out
shapes that unseen designers print and OCR reads badly: every line on a dark band (light on dark),
a boxed grid of label and amount cells, each label above its amount, the VAT split over two rates.
`pick_shape` draws from a generator seeded by the document's own stream without advancing it, so a
page that keeps its old shape stays byte for byte as it was (and its OCR result stays cached).
"""

from __future__ import annotations

import random
import re

from .blocks import WHITE, line_height
from .doc import Doc

SHAPES = ("band", "grid", "under", "two_rates")
NEW_SHAPE_CHANCE = 0.4
LIGHT = (0.92, 0.92, 0.94)
GRID_STROKE = (0.3, 0.3, 0.3)


def pick_shape(doc: Doc) -> str | None:
    """One of SHAPES for about NEW_SHAPE_CHANCE of pages, else None (the page as before)."""
    side = random.Random(repr(doc.rng.getstate()))
    return side.choice(SHAPES) if side.random() < NEW_SHAPE_CHANCE else None


def two_rate_lines(doc: Doc, lines: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """The VAT line split in two: a reduced rate on about a third of the net, the main rate on the
    rest; the VAT field is their sum and no single rate is printed."""
    facts, fmt = doc.facts, doc.fmt
    index = next((i for i, (label, _, _) in enumerate(lines) if label == doc.words["vat"]), None)
    if index is None or not facts.vat_rate or facts.prices_include_vat or facts.second_rate is not None:
        return lines
    label = re.sub(r"\s*[(]?\d+(?:[.,]\d+)?\s?%[)]?", "", doc.words["vat"])
    low = 0.05 if facts.vat_rate > 0.1 else round(facts.vat_rate / 2, 4)
    low_net = round(facts.subtotal * doc.rng.choice([0.2, 0.3, 0.4]), 2)
    low_vat = round(low_net * low, 2)
    high_vat = round(facts.vat_amount - low_vat, 2)
    doc.printed.discard("vat_rate")
    split = [
        (f"{label} {low * 100:g}%", fmt.money(low_vat), False),
        (f"{label} {facts.vat_rate * 100:g}%", fmt.money(high_vat), False),
    ]
    return lines[:index] + split + lines[index + 1 :]


def draw_shape(
    doc: Doc, shape: str, lines: list[tuple[str, str, bool]], x: float, width: float, y: float
) -> float:
    """The totals `lines` as `shape` at x..x+width from y; returns the y under them."""
    sheet = doc.sheet
    if shape == "two_rates":
        lines = two_rate_lines(doc, lines)
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

"""What the rules read of the money fields when a dev page's totals block is printed another way.

`.venv/bin/python -m bench.extraction.money_probes [--docs N] [--seed S] [--format born_digital|clean_scan]
[--variants a,b] [--misses K]`

Dev families' pages are composed as drawn, except that the totals block is replaced by one of the
shapes unseen layouts plausibly print (everything else on the page the same):

- `other_side`: the stacked block on the start side of the page instead of the end side;
- `grid`: label and amount in boxed cells of a two-column grid, one row per line;
- `band`: every line on a shaded band, the total on the accent colour in white;
- `under`: each amount on its own line under its label;
- `bare`: no currency sign on any amount;
- `two_rates`: two VAT lines at two rates ('VAT 7% ... VAT 19% ...'), the VAT field their sum;
- `words`: the subtotal, VAT and total labels printed as made-up words.

Only the invoice-shaped dev families are used (their totals come from `totals_anyhow`/`totals_block`).
`--format clean_scan` scans each page with the corpus's damage and reads it through the OCR cache.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bench.extraction.score import mean_accuracy, miss_lines, tally

MONEY_FIELDS = ("subtotal", "vat_rate", "vat_amount", "total")
FAMILIES = ("classic", "kv_grid", "banded", "strip", "minimal", "payment_receipt", "panel")
VARIANTS = ("as_drawn", "other_side", "grid", "band", "under", "bare", "two_rates", "words")


def _lines(doc: Any) -> list[tuple[str, str, bool]]:
    from tests.corpus.tables import totals_lines

    return totals_lines(doc)


def _two_rate_lines(doc: Any) -> list[tuple[str, str, bool]]:
    """The VAT line split in two at two rates: a reduced-rate part of the net and the rest."""
    lines = _lines(doc)
    facts, fmt = doc.facts, doc.fmt
    index = next((i for i, (label, _, _) in enumerate(lines) if label == doc.words["vat"]), None)
    vat_label = re.sub(r"\s*[(]?\d+(?:[.,]\d+)?\s?%[)]?", "", doc.words["vat"])
    if index is None or not facts.vat_rate:
        return lines
    low = 0.05 if facts.vat_rate > 0.1 else facts.vat_rate / 2
    low_net = round(facts.subtotal * 0.3, 2)
    low_vat = round(low_net * low, 2)
    high_vat = round(facts.vat_amount - low_vat, 2)
    doc.printed.discard("vat_rate")  # two rates: no single rate to read
    split = [
        (f"{vat_label} {low * 100:g}%", fmt.money(low_vat), False),
        (f"{vat_label} {facts.vat_rate * 100:g}%", fmt.money(high_vat), False),
    ]
    return lines[:index] + split + lines[index + 1 :]


def _draw(doc: Any, x: float, width: float, y: float, shape: str) -> float:
    from tests.corpus.blocks import WHITE, line_height
    from tests.corpus.tables import LIGHT

    sheet = doc.sheet
    if shape == "other_side":
        x = max(10.0, doc.width - x - width)
    if shape == "bare":
        doc.fmt.sign = ""
    lines = _two_rate_lines(doc) if shape == "two_rates" else _lines(doc)
    for label, amount, strong in lines:
        size = 10 + (1.5 if strong else 0)
        height = line_height(size) + 1.5
        if shape == "grid":
            sheet.box(x - 1.5, y - size * 0.42 - 0.5, width * 0.55, height, stroke=(0.3, 0.3, 0.3))
            sheet.box(
                x - 1.5 + width * 0.55,
                y - size * 0.42 - 0.5,
                width * 0.45 + 3,
                height,
                stroke=(0.3, 0.3, 0.3),
            )
        color = (0, 0, 0)
        if shape == "band":
            fill = doc.accent if strong else LIGHT
            sheet.box(x - 1.5, y - size * 0.42, width + 3, line_height(size) + 1, fill=fill, stroke=None)
            color = WHITE if strong else color
        if shape == "under":
            sheet.text(x, y, label, size - 1.5, color=(0.4, 0.4, 0.4))
            y += line_height(size - 1.5)
            sheet.text(x, y, amount, size, bold=strong)
            y += line_height(size) + 2
            continue
        sheet.text(x, y, label, size, bold=strong, color=color)
        sheet.text(x + width, y, amount, size, bold=strong, align="end", color=color)
        y += height
    if doc.facts.allocation_number and "allocation_number" not in doc.printed:
        sheet.text(x, y + 3, f"{doc.words['allocation']}: {doc.facts.allocation_number}", 8.5)
        doc.mark("allocation_number")
        y += 6
    return y + 4


@contextmanager
def totals_as(shape: str) -> Iterator[None]:
    """Every dev family's totals block drawn as `shape` while composing."""
    from tests.corpus.families import invoices, panels, receipts, strips

    if shape in ("as_drawn", "words"):
        yield
        return
    saved = (invoices.totals_anyhow, strips.totals_anyhow, receipts.totals_block, panels.totals_block)

    def drawn(doc: Any, x: float, width: float, y: float, *_: Any, **__: Any) -> float:
        return _draw(doc, x, width, y, shape)

    invoices.totals_anyhow = strips.totals_anyhow = drawn
    receipts.totals_block = panels.totals_block = drawn
    try:
        yield
    finally:
        invoices.totals_anyhow, strips.totals_anyhow, receipts.totals_block, panels.totals_block = saved


def page_of(family: str, language: str, seed: int, shape: str) -> tuple[bytes, dict]:
    from tests.corpus.compose import compose
    from tests.corpus.pdf import to_pdf

    unseen = frozenset({"subtotal", "vat", "vat_included", "total"}) if shape == "words" else frozenset()
    with totals_as(shape):
        page, truth = compose(family, language, seed, unseen)
    return to_pdf(page), truth


def _scan(folder: Path, stem: str, pdf: bytes, truth: dict, family: str, language: str, seed: int) -> Path:
    from tests.corpus.damage import clean_scan, scan_dpi
    from tests.corpus.pdf import rasterize

    path = folder / f"{stem}.png"
    if not path.exists():
        damage_rng = random.Random(f"damage/{family}/{language}/{seed}")
        wide_rng = random.Random(f"scan/{family}/{language}/{seed}")
        path.write_bytes(clean_scan(rasterize(pdf, scan_dpi(wide_rng)), damage_rng, wide_rng))
    (folder / f"{stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False))
    return path


def run(args: argparse.Namespace) -> list[str]:
    from bench.extraction.cache import CACHE, OcrCache, source_digest
    from bench.extraction.extract import predict, read_files
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.pdf import pdf_page_count, read_pdf_page

    shapes = [name for name in args.variants.split(",") if name] or list(VARIANTS)
    folder = CACHE / "money_probes" / source_digest(Path("tests/corpus"))[:12]
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [
        (family, language, args.seed * 1000 + index, shape)
        for shape in shapes
        for family in FAMILIES
        for language in args.languages.split(",")
        for index in range(args.docs)
    ]
    results: list[tuple[dict, dict, str]] = []
    scans: dict[Path, tuple[dict, str]] = {}
    for family, language, seed, shape in jobs:
        pdf, truth = page_of(family, language, seed, shape)
        truth = truth | {"probe": shape}
        stem = f"{family}_{language}_{seed % 1000:02d}_{shape}"
        if args.format == "clean_scan":
            scans[_scan(folder, stem, pdf, truth, family, language, seed)] = (truth, stem)
            continue
        options = OcrOptions()
        pages = [read_pdf_page(pdf, index, options) for index in range(pdf_page_count(pdf))]
        results.append((truth, predict(SimpleNamespace(pages=pages)), stem))
    if scans:
        documents = read_files(list(scans), OcrCache(OcrOptions(), CACHE / "ocr"), None, "OCR")
        results += [(truth, predict(documents[path]), stem) for path, (truth, stem) in scans.items()]
    return report(results, args.misses)


def report(results: list[tuple[dict, dict, str]], misses: int) -> list[str]:
    row: Callable[[dict], str] = lambda truth: truth["probe"]  # noqa: E731
    cells = tally([(t, p) for t, p, _ in results], row)
    lines = [
        "| probe | " + " | ".join(MONEY_FIELDS) + " | mean |",
        "|---|" + "---|" * (len(MONEY_FIELDS) + 1),
    ]
    for key in sorted(cells, key=lambda name: VARIANTS.index(name)):
        fields = {name: cells[key].get(name, (0, 0)) for name in MONEY_FIELDS}
        shown = [f"{h}/{t}" if t else "-" for h, t in fields.values()]
        lines.append(f"| {key} | {' | '.join(shown)} | **{mean_accuracy(fields):.3f}** |")
    lines += miss_lines(results, MONEY_FIELDS, misses)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2, help="pages per family and language")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=("born_digital", "clean_scan"), default="born_digital")
    parser.add_argument("--languages", default="he,en,de")
    parser.add_argument("--variants", default="")
    parser.add_argument("--misses", type=int, default=0)
    print("\n".join(run(parser.parse_args())))


if __name__ == "__main__":
    main()

"""Where the vendor's block sits: dev pages composed with it moved, the rest of the page as drawn.

`.venv/bin/python -m bench.extraction.vendor_moved [--docs N] [--seed S] [--scan] [--misses K]`

Variants of the families that draw the issuer's header with `blocks.vendor_header` (classic, kv_grid,
strip, payment_receipt): as drawn; `end` (the header at the page's end side, no logo); `footer` (no
header: the name, address, phone and tax id in one footer row at the page's foot, as letters print
their sender); `band` (the header in white on a dark band). Issue 10 saw unseen layouts lose the
vendor in these places. Only dev families; the default corpus is untouched (the header function is
swapped in the family modules for the run). Text layers by default; `--scan` also reads a clean
scan of each page through OCR (slow: about 10 s a page on two cores).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.extraction.score import mean_accuracy, miss_lines, tally

FAMILIES = ("classic", "kv_grid", "strip", "payment_receipt")
VARIANTS = ("as drawn", "end", "footer", "band")
FIELDS = ("vendor_name", "vendor_tax_id", "document_type")


def _moved(variant: str, original: Callable[..., float]) -> Callable[..., float]:
    from tests.corpus.blocks import WHITE, line_height
    from tests.corpus.names import address, phone

    def end(doc: Any, x: float, y: float, align: str = "start", **kwargs: Any) -> float:
        kwargs["with_logo"] = False
        return original(doc, doc.width - x, y, align="start" if align == "end" else "end", **kwargs)

    def band(doc: Any, x: float, y: float, align: str = "start", **kwargs: Any) -> float:
        left = x - 4 if align == "start" else x - 96
        doc.sheet.box(left, y - 8, 100, 34, fill=(0.12, 0.14, 0.2), stroke=None)
        kwargs["color"] = WHITE
        return original(doc, x, y, align=align, **kwargs)

    def footer(doc: Any, x: float, y: float, align: str = "start", **kwargs: Any) -> float:
        facts, rng = doc.facts, doc.rng
        row = [
            facts.vendor_name,
            address(rng, facts.language),
            f"{doc.words['phone']} {phone(rng, facts.language)}",
        ]
        if kwargs.get("tax_id", True) and facts.vendor_tax_id:
            row.append(f"{doc.words['tax_id']} {doc.fmt.tax_id(facts.vendor_tax_id, rng)}")
            doc.mark("vendor_tax_id")
        doc.sheet.text(15, 287, " · ".join(row), 7.5)
        return y + line_height(8.5)

    return {"end": end, "band": band, "footer": footer}[variant]


@contextlib.contextmanager
def vendor_placed(variant: str) -> Iterator[None]:
    """The families draw the vendor's header as `variant` inside the block."""
    from tests.corpus import blocks
    from tests.corpus.families import invoices, receipts, strips

    modules = (invoices, receipts, strips)
    if variant == "as drawn":
        yield
        return
    for module in modules:
        module.vendor_header = _moved(variant, blocks.vendor_header)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module in modules:
            module.vendor_header = blocks.vendor_header  # type: ignore[attr-defined]


def _read(data: bytes, scan: bool, seed: int) -> list[Any]:
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.pdf import pdf_page_count, read_pdf_page

    if not scan:
        return [read_pdf_page(data, index, OcrOptions()) for index in range(pdf_page_count(data))]
    from bench.extraction.cache import OcrCache
    from bench.extraction.extract import read_files
    from tests.corpus.damage import clean_scan
    from tests.corpus.pdf import rasterize

    image = clean_scan(rasterize(data, 200), random.Random(seed))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.png"
        path.write_bytes(image)
        document = read_files([path], OcrCache(OcrOptions()))[path]
    return [] if isinstance(document, Exception) else document.pages


def run(docs: int, seed: int, scan: bool) -> dict[str, list[tuple[dict, dict, str]]]:
    from invoiceme_extractor.pipeline import extract_invoice
    from tests.corpus.compose import compose
    from tests.corpus.facts import LANGUAGES
    from tests.corpus.pdf import to_pdf

    results: dict[str, list[tuple[dict, dict, str]]] = {}
    for variant in VARIANTS:
        rows = []
        with vendor_placed(variant):
            for family in FAMILIES:
                for language in LANGUAGES:
                    for index in range(docs if language in ("he", "en") else max(1, docs // 3)):
                        doc_seed = seed * 1000 + index
                        page, truth = compose(family, language, doc_seed)
                        pages = _read(to_pdf(page), scan, doc_seed)
                        predicted = (
                            asyncio.run(extract_invoice(pages)).model_dump(mode="json") if pages else {}
                        )
                        rows.append((truth, predicted, f"{family}_{language}_{doc_seed % 1000:02d}"))
        results[variant] = rows
    return results


def report(results: dict[str, list[tuple[dict, dict, str]]], misses: int) -> list[str]:
    lines = [
        "| vendor block | pages | " + " | ".join(FIELDS) + " | mean of all fields |",
        "|---|---|---|---|---|---|",
    ]
    for variant, rows in results.items():
        cells = tally([(t, p) for t, p, _ in rows], lambda truth: ())[()]
        parts = [f"{cells[f][0]}/{cells[f][1]}" for f in FIELDS]
        lines.append(f"| {variant} | {len(rows)} | {' | '.join(parts)} | {mean_accuracy(cells):.3f} |")
    if misses:
        for variant, rows in results.items():
            lines += miss_lines(rows, ("vendor_name",), misses, prefix=f"{variant}: ")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=int, default=3, help="pages per family for he and en (a third for de/fr/es)"
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--scan", action="store_true", help="read a clean scan of each page through OCR")
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    print("\n".join(report(run(args.docs, args.seed, args.scan), args.misses)))


if __name__ == "__main__":
    main()

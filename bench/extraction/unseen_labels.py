"""What the extractor finds when a field's label is a word it has never seen.

`.venv/bin/python -m bench.extraction.unseen_labels [--docs N] [--seed S] [--misses K]`

Dev families' born-digital pages are composed twice: once with their labels, once with one label
key (or all of them) printed as a made-up word (`tests.corpus.vocab.nonce_label`: "Brouzai", "קלטמנ"),
everything else on the page the same. The drop per field says how much of it rests on the label
lexicon rather than on layout, value shape and arithmetic (a 9-digit id's check digit, net + VAT =
total), i.e. what unseen wording (new vendors, held-out families, real documents) will cost. Only
dev families are used, and only their text layers (no OCR): a run takes a minute or two.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from bench.extraction.score import SCORED_FIELDS, mean_accuracy, miss_lines, tally

# label keys made unseen -> the contract fields they name
ABLATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "number": (("number",), ("invoice_number",)),
    "date": (("date",), ("invoice_date",)),
    "due": (("due",), ("due_date",)),
    "tax_id": (("tax_id",), ("vendor_tax_id",)),
    "customer": (("customer", "customer_tax_id"), ("vendor_name", "vendor_tax_id")),
    "subtotal": (("subtotal",), ("subtotal", "vat_amount", "total")),
    "vat": (("vat", "vat_included"), ("vat_rate", "vat_amount", "total")),
    "total": (("total",), ("subtotal", "vat_amount", "total")),
    "allocation": (("allocation",), ("allocation_number",)),
}
ALL_KEYS = tuple(sorted({key for keys, _ in ABLATIONS.values() for key in keys}))


def extract_page(family: str, language: str, seed: int, unseen: frozenset[str]) -> tuple[dict, dict]:
    """(truth, prediction) of one composed page read from its PDF's text layer."""
    from invoiceme_extractor.pipeline import extract_invoice
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.pdf import pdf_page_count, read_pdf_page
    from tests.corpus.compose import compose
    from tests.corpus.pdf import to_pdf

    page, truth = compose(family, language, seed, unseen)
    data = to_pdf(page)
    options = OcrOptions()
    pages = [read_pdf_page(data, index, options) for index in range(pdf_page_count(data))]
    prediction = asyncio.run(extract_invoice(pages)).model_dump(mode="json")
    return truth, prediction


def run(docs: int, seed: int, misses: int, only: tuple[str, ...] = ()) -> list[str]:
    from rich.progress import Progress

    from tests.corpus.facts import LANGUAGES
    from tests.corpus.families import DEV

    jobs = [
        (family, language, seed * 1000 + index)
        for family in sorted(DEV)
        for language in LANGUAGES
        for index in range(docs if language in ("he", "en") else max(1, docs // 3))
    ]
    variants: dict[str, frozenset[str]] = {"(none)": frozenset()}
    variants |= {name: frozenset(keys) for name, (keys, _) in ABLATIONS.items()}
    variants["all"] = frozenset(ALL_KEYS)
    if only:
        variants = {name: keys for name, keys in variants.items() if name in only or name == "(none)"}
    results: dict[str, list[tuple[dict, dict, str]]] = {}
    with Progress() as progress:
        task = progress.add_task("compose + extract", total=len(jobs) * len(variants))
        for name, unseen in variants.items():
            rows = []
            for family, language, doc_seed in jobs:
                truth, predicted = extract_page(family, language, doc_seed, unseen)
                rows.append((truth, predicted, f"{family}_{language}_{doc_seed % 1000:02d}"))
                progress.advance(task)
            results[name] = rows
    return report(results, misses)


def _language_group(truth: dict[str, Any]) -> str:
    return truth["language"] if truth["language"] in ("he", "en") else "de/fr/es"


def report(results: dict[str, list[tuple[dict, dict, str]]], misses: int) -> list[str]:
    base = results["(none)"]
    base_cells = tally([(t, p) for t, p, _ in base], lambda truth: ())[()]
    lines = [
        "| label made unseen | field | he | en | de/fr/es | all | with its label | mean of all fields |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, rows in results.items():
        if name == "(none)":
            continue
        fields = ABLATIONS[name][1] if name in ABLATIONS else SCORED_FIELDS
        cells = tally([(t, p) for t, p, _ in rows], lambda truth: ())[()]
        by_language = tally([(t, p) for t, p, _ in rows], lambda truth: (_language_group(truth),))
        mean = f"{mean_accuracy(cells):.3f} (with labels {mean_accuracy(base_cells):.3f})"
        for field in fields or ("-",):
            if field == "-":
                lines.append(f"| {name} | - | | | | | | {mean} |")
                continue
            parts = []
            for group in ("he", "en", "de/fr/es"):
                hits, total = by_language.get((group,), {}).get(field, [0, 0])
                parts.append(f"{hits / total:.2f}" if total else "-")
            hits, total = cells[field]
            base_hits, base_total = base_cells[field]
            lines.append(
                f"| {name} | {field} | {' | '.join(parts)} | **{hits / max(1, total):.2f}** "
                f"| {base_hits / max(1, base_total):.2f} | {mean} |"
            )
    if misses:
        lines.append("")
        for name, rows in results.items():
            fields = ABLATIONS[name][1] if name in ABLATIONS else SCORED_FIELDS
            lines += miss_lines(rows, fields, misses, prefix=f"{name}: ")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=int, default=6, help="pages per dev family for he and en (a third for de/fr/es)"
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--misses", type=int, default=0, help="list up to N wrong fields per ablation")
    parser.add_argument("--only", default="", help="comma-separated ablations (number,total,...)")
    args = parser.parse_args()
    only = tuple(name for name in args.only.split(",") if name)
    print("\n".join(run(args.docs, args.seed, args.misses, only)))


if __name__ == "__main__":
    main()

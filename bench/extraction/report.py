"""Markdown tables for the extraction benchmark, and their place in docs/BENCHMARKS.md."""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.extraction.score import (
    SCORED_FIELDS,
    Result,
    Table,
    calibration,
    line_items_matched,
    mean_accuracy,
    tally,
)

SHORT = {
    "document_type": "type",
    "vendor_name": "vendor",
    "vendor_tax_id": "tax id",
    "invoice_number": "number",
    "invoice_date": "date",
    "due_date": "due",
    "currency": "curr.",
    "subtotal": "net",
    "vat_rate": "rate",
    "vat_amount": "VAT",
    "total": "total",
    "allocation_number": "alloc.",
}
FORMAT_ORDER = {"born_digital": 0, "clean_scan": 1, "degraded_photo": 2}
LANGUAGE_GROUP = {"he": "he", "en": "en", "de": "de/fr/es", "fr": "de/fr/es", "es": "de/fr/es"}


def field_table(table: Table, columns: tuple[str, ...], counts: dict[tuple[str, ...], int]) -> list[str]:
    header = (
        "| " + " | ".join(columns) + " | docs | " + " | ".join(SHORT[f] for f in SCORED_FIELDS) + " | mean |"
    )
    lines = [header, "|" + "---|" * (len(columns) + len(SCORED_FIELDS) + 2)]
    for group in sorted(table, key=_row_order):
        cells = table[group]
        row = [f"{cells[f][0] / cells[f][1]:.2f}" if cells[f][1] else "-" for f in SCORED_FIELDS]
        lines.append(
            "| "
            + " | ".join(group)
            + f" | {counts.get(group, 0)} | "
            + " | ".join(row)
            + f" | **{mean_accuracy(cells):.3f}** |"
        )
    return lines


def _row_order(group: tuple[str, ...]) -> tuple:
    return tuple(FORMAT_ORDER.get(part, 0) if part in FORMAT_ORDER else part for part in group)


def _counts(results: list[Result], key: Any) -> dict[tuple[str, ...], int]:
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for truth, _ in results:
        counts[key(truth)] += 1
    return counts


def corpus_section(results: list[Result]) -> list[str]:
    by_cell = lambda t: (t["group"], LANGUAGE_GROUP[t["language"]], t["format"])  # noqa: E731
    by_group = lambda t: (t["group"], t["format"])  # noqa: E731
    by_family = lambda t: (t["family"], t["format"])  # noqa: E731
    dev = [result for result in results if result[0]["group"] == "dev"]
    lines = ["#### Generated corpus: family group x language x format", ""]
    lines += field_table(tally(results, by_cell), ("group", "language", "format"), _counts(results, by_cell))
    lines += ["", "#### Generated corpus: family group x format (all languages)", ""]
    lines += field_table(tally(results, by_group), ("group", "format"), _counts(results, by_group))
    lines += [
        "",
        "#### Development families, one by one (held-out families are only reported in aggregate)",
        "",
    ]
    lines += field_table(tally(dev, by_family), ("family", "format"), _counts(dev, by_family))
    return lines


def line_item_lines(results: list[Result]) -> list[str]:
    found: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for truth, predicted in results:
        if truth["format"] != "born_digital" or not truth["line_items"]:
            continue
        cell = found[(truth["group"], LANGUAGE_GROUP[truth["language"]])]
        cell[0] += line_items_matched(truth["line_items"], predicted.get("line_items") or [])
        cell[1] += len(truth["line_items"])
    lines = ["| group | language | printed items | matched | rate |", "|---|---|---|---|---|"]
    for (group, language), (hits, total) in sorted(found.items()):
        lines.append(f"| {group} | {language} | {total} | {hits} | **{hits / total:.3f}** |")
    return lines


def calibration_lines(title: str, judged: list[tuple[float, bool]]) -> list[str]:
    lines = [f"| {title}: confidence | fields | right |", "|---|---|---|"]
    for bucket, total, rate in calibration(judged):
        lines.append(f"| {bucket} | {total} | {'-' if math.isnan(rate) else f'{rate:.3f}'} |")
    return lines


def replace_between(path: Path, marker: str, body: list[str], heading: str) -> None:
    """Put body between <!-- marker:start/end --> inside the `## Extraction` section (made if absent)."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    block = "\n".join([start, *body, end])
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    elif heading in text:
        cut = text.find("\n## ", text.index(heading) + len(heading))
        cut = len(text) if cut < 0 else cut
        text = text[:cut].rstrip("\n") + "\n\n" + block + "\n" + text[cut:]
    else:
        text = text.rstrip("\n") + f"\n\n{heading}\n\n{block}\n"
    path.write_text(text)

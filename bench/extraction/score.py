"""Field-by-field comparison with the same rules the external scorer uses (amounts ±0.01, ids without
separators, vendor names fuzzy), grouped by language, format and seen/held-out layout."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from typing import Any

SCORED_FIELDS = (
    "vendor_name",
    "vendor_tax_id",
    "invoice_number",
    "invoice_date",
    "currency",
    "subtotal",
    "vat_amount",
    "total",
)


def _text(value: Any) -> str:
    value = unicodedata.normalize("NFKC", str(value or "")).casefold()
    return " ".join(re.sub(r"[\"'׳״`.,:;()\-_/]", " ", value).split())


def field_matches(name: str, truth: Any, predicted: Any) -> bool:
    if predicted is None or predicted == "":
        return False
    if name in ("subtotal", "vat_amount", "total"):
        try:
            return abs(abs(float(truth)) - abs(float(predicted))) < 0.011
        except (TypeError, ValueError):
            return False
    if name in ("vendor_tax_id", "invoice_number"):
        key = lambda value: re.sub(r"[\s\-/#.]", "", str(value)).lstrip("0").upper()  # noqa: E731
        return key(truth) == key(predicted)
    if name == "vendor_name":
        t, p = _text(truth), _text(predicted)
        return bool(p) and (
            difflib.SequenceMatcher(None, t, p).ratio() >= 0.8 or (len(p) >= 4 and (p in t or t in p))
        )
    return str(truth).upper() == str(predicted).upper()


def tally(results: list[tuple[dict[str, Any], dict[str, Any]]], group_by: tuple[str, ...]) -> dict:
    """{group: {field: [hits, total]}} for (truth, prediction) pairs grouped by truth keys."""
    table: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for truth, predicted in results:
        group = tuple(str(truth[key]) for key in group_by)
        for name in SCORED_FIELDS:
            if truth.get(name) is None:
                continue
            cell = table[group][name]
            cell[0] += field_matches(name, truth[name], predicted.get(name))
            cell[1] += 1
    return table


def format_table(table: dict, group_by: tuple[str, ...]) -> list[str]:
    header = "| " + " | ".join(group_by) + " | " + " | ".join(f[:10] for f in SCORED_FIELDS) + " | all |"
    lines = [header, "|" + "---|" * (len(group_by) + len(SCORED_FIELDS) + 1)]
    for group in sorted(table):
        cells = table[group]
        hits = sum(cell[0] for cell in cells.values())
        total = sum(cell[1] for cell in cells.values())
        row = [f"{cells[f][0] / cells[f][1]:.2f}" if cells[f][1] else "-" for f in SCORED_FIELDS]
        lines.append(
            "| " + " | ".join(group) + " | " + " | ".join(row) + f" | **{hits / max(total, 1):.3f}** |"
        )
    return lines

"""Field-by-field comparison with the rules the external scorer uses (amounts within 0.01 by absolute
value, ids without separators, vendor names fuzzy), line-item matching, and confidence calibration."""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from invoiceme_common.fields import FIELD_NAMES

SCORED_FIELDS = FIELD_NAMES  # every scalar field of the extraction contract
AMOUNTS = ("subtotal", "vat_amount", "total")
CALIBRATION_BUCKETS = (0.0, 0.5, 0.7, 0.9, 1.01)

Result = tuple[dict[str, Any], dict[str, Any]]  # (truth, prediction)


def normal_text(value: Any) -> str:
    value = unicodedata.normalize("NFKC", str(value or "")).casefold()
    return " ".join(re.sub(r"[\"'׳״`.,:;()\-_/&]", " ", value).split())


def _id_key(value: Any) -> str:
    return re.sub(r"[\s\-/#.]", "", str(value)).lstrip("0").upper()


def field_matches(name: str, truth: Any, predicted: Any) -> bool:
    if predicted is None or predicted == "":
        return False
    if name in AMOUNTS:
        try:
            return abs(abs(float(truth)) - abs(float(predicted))) < 0.011
        except (TypeError, ValueError):
            return False
    if name == "vat_rate":
        try:
            rate = float(predicted)
            return abs(float(truth) - (rate / 100 if rate > 1 else rate)) < 0.0005
        except (TypeError, ValueError):
            return False
    if name in ("vendor_tax_id", "invoice_number", "allocation_number"):
        return _id_key(truth) == _id_key(predicted)
    if name == "vendor_name":
        t, p = normal_text(truth), normal_text(predicted)
        return bool(p) and (
            difflib.SequenceMatcher(None, t, p).ratio() >= 0.8 or (len(p) >= 4 and (p in t or t in p))
        )
    return str(truth).upper() == str(predicted).upper()


Table = dict[tuple[str, ...], dict[str, list[int]]]


def tally(results: Iterable[Result], group: Callable[[dict[str, Any]], tuple[str, ...]]) -> Table:
    """{group: {field: [hits, total]}}; a field counts only where the truth has it (it is printed)."""
    table: Table = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for truth, predicted in results:
        cells = table[group(truth)]
        for name in SCORED_FIELDS:
            if truth.get(name) is None:
                continue
            cells[name][0] += field_matches(name, truth[name], predicted.get(name))
            cells[name][1] += 1
    return table


def miss_lines(
    results: Iterable[tuple[dict[str, Any], dict[str, Any], str]],
    fields: Iterable[str],
    limit: int,
    prefix: str = "",
) -> list[str]:
    """'{prefix}{stem} {field}: truth -> predicted' for the first `limit` wrong fields of (truth,
    prediction, file stem) results; fields the page does not print are not wrong."""
    fields = tuple(fields)
    lines = []
    for truth, predicted, stem in results:
        for name in fields:
            if truth.get(name) is None or field_matches(name, truth[name], predicted.get(name)):
                continue
            if len(lines) >= limit:
                return lines
            lines.append(f"{prefix}{stem} {name}: {truth[name]!r} -> {predicted.get(name)!r}")
    return lines


def mean_accuracy(cells: dict[str, list[int]]) -> float:
    """Mean over fields of each field's accuracy (every field weighs the same)."""
    rates = [hits / total for hits, total in cells.values() if total]
    return sum(rates) / len(rates) if rates else 0.0


def _similar(a: str, b: str) -> bool:
    a, b = normal_text(a), normal_text(b)
    return bool(a and b) and (a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.7)


def line_items_matched(truth_items: list[dict], predicted_items: list[dict]) -> int:
    """Printed items found: same amount (±0.01, sign ignored) and a similar description, each
    predicted item used once."""
    unused = list(predicted_items)
    found = 0
    for item in truth_items:
        for candidate in unused:
            amount = candidate.get("amount")
            if amount is None or abs(abs(float(amount)) - abs(item["amount"])) >= 0.011:
                continue
            if _similar(item["description"], candidate.get("description") or ""):
                unused.remove(candidate)
                found += 1
                break
    return found


def calibration(judged: Iterable[tuple[float, bool]]) -> list[tuple[str, int, float]]:
    """(bucket, fields, fraction right) for (confidence, right) pairs."""
    buckets: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for confidence, right in judged:
        index = next(i for i, upper in enumerate(CALIBRATION_BUCKETS[1:]) if confidence < upper)
        buckets[index][0] += right
        buckets[index][1] += 1
    rows = []
    for index, (low, high) in enumerate(itertools.pairwise(CALIBRATION_BUCKETS)):
        hits, total = buckets.get(index, [0, 0])
        label = f"[{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}"
        rows.append((label, total, hits / total if total else float("nan")))
    return rows


def judged_fields(results: Iterable[Result]) -> Iterable[tuple[float, bool]]:
    """(confidence, right) for every predicted field whose truth is printed."""
    for truth, predicted in results:
        confidence = predicted.get("confidence") or {}
        for name in SCORED_FIELDS:
            value = predicted.get(name)
            if truth.get(name) is None or value in (None, "") or name not in confidence:
                continue
            yield float(confidence[name]), field_matches(name, truth[name], value)

"""What the ranked alternatives (issue 10) cost: the rules with the whole alternatives step, with it
but without the cascade fields' lists (invoice number, allocation number, currency, document type,
VAT rate: their candidates are generated again for the alternatives), and without the step,
interleaved on the same cached text-layer pages of the corpus (held-out families skipped; only
times are read, never their output). CPU time per page, so other load on the machine counts less.
Needs a previous `bench.extraction.run` (its caches).

    .venv/bin/python -m bench.extraction.alternatives_ab
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from typing import Any

import invoiceme_extractor.rules as rules
from bench.extraction.cache import CACHE, OcrCache
from invoiceme_extractor.alternatives import CASCADE_FIELDS
from invoiceme_extractor.pipeline import extract_invoice
from invoiceme_ocr.engine import OcrOptions
from tests.corpus.families import HELD_OUT

ROUNDS = 3


def _text_layer_documents() -> list[Any]:
    cache = OcrCache(OcrOptions(), CACHE / "ocr")
    files = sorted(p for p in CACHE.rglob("*.pdf") if not any(family in p.name for family in HELD_OUT))
    documents = [cache.get(path.read_bytes()) for path in files]
    return [d for d in documents if d is not None and all(p.method == "text_layer" for p in d.pages)]


def _none(found: dict[str, Any], *_: Any) -> dict[str, list[Any]]:
    return {name: [] for name in found}


_WITH = rules.field_alternatives


def _without_cascade(found: dict[str, Any], *rest: Any) -> dict[str, list[Any]]:
    kept = {name: item for name, item in found.items() if name not in CASCADE_FIELDS}
    return {name: [] for name in found} | _WITH(kept, *rest)


async def _measure(documents: list[Any]) -> dict[str, list[float]]:
    arms = [("with", _WITH), ("without cascade fields'", _without_cascade), ("without", _none)]
    times: dict[str, list[float]] = {label: [] for label, _ in arms}
    try:
        for round_number in range(ROUNDS):
            for document in documents:
                for label, step in arms[round_number % 3 :] + arms[: round_number % 3]:
                    rules.field_alternatives = step  # the A/B switch
                    started = time.process_time()
                    await extract_invoice(document.pages)
                    elapsed = (time.process_time() - started) * 1000 / len(document.pages)
                    times[label].append(elapsed)
    finally:
        rules.field_alternatives = _WITH
    return times


def main() -> None:
    documents = _text_layer_documents()
    times = asyncio.run(_measure(documents))
    for label, values in times.items():
        print(
            f"{label} alternatives: median {statistics.median(values):.2f} ms CPU per page "
            f"({len(values)} runs)"
        )
    for label in ("without cascade fields'", "without"):
        ratio = statistics.median(times["with"]) / statistics.median(times[label])
        print(f"ratio with/{label}: {ratio:.3f} ({len(documents)} documents x {ROUNDS} rounds)")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

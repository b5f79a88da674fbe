"""What the ranked alternatives (issue 10) cost: the rules with and without the alternatives step,
interleaved on the same cached text-layer pages of the corpus (held-out families skipped; only
times are read, never their output). Needs a previous `bench.extraction.run` (its caches).

    .venv/bin/python -m bench.extraction.alternatives_ab
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

import invoiceme_extractor.rules as rules
from bench.extraction.cache import CACHE, OcrCache
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


async def _measure(documents: list[Any]) -> dict[str, list[float]]:
    with_them = rules.field_alternatives
    times: dict[str, list[float]] = {"with": [], "without": []}
    try:
        for round_number in range(ROUNDS):
            order = [("with", with_them), ("without", _none)]
            for document in documents:
                for label, step in order if round_number % 2 == 0 else order[::-1]:
                    rules.field_alternatives = step  # type: ignore[assignment]  # the A/B switch
                    started = time.perf_counter()
                    await extract_invoice(document.pages)
                    elapsed = (time.perf_counter() - started) * 1000 / len(document.pages)
                    times[label].append(elapsed)
    finally:
        rules.field_alternatives = with_them
    return times


def main() -> None:
    documents = _text_layer_documents()
    times = asyncio.run(_measure(documents))
    for label, values in times.items():
        print(
            f"{label} alternatives: median {statistics.median(values):.2f} ms per page ({len(values)} runs)"
        )
    ratio = statistics.median(times["with"]) / statistics.median(times["without"])
    print(f"ratio with/without: {ratio:.3f} ({len(documents)} documents x {ROUNDS} rounds)")


if __name__ == "__main__":
    main()

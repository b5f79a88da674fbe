"""The rules extractor's time on text-layer pages, and its output on every page, for a speed change
that must not change what is extracted:
`.venv/bin/python -m bench.extraction.text_layer_time --seed S [--seed S2] [--extractor-at COMMIT]
[--outputs F.json] [--all-formats] [--profile F.prof] [--rounds N]`.

Dev families only, of the corpus `bench.extraction.run` built for each seed (run that first: a seed
without its corpus, or a page without its OCR result in the bench's cache, stops the run instead
of reading anything). Timing as `bench.extraction.extract` times it: each text-layer document's
`extract_invoice` in one event loop, per page; `--rounds N` extracts every page N times (round
after round) and keeps each page's median. Prints one JSON line: median, p90, max (ms) and pages.
`--outputs` writes every page's extraction (contract JSON) keyed by file stem, to diff two commits;
`--all-formats` adds the scans and photos to those outputs (timing stays on text-layer pages);
`--times` writes each text-layer page's time.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import statistics
import time
from pathlib import Path
from typing import Any

from bench.extraction.cache import CACHE, OcrCache, corpus_key
from bench.extraction.run import use_extractor_at
from tests.corpus.families import DEV
from tests.corpus.generate import Plan


def dev_files(seed: int, formats: tuple[str, ...]) -> list[Path]:
    folder = CACHE / "corpus" / corpus_key(seed, Plan())
    if not (folder / ".complete").exists():
        raise SystemExit(f"no corpus for seed {seed}: run bench.extraction.run --seed {seed} first")
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix in (".pdf", ".png", ".jpg")
        and path.stem.rsplit("_", 4)[0] in DEV  # {family}_{language}_{nn}_{format}
        and any(path.stem.endswith(f"_{kind}") for kind in formats)
    )


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]  # as Extracted.timing_line


async def extract_all(documents: dict[str, Any], rounds: int) -> tuple[dict[str, Any], dict[str, float]]:
    from invoiceme_extractor.pipeline import extract_invoice

    outputs: dict[str, Any] = {}
    times: dict[str, list[float]] = {}  # stem -> ms a page, one per round
    for _ in range(rounds):
        for stem, document in documents.items():
            started = time.perf_counter()
            extraction = await extract_invoice(document.pages)
            elapsed_ms = (time.perf_counter() - started) * 1000
            outputs[stem] = extraction.model_dump(mode="json")
            if all(page.method == "text_layer" for page in document.pages):
                times.setdefault(stem, []).append(elapsed_ms / max(1, len(document.pages)))
    return outputs, {stem: statistics.median(each) for stem, each in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, action="append", required=True)
    parser.add_argument("--extractor-at", metavar="COMMIT")
    parser.add_argument("--outputs", type=Path)
    parser.add_argument("--all-formats", action="store_true")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--times", type=Path, help="also write each text-layer page's ms (JSON)")
    args = parser.parse_args()
    if args.extractor_at:
        use_extractor_at(args.extractor_at)
    import invoiceme_extractor
    from invoiceme_ocr.engine import OcrOptions

    cache = OcrCache(OcrOptions())
    formats = ("born_digital", "clean_scan", "degraded_photo") if args.all_formats else ("born_digital",)
    documents: dict[str, Any] = {}
    for seed in args.seed:
        for path in dev_files(seed, formats):
            document = cache.get(path.read_bytes())
            if document is None:
                raise SystemExit(f"{path.name}: not in the OCR cache (run bench.extraction.run first)")
            documents[f"{seed}/{path.stem}"] = document
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    outputs, times = asyncio.run(extract_all(documents, args.rounds))
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    if args.outputs:
        args.outputs.write_text(json.dumps(outputs, indent=1, sort_keys=True))
    if args.times:
        args.times.write_text(json.dumps(times, indent=1, sort_keys=True))
    ordered = sorted(times.values())
    summary = {
        "at": args.extractor_at or str(Path(invoiceme_extractor.__file__).parents[3]),  # whose code ran
        "median_ms": round(statistics.median(ordered), 2),
        "p90_ms": round(percentile(ordered, 0.9), 2),
        "max_ms": round(ordered[-1], 2),
        "pages": len(ordered),
        "documents": len(outputs),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()

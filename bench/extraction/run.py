"""Extraction benchmark: `.venv/bin/python -m bench.extraction.run [--write-docs] [--baseline]
[--no-external] [--scale X] [--seed S] [--misses N]`.

Generates the parametric corpus (tests/corpus; cached under .cache/corpus), reads every file through
the OCR service's DocumentReader (results cached under .cache/ocr by content), extracts with the offline
rules provider and reports every field's accuracy per family group (dev / held-out) x language x format,
line items, confidence calibration and extraction time; then ../shared/data/external-dev per source.
A re-run after an extractor change reuses both caches and takes seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bench.extraction import external
from bench.extraction.cache import CACHE, ROOT, OcrCache, cached_corpus
from bench.extraction.extract import extract_files
from bench.extraction.report import (
    LANGUAGE_GROUP,
    calibration_lines,
    corpus_section,
    line_item_lines,
    replace_between,
)
from bench.extraction.score import SCORED_FIELDS, Result, field_matches, judged_fields, mean_accuracy, tally
from tests.corpus.damage import SCAN_DAMAGE
from tests.corpus.families import DEV, HELD_OUT
from tests.corpus.generate import Plan, generate

DOCS = ROOT / "docs" / "BENCHMARKS.md"
FORMATS = ("born_digital", "clean_scan", "degraded_photo")


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description:<22}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
    )


def corpus_folder(seed: int, plan: Plan, progress: Progress, cache_root: Path = CACHE) -> Path:
    """The generated corpus for (seed, plan), built on first use."""

    def build(folder: Path) -> None:
        task = progress.add_task("generate corpus", total=None)
        generate(
            folder,
            seed,
            plan,
            lambda done, total: progress.update(task, completed=done, total=total),
            workers=2,
        )

    return cached_corpus(seed, plan, build, cache_root)


def ocr_steps(spec: str | None, default: tuple[str, ...], known: tuple[str, ...]) -> tuple[str, ...]:
    """`--steps`: "-invert_fills,+binarize" changes the default steps, "a,b" names them all; in
    `known`'s order, so the same set is the same OCR cache entry however it was written."""
    if not spec:
        return default
    names = [name.strip() for name in spec.split(",") if name.strip()]
    relative = all(name[0] in "+-" for name in names)
    chosen = set(default) if relative else set()
    for name in names:
        bare = name.lstrip("+-") if relative else name
        if bare not in known:
            raise SystemExit(f"--steps: unknown step {bare!r} (known: {', '.join(known)})")
        if relative and name.startswith("-"):
            chosen.discard(bare)
        else:
            chosen.add(bare)
    return tuple(step for step in known if step in chosen)


def corpus_results(
    seed: int,
    plan: Plan,
    cache: OcrCache,
    progress: Progress,
    cache_root: Path,
    formats: tuple[str, ...] = FORMATS,
    families: frozenset[str] = DEV | HELD_OUT,
) -> tuple[list[Result], Any]:
    corpus = corpus_folder(seed, plan, progress, cache_root)
    files = sorted(
        p
        for p in corpus.iterdir()
        if p.suffix in (".pdf", ".png", ".jpg")
        and p.stem.endswith(tuple(f"_{kind}" for kind in formats))
        and p.stem.rsplit("_", 4)[0] in families  # {family}_{language}_{nn}_{format}
    )
    extracted = extract_files(files, cache, progress, "corpus")
    results = []
    for path in files:
        truth = json.loads((corpus / f"{path.stem}.truth.json").read_text())
        results.append((truth, extracted.predictions.get(path.stem, {})))
    return results, extracted


def use_extractor_at(commit: str) -> None:
    """Import invoiceme_extractor as it was at `commit` (for the before/after baseline)."""
    target = CACHE / "extractor" / commit
    if not (target / "services" / "extractor" / "invoiceme_extractor").exists():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "services/extractor"], check=True, capture_output=True
        )
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    sys.path.insert(0, str(target / "services" / "extractor"))


def misses(results: list[Result], limit: int) -> list[str]:
    """Wrong or missing fields on DEV families only (held-out output is never shown)."""
    lines = []
    for truth, predicted in results:
        if truth["group"] != "dev":
            continue
        for name in SCORED_FIELDS:
            if truth.get(name) is not None and not field_matches(name, truth[name], predicted.get(name)):
                stem = f"{truth['family']}_{truth['language']}_{truth['seed'] % 1000:02d}_{truth['format']}"
                lines.append(f"{stem:40} {name:18} truth={truth[name]!r} got={predicted.get(name)!r}")
    return lines[:limit]


def report_lines(results: list[Result], extracted: Any, ext: Any) -> list[str]:
    """All tables, in the order docs/BENCHMARKS.md shows them."""
    lines = corpus_section(results)
    lines += [
        "",
        "#### Line items on born-digital PDFs (printed items matched by amount and description)",
        "",
    ]
    lines += line_item_lines(results)
    lines += ["", "#### Confidence calibration (fields with a value, by the extractor's confidence)", ""]
    lines += calibration_lines("corpus", list(judged_fields(results)))
    if ext is not None:
        table, judged, _ = ext
        lines += ["", *calibration_lines("external-dev", judged)]
        lines += ["", "#### ../shared/data/external-dev per source (shared scorer)", "", "```", *table, "```"]
    else:
        lines += ["", "external-dev: skipped (folder absent or --no-external)"]
    lines += ["", f"Extraction time (rules, OCR excluded): {extracted.timing_line()}."]
    return lines


def json_summary(results: list[Result], extracted: Any, ext: Any) -> dict[str, Any]:
    """Machine-readable means per cell, for diffing two runs (`--json PATH`)."""
    cells = tally(results, lambda t: (t["group"], LANGUAGE_GROUP[t["language"]], t["format"]))
    external_line = next((line for line in (ext[0] if ext else []) if "external_field_accuracy" in line), "")
    return {
        "cells": {
            ":".join(key): {"mean": round(mean_accuracy(fields), 4), "fields": dict(fields)}
            for key, fields in sorted(cells.items())
        },
        "external_field_accuracy": float(external_line.split("=")[1]) if external_line else None,
        "text_layer_ms": sorted(extracted.text_layer_ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply documents per family and language")
    parser.add_argument(
        "--scan-damage", choices=SCAN_DAMAGE, default="wide", help="gentle: the corpus's scans before 2026-12"
    )
    parser.add_argument("--no-external", action="store_true")
    parser.add_argument("--write-docs", action="store_true", help="record the tables in docs/BENCHMARKS.md")
    parser.add_argument(
        "--baseline", action="store_true", help="with --write-docs: record them as the baseline"
    )
    parser.add_argument("--extractor-at", metavar="COMMIT", help="measure the extractor as it was at COMMIT")
    parser.add_argument("--cold", action="store_true", help="ignore .cache/: time a run from nothing")
    parser.add_argument("--json", type=Path, help="also write per-cell results (JSON)")
    parser.add_argument("--misses", type=int, default=0, help="print up to N wrong fields of dev families")
    parser.add_argument(
        "--steps", help='OCR preparation steps: "-invert_fills,+binarize" (from the default) or a full list'
    )
    parser.add_argument(
        "--format", action="append", choices=FORMATS, help="only these corpus formats (repeatable)"
    )
    parser.add_argument("--dev-only", action="store_true", help="only the dev families (a quick loop)")
    parser.add_argument(
        "--read-once", action="store_true", help="no second read of till slips (OCR_SECOND_READ=false)"
    )
    args = parser.parse_args()
    if args.extractor_at:
        use_extractor_at(args.extractor_at)
    from invoiceme_ocr.engine import ALL_STEPS, DEFAULT_STEPS, OcrOptions

    started, load = time.monotonic(), os.getloadavg()[0]
    cache_root = Path(tempfile.mkdtemp(prefix="extraction-bench-")) if args.cold else CACHE
    options = OcrOptions(
        preprocess_steps=ocr_steps(args.steps, DEFAULT_STEPS, ALL_STEPS), second_read=not args.read_once
    )
    cache = OcrCache(options, cache_root / "ocr")
    plan = replace(Plan().scaled(args.scale), scan_damage=args.scan_damage)
    with _progress() as progress:
        results, extracted = corpus_results(
            args.seed,
            plan,
            cache,
            progress,
            cache_root,
            tuple(args.format or FORMATS),
            DEV if args.dev_only else DEV | HELD_OUT,
        )
        ext = (
            external.run_external(cache, progress) if external.available() and not args.no_external else None
        )
    lines = report_lines(results, extracted, ext)
    failures = len(extracted.failures) + (len(ext[2].failures) if ext else 0)
    elapsed = time.monotonic() - started
    steps_note = "" if options.preprocess_steps == DEFAULT_STEPS else f"OCR steps {args.steps}; "
    steps_note += "slips read once; " if args.read_once else ""
    summary = (
        f"{len(results)} corpus files (seed {args.seed}, scale {args.scale:g}, {args.scan_damage} scans); "
        f"dev families: "
        f"{', '.join(sorted(DEV))}; held-out: {', '.join(sorted(HELD_OUT))}; {failures} files failed; "
        f"{elapsed:.0f} s ({steps_note}OCR cache {cache.hits} hits, {cache.misses} misses; "
        f"load avg {load:.1f} at start, "
        f"2 cores); {time.strftime('%Y-%m-%d')}."
    )
    print("\n".join([*lines, "", summary]))
    if args.misses:
        print("\n".join(["", "Misses (dev families):", *misses(results, args.misses)]))
        if ext is not None:
            print("\n".join(["", "Misses (external-dev):", *external.external_misses(ext[2])[: args.misses]]))
    for stem, reason in list(extracted.failures.items())[:10]:
        print(f"  failed {stem}: {reason}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(json_summary(results, extracted, ext), indent=1))
    if args.cold:
        shutil.rmtree(cache_root, ignore_errors=True)
    if args.write_docs:
        flags = (f" --extractor-at {args.extractor_at}" if args.extractor_at else "") + (
            " --baseline" if args.baseline else ""
        )
        command = f"`.venv/bin/python -m bench.extraction.run --write-docs{flags}`"
        body = [f"Command: {command}. {summary}", "", *lines]
        replace_between(
            DOCS, "extraction-baseline" if args.baseline else "extraction-results", body, "## Extraction"
        )


if __name__ == "__main__":
    main()

"""Extraction benchmark: `python -m bench.extraction.run [--per-layout N] [--no-external] [--write-docs]`.

Generates the development corpus (tests/corpus) in a temporary folder, reads every file through the
OCR service's DocumentReader, extracts with the offline rules provider, and prints per-field accuracy
by language x format and by seen vs held-out layout. Then scores ../shared/data/external-dev (when it
exists) with ../shared/tools/score_external.py. --write-docs records the tables in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.extraction.score import format_table, tally
from tests.corpus.generate import generate

ROOT = Path(__file__).resolve().parents[2]
EXTERNAL = ROOT.parent / "shared" / "data" / "external-dev"
SCORER = ROOT.parent / "shared" / "tools" / "score_external.py"


async def extract_files(files: list[Path], out: Path, ocr_cache: Path | None = None) -> None:
    from invoiceme_extractor.pipeline import extract_invoice
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.reader import DocumentReader

    reader = DocumentReader(OcrOptions(languages="heb+eng", dpi=300), workers=2)

    async def one(path: Path) -> None:
        try:
            document = await read_cached(reader, path.read_bytes(), ocr_cache)  # noqa: ASYNC240 - bench, not a server
            extraction = await extract_invoice(document.pages)
            (out / f"{path.stem}.json").write_text(extraction.model_dump_json())
        except Exception as error:  # a failed file scores zero, it does not stop the run
            print(f"  {path.name}: {type(error).__name__}: {error}", file=sys.stderr)

    try:
        await asyncio.gather(*(one(path) for path in files))
    finally:
        reader.close()


async def read_cached(reader, data: bytes, ocr_cache: Path | None):  # type: ignore[no-untyped-def]  # bench script, reader is duck-typed
    """OCR is the slow part: --ocr-cache keeps each file's OcrDocument (keyed by content) between runs."""
    from invoiceme_common.events import OcrDocument

    cached = ocr_cache / f"{hashlib.sha256(data).hexdigest()[:24]}.json" if ocr_cache else None
    if cached is not None and cached.exists():
        return OcrDocument.model_validate_json(cached.read_text())
    document = await reader.read(data)
    if cached is not None:
        try:
            cached.write_text(document.model_dump_json())
        except ValueError:  # e.g. a lone surrogate in a PDF text layer: just do not cache it
            pass
    return document


def corpus_tables(corpus: Path, predictions: Path) -> list[str]:
    results = []
    for truth_file in sorted(corpus.glob("*.truth.json")):
        stem = truth_file.name.removesuffix(".truth.json")
        predicted = predictions / f"{stem}.json"
        results.append(
            (
                json.loads(truth_file.read_text()),
                json.loads(predicted.read_text()) if predicted.exists() else {},
            )
        )
    lines = ["By language and format (all layouts):", ""]
    lines += format_table(tally(results, ("language", "format")), ("language", "format"))
    lines += ["", "Seen vs held-out layouts, by format:", ""]
    lines += format_table(tally(results, ("held_out", "format")), ("held_out", "format"))
    return lines


def external_lines(predictions: Path, ocr_cache: Path | None = None) -> list[str]:
    if not (EXTERNAL / "manifest.csv").exists():
        return ["external-dev folder absent: skipped"]
    files = sorted(p for p in EXTERNAL.iterdir() if p.suffix.lower() in (".pdf", ".jpg", ".jpeg", ".png"))
    predictions.mkdir(exist_ok=True)
    asyncio.run(extract_files(files, predictions, ocr_cache))
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(EXTERNAL / "manifest.csv"), str(predictions)],
        capture_output=True,
        text=True,
        check=True,
    )
    return ["```", *scored.stdout.strip().splitlines(), "```"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-layout", type=int, default=3)
    parser.add_argument("--no-external", action="store_true")
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--ocr-cache", type=Path, default=None, help="reuse OCR results kept in this folder")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work:
        corpus, predictions = Path(work) / "corpus", Path(work) / "pred"
        files = generate(corpus, per_layout=args.per_layout)
        predictions.mkdir()
        if args.ocr_cache:
            args.ocr_cache.mkdir(parents=True, exist_ok=True)
        asyncio.run(extract_files(files, predictions, args.ocr_cache))
        lines = corpus_tables(corpus, predictions)
        if not args.no_external:
            lines += ["", "External documents (../shared/data/external-dev, rules provider):", ""]
            lines += external_lines(Path(work) / "external", args.ocr_cache)
    print("\n".join(lines))
    elapsed = time.monotonic() - started
    print(f"\n{elapsed:.0f} s")
    if args.write_docs:
        write_docs(lines, args, elapsed)


def write_docs(lines: list[str], args: argparse.Namespace, elapsed: float) -> None:
    path = ROOT / "docs" / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    command = "python -m bench.extraction.run --write-docs" + (
        f" --per-layout {args.per_layout}" if args.per_layout != 3 else ""
    )
    section = "\n".join(
        [
            "## Extraction",
            "",
            f"Command: `.venv/bin/{command}` (offline rules provider; {elapsed:.0f} s on 2 cores; "
            f"{time.strftime('%Y-%m-%d')}). Fields: vendor_name, vendor_tax_id, invoice_number, "
            "invoice_date, "
            "currency, subtotal, vat_amount, total; a field counts only where the document prints it. "
            "Held-out layouts (`HELD_OUT` in tests/corpus/layouts.py) were not inspected "
            "while writing rules, "
            "but their author wrote the rules too: ../shared/data/external-dev is the truly unseen test.",
            "",
            *lines,
            "",
        ]
    )
    start = text.find("## Extraction")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1 :] if end >= 0 else "")
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)


if __name__ == "__main__":
    main()

"""A change to the `upscale` decision alone, measured without reading every scan again:
`.venv/bin/python -m bench.ocr.upscale_ab BEFORE_COMMIT gentle|wide [external]`.

With everything else in the OCR path unchanged, a page's reading under the new decision is one of
two readings the old code already made: enlarged by the same factor (the old default, in the bench's
OCR cache under BEFORE_COMMIT's OCR source) or not enlarged at all (the old code without `upscale`,
read here once and kept in the same cache under that source). This tree's `prepare_for_ocr` decides
which, page by page; a page the new code enlarges by another factor than the old one stops the run.
Clean scans dev and held-out (held-out only as a sum), per language; with `external`, external-dev per
source (the shared scorer). Exact, since Tesseract's reading of the same pixels is deterministic.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.extraction.cache import CACHE, OcrCache, source_digest


class SourceCache(OcrCache):
    """The bench's OCR cache as another OCR source (a commit's) would key it."""

    def __init__(self, options: Any, digest: str) -> None:
        super().__init__(options, CACHE / "ocr")
        self.salt = f"{digest}/{options!r}".encode()


def commit_digest(commit: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "archive", commit, "services/ocr/invoiceme_ocr"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        return source_digest(Path(folder) / "services" / "ocr" / "invoiceme_ocr")


def enlarged_by(path: Path) -> str | None:
    """This tree's decision for one image file: the `upscaled xF` note, or None."""
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.images import decode_page
    from invoiceme_ocr.preprocess import prepare_for_ocr

    options = OcrOptions()
    gray, colour = decode_page(path.read_bytes(), 0, options)
    _, notes = prepare_for_ocr(gray, options.preprocess_steps, options.max_megapixels * 1e6, colour)
    return next((note for note in notes if note.startswith("upscaled")), None)


def readings(files: list[Path], digest: str) -> dict[Path, Any]:
    """Each file as the new decision reads it, from the old code's two readings."""
    from bench.extraction.extract import _read_all
    from invoiceme_ocr.engine import DEFAULT_STEPS, OcrOptions

    plain = OcrOptions(preprocess_steps=tuple(step for step in DEFAULT_STEPS if step != "upscale"))
    old = SourceCache(OcrOptions(), digest)
    documents, unenlarged = {}, []
    for path in files:
        decision = enlarged_by(path)
        before = old.get(path.read_bytes())
        if before is None:
            sys.exit(f"{path.name}: not in the OCR cache of the old code (run bench.extraction.run there)")
        was = next((n for page in before.pages for n in page.notes if n.startswith("upscaled")), None)
        if decision is not None and decision != was:
            sys.exit(f"{path.name}: enlarged {decision}, before {was}: not one of the two readings")
        if decision is None and was is not None:
            unenlarged.append(path)
        else:
            documents[path] = before
    # Read without `upscale` by this tree's code: the same code as the old one on that path.
    documents |= asyncio.run(_read_all(unenlarged, SourceCache(plain, digest), lambda: None, plain))
    print(f"{len(unenlarged)} of {len(files)} pages no longer enlarged", file=sys.stderr)
    return {path: documents[path] for path in files}


def main() -> None:
    commit, scan_damage = sys.argv[1], sys.argv[2]
    from rich.progress import Progress

    from bench.extraction.run import corpus_folder
    from bench.extraction.scans_at_seed import LANGUAGE_GROUPS, _predict
    from bench.extraction.score import mean_accuracy, tally
    from tests.corpus.generate import Plan

    digest = commit_digest(commit)
    with Progress(transient=True) as progress:
        corpus = corpus_folder(7, replace(Plan(), scan_damage=scan_damage), progress)
    files = sorted(corpus.glob("*_clean_scan.png"))
    documents = readings(files, digest)
    results = [
        (json.loads((corpus / f"{f.stem}.truth.json").read_text()), _predict(documents[f])) for f in files
    ]
    for key, fields in sorted(
        tally(results, lambda t: (t["group"], LANGUAGE_GROUPS.get(t["language"], "de/fr/es"))).items()
    ):
        right, total = sum(h for h, _ in fields.values()), sum(t for _, t in fields.values())
        print(f"{scan_damage} {key[0]} {key[1]}: {mean_accuracy(fields):.3f} ({right} of {total})")
    for key, fields in sorted(tally(results, lambda t: (t["group"],)).items()):
        right, total = sum(h for h, _ in fields.values()), sum(t for _, t in fields.values())
        print(f"{scan_damage} {key[0]} all: {mean_accuracy(fields):.3f} ({right} of {total})")
    if len(sys.argv) > 3 and sys.argv[3] == "external":
        print_external(digest)


def print_external(digest: str) -> None:
    import contextlib
    import io

    from bench.extraction import external
    from bench.extraction.extract import Extracted, _extract_all

    images = sorted(p for p in external.EXTERNAL.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    documents = readings(images, digest)
    result = Extracted()
    asyncio.run(_extract_all(documents, result, lambda: None))
    scorer = external.load_scorer()
    with tempfile.TemporaryDirectory() as folder:
        for stem, prediction in result.predictions.items():
            (Path(folder) / f"{stem}.json").write_text(json.dumps(prediction, ensure_ascii=False))
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            scorer.main(str(external.EXTERNAL / "manifest.csv"), folder)
    print("external-dev images (PDFs are read from their text layer, untouched):")
    print("\n".join(line for line in printed.getvalue().splitlines() if line.startswith(("source", "sroie"))))


if __name__ == "__main__":
    main()

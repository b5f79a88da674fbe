"""Development corpus: `python -m tests.corpus.generate OUT_DIR [--seed S] [--scale X]`.

For every family x language it composes documents and writes <stem>.pdf (born-digital) and, for the
first few, <stem>.png (clean scan) and <stem>.jpg (phone photo), each with <stem>.truth.json. The same
seed gives byte-identical files (so OCR results can be cached by content).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .compose import compose
from .damage import PHOTO_DPI, clean_scan, phone_photo, scan_dpi
from .facts import LANGUAGES
from .families import FAMILIES
from .pdf import rasterize, to_pdf

FORMATS = ("born_digital", "clean_scan", "degraded_photo")
SUFFIX = {"born_digital": ".pdf", "clean_scan": ".png", "degraded_photo": ".jpg"}


@dataclass(frozen=True)
class Plan:
    """Documents per family and language: `born_digital` PDFs, of which the first `images` are also
    scanned and photographed. Held-out families get `held_out_boost` times as many (there are fewer of
    them, and their cells should not be noise); de/fr/es a third of he/en's share. `scan_damage`:
    "wide" scans at 150-300 DPI with faint print, specks and JPEG artefacts; "gentle" is the corpus
    as it was before (200 DPI, light grey and blur only), byte for byte."""

    born_digital: int = 8
    images: int = 3
    held_out_boost: float = 1.6
    families: tuple[str, ...] = tuple(FAMILIES)
    languages: tuple[str, ...] = LANGUAGES
    scan_damage: str = "wide"

    def counts(self, family: str, language: str) -> tuple[int, int]:
        boost = self.held_out_boost if FAMILIES[family].held_out else 1.0
        born_digital, images = round(self.born_digital * boost), round(self.images * boost)
        if language in ("he", "en"):
            return born_digital, images
        return max(1, round(born_digital / 3)), max(1, round(images / 3))

    def scaled(self, factor: float) -> Plan:
        return Plan(
            max(1, round(self.born_digital * factor)),
            max(1, round(self.images * factor)),
            self.held_out_boost,
            self.families,
            self.languages,
            self.scan_damage,
        )


def documents(plan: Plan, seed: int) -> Iterator[tuple[str, str, int, tuple[str, ...], str]]:
    """(family, language, document seed, formats, scan damage) in a fixed order."""
    for family in plan.families:
        for language in plan.languages:
            count, with_images = plan.counts(family, language)
            for index in range(count):
                formats = FORMATS if index < with_images else FORMATS[:1]
                yield family, language, seed * 1000 + index, formats, plan.scan_damage


def write_document(
    out: Path, family: str, language: str, doc_seed: int, formats: tuple[str, ...], scan_damage: str = "wide"
) -> list[Path]:
    page, truth = compose(family, language, doc_seed)
    pdf_bytes = to_pdf(page)
    damage_rng = random.Random(f"damage/{family}/{language}/{doc_seed}")
    # its own stream, so wide scans leave the photos (drawn from damage_rng after the scan) unchanged
    wide_rng = random.Random(f"scan/{family}/{language}/{doc_seed}") if scan_damage == "wide" else None
    stem = f"{family}_{language}_{doc_seed % 1000:02d}"
    written = []
    for fmt in formats:
        if fmt == "born_digital":
            data = pdf_bytes
        elif fmt == "clean_scan":
            data = clean_scan(rasterize(pdf_bytes, scan_dpi(wide_rng)), damage_rng, wide_rng)
        else:
            data = phone_photo(rasterize(pdf_bytes, PHOTO_DPI), damage_rng)
        path = out / f"{stem}_{fmt}{SUFFIX[fmt]}"
        path.write_bytes(data)
        meta = {"format": fmt, "group": "held_out" if truth["held_out"] else "dev"}
        (out / f"{stem}_{fmt}.truth.json").write_text(json.dumps(truth | meta, ensure_ascii=False, indent=1))
        written.append(path)
    return written


def generate(
    out: Path,
    seed: int = 7,
    plan: Plan | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int = 1,
) -> list[Path]:
    """Writes the corpus; every document depends only on its own seed, so workers change nothing."""
    out.mkdir(parents=True, exist_ok=True)
    todo = list(documents(plan or Plan(), seed))
    if workers <= 1:
        results = (write_document(out, *job) for job in todo)
        return [path for paths in _counted(results, len(todo), progress) for path in paths]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = [pool.submit(write_document, out, *job) for job in todo]
        list(_counted((future.result() for future in as_completed(futures)), len(todo), progress))
        return [path for future in futures for path in future.result()]


def _counted(
    results: Iterable[list[Path]], total: int, progress: Callable[[int, int], None] | None
) -> Iterator[list[Path]]:
    for done, paths in enumerate(results, 1):
        if progress:
            progress(done, total)
        yield paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply documents per family and language")
    args = parser.parse_args()
    files = generate(args.out, args.seed, Plan().scaled(args.scale), workers=2)
    print(f"wrote {len(files)} documents to {args.out}")


if __name__ == "__main__":
    main()

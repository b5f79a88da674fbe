"""What OSD says of prepared pages before they are read, upright and turned 180°:
`.venv/bin/python -m bench.ocr.orientation_osd [--per-format N] [--receipts N] [--seed S]`.

The thresholds of `invoiceme_ocr.preprocess.orientation` (SURE_BEFORE_READING, WORTH_A_LOOK) come
from this table: a random sample of the generated corpus's clean scans and degraded photos (dev
families only, of the corpus this checkout's generator makes with seed 7 as `bench.extraction.run`
builds it; run that first) and SROIE receipts (../shared/data/external-dev), each
prepared as the worker prepares it, then OSD on its densest band as it is and turned 180°.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import time
from collections import Counter
from pathlib import Path

from bench.extraction.cache import CACHE, corpus_key
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.images import decode_frame
from invoiceme_ocr.preprocess import orientation, prepare_for_ocr
from tests.corpus.families import DEV
from tests.corpus.generate import Plan

from .mix import EXTERNAL

ZONES = ("sure 180", "half-sure 180", "unsure 180", "0", "90 or 270", "no answer")


def zone(verdict: orientation.OsdVerdict) -> str:
    if verdict is None:
        return "no answer"
    degrees, confidence = verdict.degrees, verdict.confidence
    if degrees == 180:
        if confidence >= orientation.SURE_BEFORE_READING:
            return "sure 180"
        return "half-sure 180" if confidence >= orientation.WORTH_A_LOOK else "unsure 180"
    return "0" if degrees == 0 else "90 or 270"


def _family(name: str) -> str:
    return re.split(r"_(?:he|en|de|fr|es)_\d", name, maxsplit=1)[0]


def sample(per_format: int, receipts: int, seed: int) -> list[tuple[str, Path]]:
    rng = random.Random(seed)
    corpus = CACHE / "corpus" / corpus_key(7, Plan())  # the extraction bench's (seed 7, scale 1)
    files: list[tuple[str, Path]] = []
    if (corpus / ".complete").exists():
        for kind, pattern in (("scan", "*_clean_scan.png"), ("photo", "*_degraded_photo.jpg")):
            # never a held-out family's page (a file's name is family_language_number_format)
            found = sorted(path for path in corpus.glob(pattern) if _family(path.name) in DEV)
            files += [(kind, path) for path in rng.sample(found, min(per_format, len(found)))]
    found = sorted(EXTERNAL.glob("sroie__*.jpg"))
    return files + [("receipt", path) for path in rng.sample(found, min(receipts, len(found)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-format", type=int, default=40)
    parser.add_argument("--receipts", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    options = OcrOptions()
    counts: Counter[tuple[str, str, str]] = Counter()
    seconds: list[float] = []
    for kind, path in sample(args.per_format, args.receipts, args.seed):
        prepared, _ = prepare_for_ocr(decode_frame(path.read_bytes(), 0, options), options.preprocess_steps)
        for way, page in (("upright", prepared), ("turned 180", orientation.turn_clockwise(prepared, 180))):
            started = time.process_time()
            verdict = orientation.osd_verdict(page)
            seconds.append(time.process_time() - started)
            counts[(way, kind, zone(verdict))] += 1
    print("| page | kind | " + " | ".join(ZONES) + " |")
    print("|---|---|" + "---|" * len(ZONES))
    for way in ("upright", "turned 180"):
        for kind in ("scan", "photo", "receipt"):
            print(
                f"| {way} | {kind} | " + " | ".join(str(counts[(way, kind, name)]) for name in ZONES) + " |"
            )
    print(
        f"\nOSD: {sum(seconds) / len(seconds):.3f} s of CPU per page on average; "
        f"load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()

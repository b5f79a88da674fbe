"""What OSD says of a page's script, and how an `eng` read of it looks:
`.venv/bin/python -m bench.ocr.script_osd [--per-cell N] [--others N] [--receipts N] [--seed S]`.

The evidence behind `invoiceme_ocr.page_script`: a random sample of the generated corpus's clean scans
and degraded photos (dev families only, of the corpus this checkout's generator makes with seed 7, as
`bench.extraction.run` builds it; run that first) in Hebrew, English
and de/fr/es, and SROIE receipts (../shared/data/external-dev), each prepared as the worker prepares it;
then OSD on its densest band, on the whole page as it is, and the worker's second look
(`tesseract.script_of_whole_page`: the page's letters without margins and long white gaps, fewer
letters classified); the scripts Latin print is taken for count as Latin; and the share of an `eng`
read's lettered words read below `page_script.UNSURE_WORD`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
from collections import defaultdict
from pathlib import Path

from bench.extraction.cache import CACHE, corpus_key
from invoiceme_ocr import page_script
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.images import decode_frame
from invoiceme_ocr.preprocess import orientation, prepare_for_ocr
from invoiceme_ocr.tesseract import script_of_whole_page
from invoiceme_ocr.tesseract_api import read_words
from tests.corpus.families import DEV
from tests.corpus.generate import Plan

from .mix import EXTERNAL

_LETTERS = re.compile(r"[^\W\d_]{2}")
FORMATS = (("scan", "clean_scan.png"), ("photo", "degraded_photo.jpg"))


def sample(per_cell: int, others: int, receipts: int, seed: int) -> list[tuple[str, Path]]:
    rng = random.Random(seed)
    corpus = CACHE / "corpus" / corpus_key(7, Plan())  # the extraction bench's (seed 7, scale 1)
    files: list[tuple[str, Path]] = []
    for language in ("he", "en", "de", "fr", "es") if (corpus / ".complete").exists() else ():
        for kind, suffix in FORMATS:
            found = sorted(
                path
                for path in corpus.glob(f"*_{language}_*_{suffix}")
                if path.name.split(f"_{language}_")[0] in DEV  # never a held-out family's page
            )
            count = per_cell if language in ("he", "en") else others
            group = language if language in ("he", "en") else "de/fr/es"
            files += [(f"{group} {kind}", path) for path in rng.sample(found, min(count, len(found)))]
    found = sorted(EXTERNAL.glob("sroie__*.jpg"))
    return files + [("SROIE receipt", path) for path in found[:receipts]]


def unsure_share(gray, options: OcrOptions) -> float:  # type: ignore[no-untyped-def]  # numpy image
    data = read_words(gray, "eng", options.page_segmentation_mode, options.page_timeout_seconds)
    lettered = [
        float(conf) / 100
        for text, conf in zip(data["text"], data["conf"], strict=True)
        if float(conf) >= 0 and _LETTERS.search(str(text))
    ]
    return sum(c < page_script.UNSURE_WORD for c in lettered) / max(1, len(lettered))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-cell", type=int, default=14)
    parser.add_argument("--others", type=int, default=4)
    parser.add_argument("--receipts", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    options = OcrOptions()
    rows: dict[str, list[tuple[bool, bool, bool, float]]] = defaultdict(list)
    for cell, path in sample(args.per_cell, args.others, args.receipts, args.seed):
        prepared, _ = prepare_for_ocr(decode_frame(path.read_bytes(), 0, options), options.preprocess_steps)
        looks = (orientation.osd_verdict, orientation.page_osd, script_of_whole_page)
        verdicts = [look(prepared) for look in looks]
        band, whole, second = [page_script.looks_latin(v.script if v else None) for v in verdicts]
        rows[cell].append((band, whole, second, unsure_share(prepared, options)))
    print(
        "| pages | count | band Latin-looking | whole page | both | second look | band and second look "
        "| eng read: unsure share min-max |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for cell, found in rows.items():
        shares = [share for *_, share in found]
        print(
            f"| {cell} | {len(found)} | {sum(b for b, *_ in found)} | {sum(w for _, w, _, _ in found)} | "
            f"{sum(b and w for b, w, _, _ in found)} | {sum(s for _, _, s, _ in found)} | "
            f"{sum(b and s for b, _, s, _ in found)} | {min(shares):.2f}-{max(shares):.2f} |"
        )
    print(f"\nload {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

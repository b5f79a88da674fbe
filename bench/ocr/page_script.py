"""Which languages read a page, and what it changes: `.venv/bin/python -m bench.ocr.page_script`.

With the configured `heb+eng` (OcrOptions' default), through `tesseract.ocr_image`:
- the generated A4 invoices (`bench/ocr/pages.py`, Hebrew and English, clean / scanned / photo, damage
  seeds 1 and 2): character error rate and which languages read each page (the page's notes);
- the SROIE receipts of ../shared/data/external-dev (English): the printed total, vendor and date found
  in the text, words holding a Hebrew letter (the Hebrew model's damage to Latin text), how each was read,
  and CPU seconds per receipt.
Run it against another checkout's OCR code by putting that checkout's `services/ocr` first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from collections import Counter

from tests.support import synthetic_pages as synthetic

from .external import EXTERNAL, _squash, manifest
from .pages import bench_pages

os.environ["OMP_THREAD_LIMIT"] = "1"

_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")


def how_read(notes: list[str]) -> str:
    """The page's languages as its notes tell them (no note: the configured ones, read once)."""
    said = [note for note in notes if note.startswith("read as")]
    return said[-1] if said else "read as configured"


def date_found(date_iso: str, text: str) -> bool:
    """The receipt's date as printed in any usual day-month-year form (SROIE: 25/12/2018, 25-12-18...)."""
    year, month, day = date_iso.split("-")
    pattern = rf"(?<!\d)0?{int(day)}\s*[-/.]\s*0?{int(month)}\s*[-/.]\s*(?:{year}|{year[2:]})(?!\d)"
    months = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
    spelled = rf"(?<!\d)0?{int(day)}[\s-]*{months[int(month) - 1]}\w*[\s-]*(?:{year}|{year[2:]})(?!\d)"
    return bool(re.search(pattern, text) or re.search(spelled, text, re.IGNORECASE))


def generated_pages() -> list[str]:
    from invoiceme_ocr.engine import OcrOptions, clean_text
    from invoiceme_ocr.tesseract import ocr_image

    lines = ["| seed | language | page | CER | read |", "|---|---|---|---|---|"]
    for seed in (1, 2):
        for page in bench_pages(seed):
            read = ocr_image(1, page.pixels, OcrOptions())
            error = synthetic.character_error_rate(page.truth, clean_text(read.text))
            lines.append(
                f"| {seed} | {page.language} | {page.condition} | {error:.3f} | {how_read(read.notes)} |"
            )
    return lines


def receipts(limit: int) -> list[str]:
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.images import decode_frame
    from invoiceme_ocr.tesseract import ocr_image

    options = OcrOptions()
    found: Counter[str] = Counter()
    ways: Counter[str] = Counter()
    seconds: list[float] = []
    rows = manifest("sroie")[:limit]
    for row in rows:
        gray = decode_frame((EXTERNAL / row["file"]).read_bytes(), 0, options)
        started = time.process_time()
        page = ocr_image(1, gray, options)
        seconds.append(time.process_time() - started)
        found["total"] += f"{float(row['total_num']):.2f}" in page.text.replace(",", "")
        found["vendor"] += _squash(row["vendor"]) in _squash(page.text)
        found["date"] += date_found(row["date_iso"], page.text)
        hebrew = sum(1 for word in page.words if _HEBREW_LETTER.search(word.text))
        found["receipts with a Hebrew letter"] += hebrew > 0
        found["words with a Hebrew letter"] += hebrew
        ways[how_read(page.notes)] += 1
    count = len(rows)
    return [
        f"SROIE receipts: {count}; total found {found['total']}/{count}, vendor {found['vendor']}/{count}, "
        f"date {found['date']}/{count}; words with a Hebrew letter {found['words with a Hebrew letter']} "
        f"(in {found['receipts with a Hebrew letter']} receipts); CPU s per receipt median "
        f"{statistics.median(seconds):.2f}, total {sum(seconds):.1f}",
        "read: " + ", ".join(f"{way} {n}" for way, n in ways.most_common()),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--receipts", type=int, default=50)
    args = parser.parse_args()
    import invoiceme_ocr

    print(f"OCR code: {invoiceme_ocr.__file__}; load {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    print("\n".join(generated_pages()))
    if EXTERNAL.exists():
        print("\n".join(receipts(args.receipts)))
    print(f"({time.perf_counter() - started:.0f} s; load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()

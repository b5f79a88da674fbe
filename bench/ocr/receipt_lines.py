"""How much of each SROIE receipt our OCR keeps, against plain `tesseract FILE - -l eng`:
`.venv/bin/python -m bench.ocr.receipt_lines` (needs ../shared/data/external-dev).

Lines and words read over all 50 receipts, and in how many the printed total appears."""

from __future__ import annotations

import csv
import os
import subprocess
from concurrent.futures import ProcessPoolExecutor

from .mix import EXTERNAL

os.environ["OMP_THREAD_LIMIT"] = "1"


def read(path_and_way: tuple[str, str]) -> str:
    from invoiceme_ocr.engine import OcrOptions, clean_text
    from invoiceme_ocr.images import read_image_page

    path, way = path_and_way
    if way == "plain tesseract -l eng":
        command = ["tesseract", path, "-", "-l", "eng"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        return clean_text(done.stdout)
    options = OcrOptions()
    with open(path, "rb") as file:
        return read_image_page(file.read(), 0, options).text


def main() -> None:
    if not (EXTERNAL / "manifest.csv").exists():
        print("external-dev absent: skipped")
        return
    with (EXTERNAL / "manifest.csv").open(encoding="utf-8") as file:
        rows = [row for row in csv.DictReader(file) if row["source"] == "sroie"]
    ways = ("plain tesseract -l eng", "ours (heb+eng, as the service)")
    jobs = [(str(EXTERNAL / row["file"]), way) for row in rows for way in ways]
    with ProcessPoolExecutor(2) as pool:
        texts = list(pool.map(read, jobs, chunksize=4))
    for index, way in enumerate(ways):
        mine = texts[index :: len(ways)]
        lines = sum(len([line for line in text.splitlines() if line.strip()]) for text in mine)
        words = sum(len(text.split()) for text in mine)
        totals = sum(
            f"{float(row['total_num']):.2f}" in text.replace(",", "")
            for row, text in zip(rows, mine, strict=True)
        )
        print(f"{way}: {lines} lines, {words} words, printed total found in {totals}/{len(rows)}")


if __name__ == "__main__":
    main()

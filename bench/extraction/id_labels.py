"""Dev tax-id misses on photos and scans, by whether the id is in the OCR text and its label is:
`.venv/bin/python -m bench.extraction.id_labels --seed 7 [--format degraded_photo] [--list 40]`.

For each development document whose vendor tax id the scan (or photo) gets wrong: is the printed id
in the scan's OCR text at all; if not, was its label read; and where the id sits beside its label on
the born-digital twin (right, left, below). Only documents already in the OCR cache are counted.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import replace
from typing import Any

from bench.extraction.cache import CACHE, OcrCache
from bench.extraction.scan_vs_pdf import dev_twins
from bench.extraction.score import field_matches
from tests.corpus.generate import Plan


def compact(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


def label_words(page: Any, pattern: re.Pattern[str]) -> list[Any]:
    """Words that are (or with their neighbour on the line make up) a tax-id label."""
    found = []
    words = page.words
    for i, word in enumerate(words):
        pair = word.text
        if i + 1 < len(words) and words[i + 1].line == word.line:
            pair = f"{word.text} {words[i + 1].text}"
        if pattern.search(word.text) or pattern.search(pair):
            found.append(word)
    return found


def relation(label: Any, value: Any) -> str:
    """Where `value`'s box sits from `label`'s: right, left, below, above (page pixels)."""
    middle = value.top + value.height / 2
    if label.top - label.height / 2 <= middle <= label.top + 1.5 * label.height:
        gap = (
            value.left - (label.left + label.width)
            if value.left >= label.left
            else label.left - (value.left + value.width)
        )
        side = "right" if value.left >= label.left else "left"
        return f"{side} gap{round(gap / max(1, label.height), 0):+.0f}h"
    return "below" if middle > label.top else "above"


def id_word(page: Any, truth: str) -> Any | None:
    for word in page.words:
        if truth in compact(word.text) or (truth[2:] and truth[2:] == compact(word.text)):
            return word
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", action="append", choices=("clean_scan", "degraded_photo"))
    parser.add_argument("--list", type=int, default=40)
    args = parser.parse_args()
    from rich.progress import Progress

    from bench.extraction.run import corpus_folder
    from invoiceme_extractor.rules import read_fields
    from invoiceme_extractor.rules.party_labels import TAX_ID
    from invoiceme_ocr.engine import OcrOptions

    with Progress(transient=True) as progress:
        corpus = corpus_folder(args.seed, replace(Plan(), scan_damage="wide"), progress)
    cache = OcrCache(OcrOptions(), CACHE / "ocr")
    counts: Counter[str] = Counter()
    listed = 0
    for image_format in args.format or ["degraded_photo", "clean_scan"]:
        for truth, pdf, image in dev_twins(corpus, image_format):
            if not truth.get("vendor_tax_id"):
                continue
            scan_doc, pdf_doc = cache.get(image.read_bytes()), cache.get(pdf.read_bytes())
            if scan_doc is None or pdf_doc is None:
                counts[f"{image_format} not cached"] += 1
                continue
            counts[f"{image_format} with id"] += 1
            found, _ = read_fields(scan_doc.pages)
            value = found["vendor_tax_id"].value if "vendor_tax_id" in found else None
            if field_matches("vendor_tax_id", truth["vendor_tax_id"], value):
                continue
            want = compact(truth["vendor_tax_id"])
            text = compact(" ".join(p.text for p in scan_doc.pages))
            in_text = want in text or want[2:] in text if want[:2].isalpha() else want in text
            labels = [w for p in scan_doc.pages for w in label_words(p, TAX_ID)]
            pdf_labels = [w for p in pdf_doc.pages for w in label_words(p, TAX_ID)]
            pdf_value = next((w for p in pdf_doc.pages if (w := id_word(p, want))), None)
            where = "?"
            if pdf_value is not None and pdf_labels:
                nearest = min(
                    pdf_labels,
                    key=lambda w: abs(w.top - pdf_value.top) * 3 + abs(w.left - pdf_value.left),
                )
                where = relation(nearest, pdf_value)
            kind = "id in text" if in_text else ("label read, id absent" if labels else "no label, id absent")
            counts[f"{image_format} miss: {kind}"] += 1
            if kind == "label read, id absent":
                counts[f"{image_format}   where: {where.split()[0]}"] += 1
            if listed < args.list:
                listed += 1
                near = [
                    w.text
                    for p in scan_doc.pages
                    for lab in labels
                    for w in p.words
                    if abs(w.top - lab.top) < 2 * lab.height and w is not lab
                ][:8]
                print(f"{image.stem:34} {kind:22} {where:12} truth={want} got={value}")
                print(f"{'':34} labels={[w.text for w in labels][:4]} near={near}")
    for key in sorted(counts):
        print(f"{key:45} {counts[key]}")


if __name__ == "__main__":
    main()

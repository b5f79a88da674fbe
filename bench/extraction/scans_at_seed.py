"""Clean scans of any seed, dev and held-out means (held-out in aggregate only), for the extractor at a
commit or in this tree:
`.venv/bin/python -m bench.extraction.scans_at_seed SEED gentle|wide COMMIT|tree [external] [dev]`.
With `dev`, only the development families' scans are read (the ones `scan_vs_pdf --seed SEED` has
OCR'd and cached: a quick before/after of a rule change at another seed). With `external`, also
external-dev per source (the shared scorer): an OCR change that touches scans only is measured on
what it can change without reading the corpus's photos again.

A second look at a rule change on documents nobody tuned on: only the seed's clean scans are read
(through the OCR cache), not its photos.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import replace

LANGUAGE_GROUPS = {"he": "he", "en": "en"}


def main() -> None:
    seed, scan_damage, at = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    from bench.extraction.run import corpus_folder, use_extractor_at

    if at != "tree":
        use_extractor_at(at)
    from rich.progress import Progress

    from bench.extraction.cache import CACHE, OcrCache
    from bench.extraction.extract import predict, read_files
    from bench.extraction.score import mean_accuracy, tally
    from invoiceme_ocr.engine import OcrOptions
    from tests.corpus.generate import Plan

    with Progress(transient=True) as progress:
        corpus = corpus_folder(seed, replace(Plan(), scan_damage=scan_damage), progress)
    files = sorted(corpus.glob("*_clean_scan.png"))
    if "dev" in sys.argv[4:]:
        group = {f: json.loads((corpus / f"{f.stem}.truth.json").read_text())["group"] for f in files}
        files = [f for f in files if group[f] == "dev"]
    started, load = time.time(), os.getloadavg()[0]
    documents = read_files(files, OcrCache(OcrOptions(), CACHE / "ocr"))
    results = [
        (json.loads((corpus / f"{f.stem}.truth.json").read_text()), predict(documents[f])) for f in files
    ]
    cells = tally(results, lambda truth: (truth["group"],))
    means = {key[0]: round(mean_accuracy(fields), 3) for key, fields in sorted(cells.items())}
    took = f"{time.time() - started:.0f} s, load {load:.1f}"
    print(f"seed {seed}, {scan_damage} clean scans, extractor {at}: {means} ({took})")
    for key, fields in sorted(cells.items()):
        print(f"   {key[0]}: " + " ".join(f"{name}={hits}/{total}" for name, (hits, total) in fields.items()))
    by_language = tally(
        results, lambda truth: (truth["group"], LANGUAGE_GROUPS.get(truth["language"], "de/fr/es"))
    )
    for key, fields in sorted(by_language.items()):
        right, total = sum(h for h, _ in fields.values()), sum(t for _, t in fields.values())
        print(f"   {key[0]} {key[1]}: {mean_accuracy(fields):.3f} ({right} of {total})")
    if "external" in sys.argv[4:]:
        from bench.extraction import external

        table, _, _ = external.run_external(OcrCache(OcrOptions(), CACHE / "ocr"))
        print("\n".join(table))


if __name__ == "__main__":
    main()

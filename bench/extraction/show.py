"""One development document as the rules see it: `.venv/bin/python -m bench.extraction.show SEED STEM`.

Prints the OCR (or text-layer) text of each page and, per scored field, OK or XX with the truth and the
extractor's value. STEM is a corpus file's name as `bench.extraction.run --misses` lists it
('panel_he_00_degraded_photo'); the seed's corpus and OCR results come from `.cache/` (a run of that seed
builds them). Held-out families are refused: nobody tuning the rules looks at them.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace

from bench.extraction.cache import CACHE, OcrCache, corpus_key
from bench.extraction.extract import predict, read_files
from bench.extraction.score import SCORED_FIELDS, field_matches
from tests.corpus.families import HELD_OUT
from tests.corpus.generate import Plan


def family_of(stem: str) -> str:
    """'payment_receipt_he_00_clean_scan' -> 'payment_receipt' ({family}_{language}_{nn}_{format})."""
    return stem.rsplit("_", 4)[0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("seed", type=int)
    parser.add_argument("stem")
    args = parser.parse_args()
    if family_of(args.stem) in HELD_OUT:
        raise SystemExit(f"{args.stem}: a held-out family, not shown")
    from invoiceme_ocr.engine import OcrOptions

    folder = CACHE / "corpus" / corpus_key(args.seed, replace(Plan(), scan_damage="wide"))
    if not folder.exists():
        raise SystemExit(
            f"no corpus for seed {args.seed} in {folder.parent}: run bench.extraction.run --seed {args.seed}"
        )
    path = next(
        (p for p in folder.iterdir() if p.stem == args.stem and p.suffix in (".pdf", ".png", ".jpg")), None
    )
    if path is None:
        raise SystemExit(f"{args.stem}: no such file in seed {args.seed}'s corpus")
    truth = json.loads((folder / f"{args.stem}.truth.json").read_text())
    document = read_files([path], OcrCache(OcrOptions(), CACHE / "ocr"))[path]
    for page in getattr(document, "pages", []):
        print(f"--- page {page.number} ({page.method})\n{page.text}")
    predicted = predict(document)
    print("---")
    for name in SCORED_FIELDS:
        if truth.get(name) is not None:
            mark = "OK" if field_matches(name, truth[name], predicted.get(name)) else "XX"
            print(f"{mark} {name:18} truth={truth[name]!r} got={predicted.get(name)!r}")


if __name__ == "__main__":
    main()

"""Development corpus: `python -m tests.corpus.generate OUT_DIR [--per-layout N] [--seed S]`.

Writes <name>.pdf/.png/.jpg with <name>.truth.json beside each: every layout in Hebrew and English,
as a born-digital PDF, a clean scan and a degraded photo of the same document.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from PIL import Image

from .layouts import HELD_OUT, LAYOUTS, Style
from .render import clean_scan, degraded_photo, mirrored, to_image, to_pdf
from .truth import make_truth

DOCUMENT_TYPES = {
    "he": ["tax_invoice", "tax_invoice_receipt", "receipt", "invoice", "credit_note", "tax_invoice"],
    "en": ["tax_invoice", "invoice", "receipt", "invoice", "credit_note", "tax_invoice_receipt"],
}
FORMATS = ("born_digital", "clean_scan", "degraded_photo")


def _render(fmt: str, rows: list, image: Image.Image | None, rng: random.Random) -> bytes:
    if fmt == "born_digital":
        return to_pdf(rows)
    assert image is not None
    return clean_scan(image, rng) if fmt == "clean_scan" else degraded_photo(image, rng)


def generate(out: Path, per_layout: int = 2, seed: int = 7, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written: list[Path] = []
    for language in ("he", "en"):
        for layout_name, layout in LAYOUTS.items():
            for copy in range(per_layout):
                document_type = rng.choice(DOCUMENT_TYPES[language])
                truth = make_truth(rng, language, document_type)
                rows = layout(Style(truth, rng))
                rows = mirrored(rows) if language == "he" else rows
                image = to_image(rows) if set(formats) - {"born_digital"} else None
                for fmt in formats:
                    suffix = {"born_digital": ".pdf", "clean_scan": ".png", "degraded_photo": ".jpg"}[fmt]
                    stem = f"{language}_{layout_name}_{copy}_{fmt}"
                    (out / f"{stem}{suffix}").write_bytes(_render(fmt, rows, image, rng))
                    meta = {"layout": layout_name, "held_out": layout_name in HELD_OUT, "format": fmt}
                    (out / f"{stem}.truth.json").write_text(
                        json.dumps(truth.as_dict() | meta, ensure_ascii=False)
                    )
                    written.append(out / f"{stem}{suffix}")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--per-layout", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"wrote {len(generate(args.out, args.per_layout, args.seed))} documents to {args.out}")


if __name__ == "__main__":
    main()

"""What the scan (or photo) → OCR → rules path gets right, typeface by typeface.

`.venv/bin/python -m bench.extraction.faces [--docs N] [--seed S] [--format clean_scan|degraded_photo]
[--languages he,en] [--faces A,B] [--misses K] [--without STEP,...] [--values-only]`

Dev families' pages are composed in every installed typeface of their script, and in the slanted faces
that stand in for handwriting, everything else on the page as drawn; each page is scanned (or
photographed) with the corpus's own damage, read through the OCR cache and extracted. A document of
the corpus draws one face at random, so a face that reads badly hides in the corpus's means; here each
face gets its own row. Only dev families are used.

`--values-only`: the page keeps its drawn face and only the filled-in values (amounts, dates, numbers,
ids, the customer's name) are printed in each slanted face, as on a pre-printed receipt book filled in
by hand; rows are named `values:<face>`.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from bench.extraction.score import SCORED_FIELDS, mean_accuracy, miss_lines, tally

DAMAGE = ("clean_scan", "degraded_photo")


def faces_for(language: str, values_only: bool = False) -> list[str]:
    from tests.corpus import fonts

    if values_only:
        return fonts.installed(fonts.INK_FACES)
    script_faces = fonts.HEBREW_FACES if language == "he" else fonts.LATIN_FACES
    return fonts.installed(script_faces) + fonts.installed(fonts.INK_FACES)


def write_page(
    folder: Path, family: str, language: str, seed: int, face: str, fmt: str, values_only: bool = False
) -> Path:
    """The page as an image file beside its truth; kept, so a rerun reads it from the OCR cache.
    `values_only`: `face` for the filled-in values only."""
    from tests.corpus.compose import compose
    from tests.corpus.damage import PHOTO_DPI, clean_scan, phone_photo, scan_dpi
    from tests.corpus.pdf import rasterize, to_pdf

    stem = f"{family}_{language}_{seed % 1000:02d}_{'values-' if values_only else ''}{face}_{fmt}"
    path = folder / f"{stem}{'.png' if fmt == 'clean_scan' else '.jpg'}"
    if path.exists():
        return path
    page, truth = (
        compose(family, language, seed, value_face=face)
        if values_only
        else compose(family, language, seed, face=face)
    )
    pdf = to_pdf(page)
    damage_rng = random.Random(f"damage/{family}/{language}/{seed}")
    if fmt == "clean_scan":
        wide_rng = random.Random(f"scan/{family}/{language}/{seed}")
        data = clean_scan(rasterize(pdf, scan_dpi(wide_rng)), damage_rng, wide_rng)
    else:
        data = phone_photo(rasterize(pdf, PHOTO_DPI), damage_rng)
    (folder / f"{stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False))
    path.write_bytes(data)
    return path


def run(args: argparse.Namespace) -> list[str]:
    from rich.progress import Progress

    from bench.extraction.cache import CACHE, OcrCache, source_digest
    from bench.extraction.extract import predict, read_files
    from invoiceme_ocr.engine import DEFAULT_STEPS, OcrOptions
    from tests.corpus.families import DEV

    folder = CACHE / "faces" / source_digest(Path("tests/corpus"))[:12]
    folder.mkdir(parents=True, exist_ok=True)
    chosen = {name for name in args.faces.split(",") if name}
    jobs = [
        (family, language, args.seed * 1000 + index, face)
        for language in args.languages.split(",")
        for face in faces_for(language, args.values_only)
        if not chosen or face in chosen
        for family in sorted(DEV)
        for index in range(args.docs)
    ]
    with Progress() as progress:
        task = progress.add_task("compose + damage", total=len(jobs))
        files = []
        for job in jobs:
            files.append(write_page(folder, *job, args.format, args.values_only))
            progress.advance(task)
        left_out = {step for step in args.without.split(",") if step}
        options = OcrOptions(preprocess_steps=tuple(s for s in DEFAULT_STEPS if s not in left_out))
        documents = read_files(files, OcrCache(options, CACHE / "ocr"), progress, "OCR")
    results = []
    for path in files:
        truth = json.loads((folder / f"{path.stem}.truth.json").read_text())
        results.append((truth, predict(documents[path]), path.stem))
    return report(results, args.misses)


def report(results: list[tuple[dict, dict, str]], misses: int) -> list[str]:
    short = {name: name.replace("vendor_", "").replace("invoice_", "")[:6] for name in SCORED_FIELDS}
    lines = [
        "| language | face | pages | " + " | ".join(short[name] for name in SCORED_FIELDS) + " | mean |",
        "|---|---|---|" + "---|" * (len(SCORED_FIELDS) + 1),
    ]
    cells = tally([(t, p) for t, p, _ in results], _row)
    pages = Counter(_row(truth) for truth, _, _ in results)
    for key in sorted(cells, key=lambda key: (key[0], mean_accuracy(cells[key]))):
        fields = cells[key]
        shown = [
            f"{h / t:.2f}" if t else "-" for h, t in (fields.get(name, (0, 0)) for name in SCORED_FIELDS)
        ]
        lines.append(
            f"| {key[0]} | {key[1]} | {pages[key]} | {' | '.join(shown)} | **{mean_accuracy(fields):.3f}** |"
        )
    lines += miss_lines(results, SCORED_FIELDS, misses)
    return lines


def _row(truth: dict) -> tuple[str, str]:
    values = truth.get("value_font")
    return truth["language"], f"values:{values}" if values else truth["font"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1, help="pages per dev family, language and face")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--format", choices=DAMAGE, default="clean_scan")
    parser.add_argument("--languages", default="he,en")
    parser.add_argument("--faces", default="", help="comma-separated faces (default: all of the script's)")
    parser.add_argument("--misses", type=int, default=0, help="list up to N wrong fields")
    parser.add_argument("--without", default="", help="comma-separated OCR steps left out (e.g. deslant)")
    parser.add_argument(
        "--values-only", action="store_true", help="only the filled-in values in the slanted faces"
    )
    print("\n".join(run(parser.parse_args())))


if __name__ == "__main__":
    main()

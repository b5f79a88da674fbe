"""CPU per OCR step on the dev corpus's scans and photos, and how often each re-read fires:
`.venv/bin/python -m bench.ocr.step_cost --seed 9 [--seed 10] [--per-format N] [--json F]`.

Every step of the worker's read of an image (`images.read_image_page`) is timed in this process
(Tesseract runs in it through `tesserocr`, one thread: OMP_THREAD_LIMIT=1), in CPU seconds, which a
loaded machine disturbs far less than wall time. A step's time excludes the steps it calls (the side
panels' reads are not in the unread blocks' line, the reads under a label not in the label values').
A step "fires" on a page when it makes at least one Tesseract call there; its cost per firing is its
CPU on the pages where it fired over those firings, and its share is of all pages' CPU (the pages
where it did not fire count: finding nothing to read costs too). A read of the whole page made again
(turned, deslanted) is "page read again"; the re-reads inside it count in their own lines.

Dev families only, of the corpus `bench.extraction.run` built for the seed (run it first); with
`--per-format N`, the first N pages of each format in an order that mixes families and languages.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # as in the workers; before Tesseract loads

from bench.extraction.text_layer_time import dev_files
from invoiceme_ocr import (
    date_values,
    day_rereads,
    fill_reads,
    images,
    label_below,
    label_values,
    page_foot,
    slant_reads,
    tesseract,
    tesseract_api,
    totals_block,
    unread_blocks,
    unread_ink,
    vat_rereads,
)
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.preprocess import orientation

FORMATS = ("clean_scan", "degraded_photo")
PANEL_READS = "side panel reads"
BELOW_READS = "label below reads"


class Meter:
    """Exclusive CPU seconds and Tesseract calls per named step, for the page being read."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.mark = time.process_time()
        self.page: dict[str, list[float]] = {}  # step -> [cpu seconds, tesseract calls]
        self.panels: list[Any] = []  # the blocks `with_panels` added on this page
        self.below_rows: list[Any] = []  # the rows under a label `first_row` found on this page
        self.reading_panel = False

    def _charge(self) -> None:
        now = time.process_time()
        self.page.setdefault(self.stack[-1] if self.stack else "other", [0.0, 0])[0] += now - self.mark
        self.mark = now

    def enter(self, name: str) -> None:
        self._charge()
        self.stack.append(name)

    def leave(self) -> None:
        self._charge()
        self.stack.pop()

    def tesseract_call(self) -> None:
        self.page.setdefault(self.stack[-1] if self.stack else "other", [0.0, 0])[1] += 1

    def start_page(self) -> None:
        self.page, self.stack, self.panels, self.below_rows = {}, [], [], []
        self.mark = time.process_time()


METER = Meter()


def _timed(module: Any, attribute: str, name: str | Callable[..., str]) -> None:
    original = getattr(module, attribute)

    def timed(*args: Any, **kwargs: Any) -> Any:
        METER.enter(name if isinstance(name, str) else name(*args, **kwargs))
        try:
            return original(*args, **kwargs)
        finally:
            METER.leave()

    setattr(module, attribute, timed)


def _reread_name(page: Any, gray: Any, find: Callable[..., Any], *rest: Any) -> str:
    return f"re-read suspects ({find.__module__.rsplit('.', 1)[-1]})"


def _recognize_name(*args: Any, **kwargs: Any) -> str:
    return "page read" if METER.stack and METER.stack[-1] == "script" else "page read again"


def instrument() -> None:
    """Wrap every step where the worker's code looks it up (module globals), once."""
    for module, attribute, step in (
        (images, "decode_page", "decode"),
        (tesseract, "prepare_for_ocr", "prepare (OpenCV)"),
        (tesseract, "reads_better_turned", "orientation"),
        (tesseract, "upside_down_before_reading", "orientation"),
        (orientation, "osd_verdict", "orientation"),
        (orientation, "detect_rotation", "orientation"),
        (tesseract, "read_in_its_script", "script"),
        (tesseract, "recognize", _recognize_name),
        (tesseract, "reread", _reread_name),
        (unread_ink, "reread_unread_ink", "unread ink bands"),
        (unread_blocks, "reread_unread_blocks", "unread blocks"),
        (page_foot, "reread_page_foot", "page foot"),
        (fill_reads, "reread_fills", "light print on fills"),
        (tesseract, "reread_long_numbers", "long numbers"),
        (day_rereads, "reread_short_days", "short days"),
        (tesseract, "repair_ids_by_choices", "id choices"),
        (slant_reads, "read_deslanted", "slant"),
        (slant_reads, "read_slanted_values", "slant"),
        (label_values, "reread_label_values", "label values"),
        (vat_rereads, "reread_failing_vat", "VAT re-reads"),
        (date_values, "reread_date_values", "date values"),
        (totals_block, "reread_totals_block", "totals block"),
    ):
        _timed(module, attribute, step)
    _panel_hooks()
    _below_hooks()
    set_image = tesseract_api._set_image  # every Tesseract call (words, choices, OSD) passes here

    def counted(engine: Any, gray: Any) -> None:
        METER.tesseract_call()
        set_image(engine, gray)

    tesseract_api._set_image = counted


def _panel_hooks() -> None:
    """A side panel's read (a block `with_panels` added) is timed apart from the other blocks'."""
    with_panels, crop_box, read_words = (
        unread_blocks.with_panels,
        unread_blocks.crop_box,
        tesseract.read_words,
    )

    def panels(words: Any, blocks: Any, short: Any, width: int) -> Any:
        chosen = with_panels(words, blocks, short, width)
        METER.panels = [block for block in chosen if block not in blocks]
        return chosen

    def box(block: Any, ink: Any) -> Any:
        METER.reading_panel = any(block is panel for panel in METER.panels)
        return crop_box(block, ink)

    def read(*args: Any, **kwargs: Any) -> Any:
        if not (METER.reading_panel and METER.stack and METER.stack[-1] == "unread blocks"):
            return read_words(*args, **kwargs)
        METER.enter(PANEL_READS)
        try:
            return read_words(*args, **kwargs)
        finally:
            METER.leave()

    unread_blocks.with_panels, unread_blocks.crop_box, tesseract.read_words = panels, box, read


def _below_hooks() -> None:
    """The reads of the row under a tax-id label (`label_below`) timed apart from those beside it."""
    first_row, read_area = label_below.first_row, label_values._read_area

    def row(*args: Any) -> Any:
        found = first_row(*args)
        if found is not None:
            METER.below_rows.append(found)
        return found

    def area(gray: Any, where: Any, *rest: Any) -> Any:
        if not any(where is below for below in METER.below_rows):
            return read_area(gray, where, *rest)
        METER.enter(BELOW_READS)
        try:
            return read_area(gray, where, *rest)
        finally:
            METER.leave()

    label_below.first_row, label_values._read_area = row, area


def _round_robin(groups: list[list[Path]]) -> list[Path]:
    rounds = max((len(group) for group in groups), default=0)
    return [group[i] for i in range(rounds) for group in groups if i < len(group)]


def mixed(files: list[Path]) -> list[Path]:
    """Round-robin over (family, language) groups taken diagonally (family f's languages start at its
    f-th): the first N are a mix of families and languages, not one family's pages (stems are
    {family}_{language}_{nn}_{format}, the format two words)."""
    groups: dict[tuple[str, str], list[Path]] = {}
    for path in files:
        family, language = path.stem.rsplit("_", 4)[:2]
        groups.setdefault((family, language), []).append(path)
    families = sorted({family for family, _ in groups})
    languages = sorted({language for _, language in groups})

    def diagonal(key: tuple[str, str]) -> tuple[int, int]:
        f, lang = families.index(key[0]), languages.index(key[1])
        return (lang - f) % len(languages), f

    return _round_robin([groups[key] for key in sorted(groups, key=diagonal)])


def measure(files: list[Path]) -> list[dict[str, Any]]:
    options = OcrOptions()
    instrument()
    images.read_image_page(files[0].read_bytes(), 0, options)  # engines loaded, caches warm
    rows = []
    for number, path in enumerate(files, 1):
        METER.start_page()
        started = time.perf_counter()
        page = images.read_image_page(path.read_bytes(), 0, options)
        METER._charge()
        wall = time.perf_counter() - started
        steps = {name: [round(cpu, 4), int(calls)] for name, (cpu, calls) in METER.page.items()}
        # what was read (its time aside): the same digest before and after a change to a step's gate
        kept = {**dataclasses.asdict(page), "seconds": None}
        read = hashlib.sha256(json.dumps(kept, sort_keys=True, default=str).encode()).hexdigest()[:16]
        rows.append(
            {"file": path.stem, "wall": round(wall, 3), "steps": steps, "notes": page.notes, "read": read}
        )
        total = sum(cpu for cpu, _ in steps.values())
        print(f"{number}/{len(files)} {path.stem}: {total:.2f} s CPU, wall {wall:.2f} s", file=sys.stderr)
    return rows


def table(rows: list[dict[str, Any]], label: str) -> list[str]:
    total = sum(cpu for row in rows for cpu, _ in row["steps"].values())
    names = sorted({name for row in rows for name in row["steps"]}, key=lambda n: -_cpu(rows, n))
    lines = [
        f"{label}: {len(rows)} pages, {total:.1f} s CPU ({total / max(1, len(rows)):.2f} s a page)",
        "",
        "| step | fires (pages) | Tesseract calls | CPU s per firing | CPU s all pages | share |",
        "|---|---|---|---|---|---|",
    ]
    for name in names:
        fired = [row["steps"][name] for row in rows if row["steps"].get(name, [0, 0])[1] > 0]
        calls = sum(int(step[1]) for step in fired)
        per = f"{sum(step[0] for step in fired) / len(fired):.3f}" if fired else "-"
        everywhere = _cpu(rows, name)
        lines.append(
            f"| {name} | {len(fired)} of {len(rows)} | {calls} | {per} | {everywhere:.2f} | "
            f"{everywhere / total:.1%} |"
        )
    return lines


def _cpu(rows: list[dict[str, Any]], name: str) -> float:
    return sum(row["steps"].get(name, [0.0, 0])[0] for row in rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, action="append", required=True)
    parser.add_argument("--per-format", type=int, default=0, help="pages per format and seed (0: all)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    files: dict[str, list[Path]] = {kind: [] for kind in FORMATS}
    for seed in args.seed:
        for kind in FORMATS:
            chosen = mixed(dev_files(seed, (kind,)))
            files[kind] += chosen[: args.per_format] if args.per_format else chosen
    rows = measure([path for kind in FORMATS for path in files[kind]])
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    for kind in FORMATS:
        print("\n".join(["", *table([r for r in rows if r["file"].endswith(kind)], kind)]))
    print("\n".join(["", *table(rows, "all")]))


if __name__ == "__main__":
    main()

"""Where an image's OCR time goes, and how it compares with plain Tesseract, side by side.

For each image of the mix, alternating so machine load hits all alike (median of `repeats`):
- raw: `tesseract FILE stdout -l heb+eng` (what a user would run; OMP_THREAD_LIMIT=1 like our workers)
- CLI: `invoiceme ocr FILE` as a new process (start-up, imports and worker included)
- warm CLI: `invoiceme ocr --warm FILE` as a new process, answered by the warm reader a first call started
- service: `DocumentReader.read(bytes)` on a warm worker, as the OCR service calls it per message
Then one cProfile run of the worker's code on the image, its time split into steps by function.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from invoiceme_ocr.engine import OcrOptions, clean_text
from invoiceme_ocr.images import read_image_page
from invoiceme_ocr.reader import DocumentReader
from tests.support import synthetic_pages as synthetic

from .mix import MixImage

os.environ["OMP_THREAD_LIMIT"] = "1"  # as in the workers; Tesseract run in-process (profile) too
OPTIONS = OcrOptions()
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
CLI = str(Path(sys.executable).parent / "invoiceme")

# Step -> functions (module file suffix, function name[, caller name]) whose cumulative time it is.
STEPS: dict[str, list[tuple[str, str, str | None]]] = {
    # decode_page (grey and a colour copy for the page's outline) since branch photos6; decode_frame before
    "decode": [
        ("invoiceme_ocr/images.py", "decode_frame", None),
        ("invoiceme_ocr/images.py", "decode_page", None),
    ],
    "perspective": [
        ("preprocess/geometry.py", "find_page_quad", None),
        ("preprocess/geometry.py", "warp_page", None),
    ],
    "downscale": [
        ("preprocess/cleanup.py", "downscale_factor", None),
        ("preprocess/cleanup.py", "downscale", None),
    ],
    "denoise": [("preprocess/cleanup.py", "noise_level", None), ("preprocess/cleanup.py", "denoise", None)],
    "sideways": [
        ("preprocess/geometry.py", "work_mask", None),
        ("preprocess/geometry.py", "is_sideways", None),
        ("preprocess/orientation.py", "detect_rotation", "prepare_for_ocr"),
    ],
    "deskew": [("preprocess/geometry.py", "estimate_skew", None), ("preprocess/geometry.py", "rotate", None)],
    "light": [("preprocess/cleanup.py", "flatten_light", None)],
    # The engine calls under today's names and under the pytesseract-only code's (for a baseline run
    # of this same benchmark on an older checkout).
    "page read": [
        ("invoiceme_ocr/tesseract_api.py", "read_words", "recognize"),
        ("pytesseract.py", "image_to_data", "recognize"),
    ],
    "re-reads": [
        ("invoiceme_ocr/tesseract_api.py", "read_words", "reread"),
        ("pytesseract.py", "image_to_data", "reread"),
    ],
    # before the read (is the page upside down?) and after a badly read one
    "OSD": [
        ("preprocess/orientation.py", "osd_verdict", "ocr_image"),
        ("preprocess/orientation.py", "detect_rotation", "ocr_image"),
    ],
}
ENGINE_CALLS = [
    ("invoiceme_ocr/tesseract_api.py", "read_words", None),
    ("invoiceme_ocr/tesseract_api.py", "detect_orientation", None),
    ("pytesseract.py", "run_tesseract", None),
]


def _time(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=ENV, check=False)
    return time.perf_counter() - started, done.stdout.decode(errors="replace")


def raw_tesseract(path: Path) -> tuple[float, str]:
    return _time(["tesseract", str(path), "stdout", "-l", OPTIONS.languages])


def cli(path: Path) -> tuple[float, str]:
    return _time([CLI, "ocr", str(path)])


def warm_cli(path: Path) -> tuple[float, str]:
    return _time([CLI, "ocr", "--warm", str(path)])


@contextmanager
def warm_reader() -> Iterator[None]:
    """A warm reader of its own for the run (a fresh runtime folder), stopped at the end."""
    with tempfile.TemporaryDirectory() as runtime:
        ENV["XDG_RUNTIME_DIR"] = runtime
        try:
            yield
        finally:
            for pid_file in Path(runtime).glob("invoiceme/*.pid"):
                os.kill(int(pid_file.read_text()), signal.SIGTERM)
            del ENV["XDG_RUNTIME_DIR"]


def _cumulative(stats: pstats.Stats, file_suffix: str, name: str, caller: str | None) -> tuple[float, int]:
    seconds, calls = 0.0, 0
    for (file, _, function), (_, ncalls, _, cumtime, callers) in stats.stats.items():  # type: ignore[attr-defined]  # pstats keeps its table undeclared
        if function != name or not file.endswith(file_suffix):
            continue
        if caller is None:
            seconds += cumtime
            calls += ncalls
            continue
        for (_, _, caller_name), caller_stats in callers.items():
            if caller_name == caller:
                seconds += caller_stats[3]
                calls += caller_stats[1]
    return seconds, calls


def profile_steps(data: bytes) -> dict[str, Any]:
    """Seconds per step (and Tesseract processes) of one in-process run of the worker's code."""
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    page = read_image_page(data, 0, OPTIONS)  # the worker's call for an image
    profiler.disable()
    total = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    steps = {
        step: sum(_cumulative(stats, *target)[0] for target in targets) for step, targets in STEPS.items()
    }
    # tesserocr's calls, or (older checkout / no tesserocr) Tesseract processes
    calls = (
        sum(_cumulative(stats, *target)[1] for target in ENGINE_CALLS[:2])
        or _cumulative(stats, *ENGINE_CALLS[2])[1]
    )
    return {"steps": steps, "total": total, "tesseract_calls": calls, "notes": page.notes}


async def _measure(images: list[MixImage], repeats: int) -> list[dict[str, Any]]:
    reader = DocumentReader(OPTIONS, workers=1)
    rows: list[dict[str, Any]] = []
    try:
        await reader.read(images[0].path.read_bytes())  # start the worker process
        warm_cli(images[0].path)  # start the warm reader
        for image in images:
            data = image.path.read_bytes()
            raw_tesseract(image.path)  # page cache and traineddata warm
            raw_times, cli_times, warm_times, service_times = [], [], [], []
            raw_text = cli_text = ""
            for _ in range(repeats):  # blocking calls on purpose: one thing at a time
                seconds, raw_text = raw_tesseract(image.path)
                raw_times.append(seconds)
                seconds, cli_text = cli(image.path)
                cli_times.append(seconds)
                warm_times.append(warm_cli(image.path)[0])
                started = time.perf_counter()
                await reader.read(data)
                service_times.append(time.perf_counter() - started)
            row: dict[str, Any] = {
                "image": image.name,
                "kind": image.kind,
                "raw_s": statistics.median(raw_times),
                "cli_s": statistics.median(cli_times),
                "warm_s": statistics.median(warm_times),
                "service_s": statistics.median(service_times),
                **profile_steps(data),
            }
            if image.truth is not None:
                row["raw_cer"] = synthetic.character_error_rate(image.truth, clean_text(raw_text))
                row["our_cer"] = synthetic.character_error_rate(image.truth, clean_text(cli_text))
            rows.append(row)
            print(_progress(row), file=sys.stderr)
    finally:
        reader.close()
    return rows


def _progress(row: dict[str, Any]) -> str:
    steps = " ".join(f"{name}={seconds:.2f}" for name, seconds in row["steps"].items() if seconds >= 0.005)
    return (
        f"{row['image']}: raw {row['raw_s']:.2f} cli {row['cli_s']:.2f} warm {row['warm_s']:.2f} "
        f"service {row['service_s']:.2f} "
        f"| {steps} | tesseract x{row['tesseract_calls']} | {row['notes']}"
    )


def measure_mix(images: list[MixImage], repeats: int) -> list[dict[str, Any]]:
    with warm_reader():
        return asyncio.run(_measure(images, repeats))

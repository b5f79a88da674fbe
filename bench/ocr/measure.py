"""The OCR benchmark's measurements, one function each; `run.py` prints and records them.

Timings run in this process one at a time (Tesseract single-threaded, as in the service's
workers) so "ours" and "plain tesseract" see the same machine load, alternating page by page.
Quality runs go through a 2-process pool: there only the text matters.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytesseract

from invoiceme_ocr.engine import OcrOptions, clean_text
from invoiceme_ocr.images import decode_frame, read_image_page
from invoiceme_ocr.pdf import read_pdf_page
from invoiceme_ocr.preprocess import ALL_STEPS, DEFAULT_STEPS, prepare_for_ocr
from invoiceme_ocr.reader import DocumentReader
from invoiceme_ocr.tesseract import ocr_image
from tests.support import synthetic_pages as synthetic

from .pages import BenchPage

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
OPTIONS = OcrOptions()
PLAIN_CONFIG = ["--oem", "1", "--psm", str(OPTIONS.page_segmentation_mode)]


def tesseract_cli(png: Path, languages: str = OPTIONS.languages) -> str:
    """Plain `tesseract` on a file, as a user would run it."""
    command = ["tesseract", str(png), "stdout", "-l", languages, *PLAIN_CONFIG]
    done = subprocess.run(
        command, capture_output=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}
    )
    return done.stdout.decode()


def our_path(png_bytes: bytes, options: OcrOptions = OPTIONS) -> str:
    """What a worker does with an image file: header check and decode, OpenCV, Tesseract with boxes."""
    return read_image_page(png_bytes, 0, options).text


def speed(pages: list[BenchPage], repeats: int) -> list[dict[str, object]]:
    """Seconds per clean 300 DPI page, ours vs the tesseract CLI, interleaved so load hits both alike."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for page in (p for p in pages if p.condition == "clean"):
            png = Path(folder) / f"{page.language}.png"
            data = synthetic.encode(page.pixels, "PNG")
            png.write_bytes(data)
            cli_times, our_times = [], []
            tesseract_cli(png)  # warm the page cache and traineddata
            for _ in range(repeats):
                started = time.perf_counter()
                tesseract_cli(png)
                cli_times.append(time.perf_counter() - started)
                started = time.perf_counter()
                our_path(data)
                our_times.append(time.perf_counter() - started)
            cli, ours = statistics.median(cli_times), statistics.median(our_times)
            gray = decode_frame(data, 0, OPTIONS)
            started = time.perf_counter()
            prepare_for_ocr(gray)
            prepare_ms = 1000 * (time.perf_counter() - started)
            started = time.perf_counter()
            decode_frame(data, 0, OPTIONS)
            decode_ms = 1000 * (time.perf_counter() - started)
            rows.append(
                {
                    "page": f"{page.language} A4 clean",
                    "tesseract_s": cli,
                    "ours_s": ours,
                    "overhead_pct": 100 * (ours / cli - 1),
                    "decode_ms": decode_ms,
                    "prepare_ms": prepare_ms,
                }
            )
    return rows


def text_layer(pdfs: list[Path]) -> dict[str, object]:
    """Milliseconds per text-layer page (PDFium + Hebrew reading order), in-process."""
    times, fallbacks, pages = [], 0, 0
    for path in pdfs:
        data = path.read_bytes()
        read_pdf_page(data, 0, OPTIONS)  # warm-up (imports, font caches)
        import pypdfium2

        count = len(pypdfium2.PdfDocument(data))
        for index in range(count):
            started = time.perf_counter()
            page = read_pdf_page(data, index, OPTIONS)
            elapsed = time.perf_counter() - started
            pages += 1
            if page.method == "text_layer":
                times.append(elapsed * 1000)
            else:
                fallbacks += 1
    return {
        "files": len(pdfs),
        "pages": pages,
        "ocr_fallbacks": fallbacks,
        "median_ms": statistics.median(times) if times else None,
        "max_ms": max(times, default=None),
    }


async def _throughput(files: list[bytes], workers: int) -> float:
    reader = DocumentReader(OPTIONS, workers=workers)
    try:
        await asyncio.gather(*(reader.read(files[0]) for _ in range(workers)))  # start the processes
        started = time.perf_counter()
        await asyncio.gather(*(reader.read(data) for data in files))
        return len(files) / (time.perf_counter() - started)
    finally:
        reader.close()


def throughput(pages: list[BenchPage], count: int, rounds: int = 3) -> dict[str, object]:
    """Pages per second through DocumentReader with 1 and 2 worker processes, on clean A4 pages.

    The rounds alternate 1 and 2 workers and the best of each is kept: other work on a shared
    machine only ever slows a round down.
    """
    clean = [synthetic.encode(p.pixels, "PNG") for p in pages if p.condition == "clean"]
    files = [clean[i % len(clean)] for i in range(count)]
    ones, twos = [], []
    for _ in range(rounds):
        ones.append(asyncio.run(_throughput(files, 1)))
        twos.append(asyncio.run(_throughput(files, 2)))
    one, two = max(ones), max(twos)
    per_round = [b / a for a, b in zip(ones, twos, strict=True)]
    return {
        "pages": count,
        "one_worker": one,
        "two_workers": two,
        "speedup": two / one,
        "per_round": per_round,
    }


def _cer_job(
    page: BenchPage, steps: tuple[str, ...] | None, psm: int = OPTIONS.page_segmentation_mode
) -> float:
    """CER of one page: plain Tesseract when `steps` is None, else our path with those steps."""
    if steps is None:
        text = pytesseract.image_to_string(page.pixels, lang=OPTIONS.languages, config=" ".join(PLAIN_CONFIG))
    else:
        options = OcrOptions(preprocess_steps=steps, page_segmentation_mode=psm)
        text = ocr_image(1, page.pixels, options).text
    return synthetic.character_error_rate(page.truth, clean_text(text))


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def run_in_pool(func, *arguments: list) -> list:  # type: ignore[no-untyped-def,type-arg]  # generic helper of a bench script
    with ProcessPoolExecutor(2, initializer=_init_worker) as pool:
        return list(pool.map(func, *arguments))


def run_jobs(jobs: list[tuple[BenchPage, tuple[str, ...] | None]]) -> list[float]:
    return run_in_pool(_cer_job, *zip(*jobs, strict=True))


def quality(pages: list[BenchPage]) -> list[dict[str, object]]:
    """CER per language and condition, plain Tesseract vs our preprocessing."""
    jobs = [(page, variant) for page in pages for variant in (None, DEFAULT_STEPS)]
    scores = run_jobs(jobs)
    return [
        {
            "language": page.language,
            "condition": page.condition,
            "plain": scores[2 * i],
            "ours": scores[2 * i + 1],
        }
        for i, page in enumerate(pages)
    ]


def ablation(pages: list[BenchPage]) -> dict[str, float]:
    """Mean CER on the degraded pages with each default step left out, and with each optional one added.

    Runs on the given pages plus a second set damaged with another random seed: single pages are
    too noisy to decide on a step."""
    from .pages import bench_pages

    degraded = [p for p in [*pages, *bench_pages(seed=2)] if p.condition != "clean"]
    variants = {"all default steps": DEFAULT_STEPS}
    variants |= {f"without {step}": tuple(s for s in DEFAULT_STEPS if s != step) for step in DEFAULT_STEPS}
    variants |= {
        f"plus {step}": tuple(s for s in ALL_STEPS if s in DEFAULT_STEPS or s == step)
        for step in ALL_STEPS
        if step not in DEFAULT_STEPS
    }
    jobs = [(page, steps) for steps in variants.values() for page in degraded]
    scores = run_jobs(jobs)
    size = len(degraded)
    return {name: statistics.mean(scores[i * size : (i + 1) * size]) for i, name in enumerate(variants)}


def segmentation_modes(pages: list[BenchPage], modes: tuple[int, ...] = (3, 4, 6)) -> dict[int, float]:
    """Mean CER of our path over all pages for each Tesseract page segmentation mode."""
    jobs = [(page, DEFAULT_STEPS, mode) for mode in modes for page in pages]
    scores = run_in_pool(_cer_job, *zip(*jobs, strict=True))
    size = len(pages)
    return {mode: statistics.mean(scores[i * size : (i + 1) * size]) for i, mode in enumerate(modes)}

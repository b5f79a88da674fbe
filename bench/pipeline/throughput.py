"""Throughput with 1 and 2 OCR workers: the OCR stage alone (the service's DocumentReader reading the
documents in this process, as many at once as it has workers) against the whole pipeline (upload →
OCR → extraction → analytics, four real services) on the same batch of one-page documents.

    .venv/bin/python -m bench.pipeline.throughput [--pdfs 20] [--scans 10] [--workers 1 2]

Pages/s of the pipeline = documents done / time from the first upload to the last `extracted`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time

from bench.pipeline.run import _documents, run
from invoiceme_ocr.reader import DocumentReader
from invoiceme_ocr.settings import OcrSettings


async def _ocr_alone(documents: list[bytes], workers: int) -> float:
    """Pages/s of the OCR stage by itself, after one untimed page per worker (process start)."""
    reader = DocumentReader(OcrSettings().ocr_options(), workers=workers)
    try:
        await asyncio.gather(*(reader.read(documents[-1]) for _ in range(workers)))
        in_flight = asyncio.Semaphore(workers)  # the service reads `OCR_WORKERS` messages at once

        async def read(data: bytes) -> int:
            async with in_flight:
                return len((await reader.read(data)).pages)

        started = time.monotonic()
        pages = sum(await asyncio.gather(*(read(data) for data in documents)))
        return pages / (time.monotonic() - started)
    finally:
        reader.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--scans", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    documents = [data for _, data in _documents(args.pdfs, args.scans)]
    print("| OCR workers | OCR stage alone, pages/s | whole pipeline, pages/s | pipeline / OCR | load avg |")
    print("|---|---|---|---|---|")
    for workers in args.workers:
        load_before = os.getloadavg()[0]
        alone = asyncio.run(_ocr_alone(documents, workers))
        result = run(args.pdfs, args.scans, {"OCR_WORKERS": str(workers)})
        pipeline = float(result["throughput"])  # type: ignore[arg-type]  # always a float
        print(
            f"| {workers} | {alone:.2f} | {pipeline:.2f} | {pipeline / alone:.2f} "
            f"| {load_before:.1f} → {os.getloadavg()[0]:.1f} |"
        )


if __name__ == "__main__":
    main()

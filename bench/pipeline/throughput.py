"""Throughput with 1 and 2 OCR workers: the OCR stage alone (the service's DocumentReader reading the
documents in this process, as many at once as it has workers) against the whole pipeline (upload →
OCR → extraction → analytics, four real services) on the same batch of one-page documents.

    .venv/bin/python -m bench.pipeline.throughput [--pdfs 50] [--scans 30] [--photos 20] [--workers 1 2]

The default batch is issue 15's: 100 mixed documents (born-digital PDFs, Hebrew scans and phone
photos, in a fixed shuffled order). Pages/s of the pipeline = documents done / time from the first
upload to the last `extracted`. Besides the throughput table it prints CPU milliseconds per document
in each process (see bench.pipeline.costs) and each hop's median latency, and how busy the OCR
worker processes were (their CPU seconds / (wall seconds × workers)): a pipeline whose OCR workers
are less busy than the OCR stage alone's left them idle while messages waited.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from dataclasses import dataclass

from bench.pipeline import costs
from bench.pipeline.run import _documents, run
from invoiceme_ocr.reader import DocumentReader
from invoiceme_ocr.settings import OcrSettings

# "All but OCR workers" leaves out the OCR itself and the NATS server other jobs share.
EXCLUDED_FROM_REST = (costs.OCR_WORKERS, costs.NATS)


@dataclass(frozen=True)
class Alone:
    pages_per_second: float
    worker_cpu_seconds: float
    worker_runnable_seconds: float
    wall_seconds: float


async def _ocr_alone(documents: list[bytes], workers: int) -> Alone:
    """Pages/s of the OCR stage by itself, after one untimed page per worker (process start)."""
    reader = DocumentReader(OcrSettings().ocr_options(), workers=workers)
    try:
        await asyncio.gather(*(reader.read(documents[-1]) for _ in range(workers)))
        in_flight = asyncio.Semaphore(workers)  # as many documents at once as there are workers

        async def read(data: bytes) -> int:
            async with in_flight:
                return len((await reader.read(data)).pages)

        cpu_before, runnable_before = costs.pool_cpu(), costs.children_runnable()
        started = time.monotonic()
        pages = sum(await asyncio.gather(*(read(data) for data in documents)))
        wall = time.monotonic() - started
        return Alone(
            pages / wall,
            costs.pool_cpu() - cpu_before,
            costs.children_runnable() - runnable_before,
            wall,
        )
    finally:
        reader.close()


def _cpu_table(rows: list[tuple[int, Alone, dict[str, object]]]) -> list[str]:
    names: list[str] = []
    for _, _, result in rows:
        names += [
            name
            for name in result["cpu"]  # type: ignore[attr-defined]  # a dict
            if name not in names and name != costs.OCR_WORKERS_RUNNABLE
        ]
    lines = [
        "",
        "CPU ms per document (pipeline batch; OCR alone: its worker processes only):",
        "",
        "| OCR workers | OCR alone: workers | " + " | ".join(names) + " | all but OCR workers and NATS |",
        "|---" * (len(names) + 3) + "|",
    ]
    for workers, alone, result in rows:
        cpu: dict[str, float] = result["cpu"]  # type: ignore[assignment]  # always this shape
        count = int(result["documents"])  # type: ignore[call-overload]  # an int
        rest = sum(
            seconds for name, seconds in cpu.items() if name in names and name not in EXCLUDED_FROM_REST
        )
        cells = [f"{1000 * cpu.get(name, 0.0) / count:.1f}" for name in names]
        lines.append(
            f"| {workers} | {1000 * alone.worker_cpu_seconds / count:.1f} | "
            + " | ".join(cells)
            + f" | {1000 * rest / count:.1f} |"
        )
    return lines


def _busy_and_hops(rows: list[tuple[int, Alone, dict[str, object]]]) -> list[str]:
    hop_names: list[str] = []
    for _, _, result in rows:
        hop_names += [name for name in result["hops"] if name not in hop_names]  # type: ignore[attr-defined]  # a dict
    lines = [
        "",
        "OCR workers busy: on a core (CPU s / (wall s x workers)) and with work (on a core or in the",
        "run queue, from /proc/*/schedstat: what the machine's load does not hide), OCR alone and",
        "pipeline; hop medians (ms, pipeline):",
        "",
        "| OCR workers | on a core: alone | pipeline | with work: alone | pipeline | "
        + " | ".join(hop_names)
        + " |",
        "|---" * (len(hop_names) + 5) + "|",
    ]
    for workers, alone, result in rows:
        cpu: dict[str, float] = result["cpu"]  # type: ignore[assignment]  # always this shape
        wall = float(result["wall_s"])  # type: ignore[arg-type]  # a float
        hops: dict[str, float] = result["hops"]  # type: ignore[assignment]  # always this shape
        lines.append(
            f"| {workers} | {alone.worker_cpu_seconds / (alone.wall_seconds * workers):.2f} "
            f"| {cpu.get(costs.OCR_WORKERS, 0.0) / (wall * workers):.2f} "
            f"| {alone.worker_runnable_seconds / (alone.wall_seconds * workers):.2f} "
            f"| {cpu.get(costs.OCR_WORKERS_RUNNABLE, 0.0) / (wall * workers):.2f} | "
            + " | ".join(f"{hops.get(name, float('nan')):.0f}" for name in hop_names)
            + " |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pdfs", type=int, default=50)
    parser.add_argument("--scans", type=int, default=30)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--env", nargs="*", default=[], help="KEY=VALUE for the services")
    args = parser.parse_args()
    env = dict(pair.split("=", 1) for pair in args.env)
    documents = [data for _, data in _documents(args.pdfs, args.scans, args.photos)]
    print(f"{len(documents)} documents: {args.pdfs} PDFs, {args.scans} scans, {args.photos} photos")
    print("")
    print("| OCR workers | OCR stage alone, pages/s | whole pipeline, pages/s | pipeline / OCR | load avg |")
    print("|---|---|---|---|---|")
    rows = []
    for workers in args.workers:
        load_before = os.getloadavg()[0]
        alone = asyncio.run(_ocr_alone(documents, workers))
        result = run(args.pdfs, args.scans, {**env, "OCR_WORKERS": str(workers)}, photos=args.photos)
        pipeline = float(result["throughput"])  # type: ignore[arg-type]  # always a float
        rows.append((workers, alone, result))
        print(
            f"| {workers} | {alone.pages_per_second:.2f} | {pipeline:.2f} "
            f"| {pipeline / alone.pages_per_second:.2f} "
            f"| {load_before:.1f} → {os.getloadavg()[0]:.1f} |",
            flush=True,
        )
        if result["missing"] or result["failed"]:
            print(f"  not finished: {result['missing']}, failed: {result['failed']}")
    print("\n".join(_cpu_table(rows) + _busy_and_hops(rows)))


if __name__ == "__main__":
    main()

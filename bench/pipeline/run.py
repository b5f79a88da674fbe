"""End-to-end pipeline latency and throughput: upload generated invoices to the four real services
and time each one from upload (202) to `extracted`.

    .venv/bin/python -m bench.pipeline.run [--pdfs 12] [--scans 4] [--photos 0] [--write]

Uses NATS_URL / DATABASE_URL when they answer, else embedded ones (like `make run`), in a fresh
database and namespace. `--write` replaces the "Pipeline" section of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import cast

import httpx

from bench.load.hops import hop_medians
from bench.load.watch import DatabaseWatch
from bench.pipeline import costs
from bench.stack import running_stack
from tests.support.documents import invoice_pdf, invoice_scan_png, phone_photo_jpeg

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## Pipeline"
DONE = ("extracted", "needs_review", "failed")
KIND_NAMES = {
    "digital": "born-digital PDF (text layer)",
    "scan": "PNG scan (Tesseract heb+eng)",
    "photo": "JPEG phone photo (Tesseract heb+eng)",
}


def _scan_lines(i: int) -> list[str]:
    return [
        f'ספק {i} בע"מ',
        f"חשבונית מס מספר {2000 + i}",
        "תאריך: 03/02/2025",
        f'סה"כ לתשלום: {500 + i}.00 ₪',
    ]


def _documents(pdfs: int, scans: int, photos: int = 0) -> list[tuple[str, bytes]]:
    """One-page invoices: born-digital PDFs (text layer), Hebrew flatbed scans (PNG, 200 DPI) and
    phone photos of such pages (JPEG, perspective, uneven light), mixed in a fixed random order so
    the OCR-heavy documents do not all come last."""
    documents = []
    for i in range(pdfs):
        lines = [
            f"Vendor {i} Ltd",
            "Tax Invoice",
            f"Invoice No: B-{1000 + i}",
            f"Date: {1 + i % 28:02d}/05/2025",
            f"Total due  ${100 + i}.50",
        ]
        documents.append((f"digital-{i}.pdf", invoice_pdf(lines)))
    for i in range(scans):
        documents.append((f"scan-{i}.png", invoice_scan_png(_scan_lines(i), right_to_left=True)))
    for i in range(photos):
        page = invoice_scan_png(_scan_lines(1000 + i), right_to_left=True)
        documents.append((f"photo-{i}.jpg", phone_photo_jpeg(page)))
    if photos:  # without photos: the order earlier sessions measured (PDFs, then scans)
        random.Random(15).shuffle(documents)
    return documents


def kind_of(filename: str) -> str:
    return filename.split("-", 1)[0]


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def _upload_and_watch(
    url: str, database_url: str, headers: dict[str, str], documents: list[tuple[str, bytes]]
) -> tuple[dict[str, tuple[str, float]], DatabaseWatch, float]:
    """Upload one after another while one database watch hears each invoice finish (polling the
    invoice list ten times a second added gateway work that is not the pipeline's, and heard a
    finish up to 100 ms late). Returns each invoice's file name and 202 time, the watch, and the
    wall time."""
    watch = DatabaseWatch(database_url=database_url)
    follower = asyncio.create_task(watch.follow())
    await watch.opened.wait()
    started: dict[str, tuple[str, float]] = {}
    t0 = time.monotonic()
    try:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            for filename, data in documents:
                response = await client.post(
                    "/api/invoices", headers=headers, files={"file": (filename, data)}
                )
                invoice_id = response.json()["id"]
                started[invoice_id] = (filename, time.monotonic())
                watch.expect(invoice_id)
        await watch.wait_for(set(started), max(1.0, 600 - (time.monotonic() - t0)))
        finished = [watch.finished_at[i] for i in started if i in watch.finished_at]
        return started, watch, (max(finished) if finished else time.monotonic()) - t0
    finally:
        follower.cancel()
        await asyncio.gather(follower, return_exceptions=True)


def run(pdfs: int, scans: int, env: dict[str, str] | None = None, photos: int = 0) -> dict[str, object]:
    """Push the batch through the four services. Besides latencies and throughput: CPU seconds per
    process over the batch (`cpu`, see bench.pipeline.costs; sampled 1 s after the last document is
    done so analytics' share of it counts too) and each hop's median (`hops`, ms)."""
    with running_stack("pipeline", env) as stack, httpx.Client(base_url=stack.url, timeout=30) as client:
        token = client.post(
            "/api/auth/signup",
            json={"email": f"bench-{uuid.uuid4().hex[:6]}@example.com", "password": "password-123"},
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        # Not timed: the OCR workers' processes start (import OpenCV, Tesseract) with their first page.
        warm_up = [invoice_scan_png([f"warm-up {i} {uuid.uuid4().hex}"]) for i in range(2)]
        warm_ids = [
            client.post("/api/invoices", headers=headers, files={"file": ("warm.png", data)}).json()["id"]
            for data in warm_up
        ]
        while any(
            client.get(f"/api/invoices/{i}", headers=headers).json()["status"] not in DONE for i in warm_ids
        ):
            time.sleep(0.2)
        documents = _documents(pdfs, scans, photos)
        time.sleep(1.0)  # the warm-up's analytics
        cpu_before = costs.sample(stack.pids, stack.database_url)
        started, watch, wall = asyncio.run(
            _upload_and_watch(stack.url, stack.database_url, headers, documents)
        )
        time.sleep(1.0)
        cpu = costs.spent(cpu_before, costs.sample(stack.pids, stack.database_url))
        latencies = {i: watch.finished_at[i] - at for i, (_, at) in started.items() if i in watch.finished_at}
        hops = hop_medians(stack.database_url, list(latencies))
        failed = [
            f"{started[i][0]}: {client.get(f'/api/invoices/{i}', headers=headers).json().get('error')}"
            for i, status in watch.status.items()
            if status == "failed"
        ]
    by_kind: dict[str, list[float]] = {}
    for invoice_id, seconds in latencies.items():
        by_kind.setdefault(kind_of(started[invoice_id][0]), []).append(seconds)
    return {
        "documents": len(documents),
        "wall_s": wall,
        "throughput": len(latencies) / wall,
        "by_kind": by_kind,
        "missing": len(started) - len(latencies),
        "failed": failed,
        "cpu": cpu,
        "hops": hops,
    }


def report(result: dict[str, object], command: str) -> str:
    lines = [
        SECTION,
        "",
        f"Command: `{command}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}, OCR_WORKERS=2 (default).",
        "",
        "Uploads are sent back to back; latency is from the upload's 202 to status `extracted`.",
        "",
        "| documents | n | p50 s | p95 s | max s |",
        "|---|---|---|---|---|",
    ]
    by_kind = cast(dict[str, list[float]], result["by_kind"])
    failed = cast(list[str], result["failed"])
    for kind, values in by_kind.items():
        if values:
            lines.append(
                f"| {KIND_NAMES.get(kind, kind)} "
                f"| {len(values)} | {statistics.median(values):.2f} | {_percentile(values, 0.95):.2f} "
                f"| {max(values):.2f} |"
            )
    lines += [
        "",
        f"All {result['documents']} done in {result['wall_s']:.1f} s: "
        f"{result['throughput']:.2f} documents/s; not finished: {result['missing']}; "
        f"failed: {len(failed)} {failed or ''}".rstrip()
        + ".",
        "",
    ]
    return "\n".join(lines)


def write_section(markdown: str) -> None:
    path = ROOT / "docs" / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    if SECTION in text:
        start = text.index(SECTION)
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + markdown + (text[end + 1 :] if end != -1 else "")
    else:
        text = text.rstrip() + "\n\n" + markdown
    path.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pdfs", type=int, default=12)
    parser.add_argument("--scans", type=int, default=4)
    parser.add_argument("--photos", type=int, default=0)
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    args = parser.parse_args()
    result = run(args.pdfs, args.scans, photos=args.photos)
    command = (
        f".venv/bin/python -m bench.pipeline.run --pdfs {args.pdfs} --scans {args.scans}"
        f" --photos {args.photos}"
    ) + (" --write" if args.write else "")
    markdown = report(result, command)
    print(markdown)
    if args.write:
        write_section(markdown)


if __name__ == "__main__":
    main()

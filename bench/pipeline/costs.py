"""CPU seconds per process while a batch goes through the pipeline: each service (the OCR service's
own process apart from its OCR worker processes), the Postgres backends serving the bench database
(the NATS server is shared with other jobs and not counted), and the bench client itself.

CPU time is what another job on the 2 shared cores disturbs least, so the bench reports it per
document next to the wall-clock throughput.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Mapping
from pathlib import Path

import asyncpg
import psutil

OCR_WORKERS = "ocr workers"  # the OCR service's process pool (Tesseract, OpenCV, PDFium)
OCR_WORKERS_RUNNABLE = "ocr workers runnable"  # not CPU: see children_runnable
POSTGRES = "postgres (bench db)"
CLIENT = "bench client"
# The NATS server is shared with other jobs on this machine: an upper bound of the pipeline's share.
NATS = "nats-server (shared)"


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def _tree_cpu(pid: int) -> tuple[float, float]:
    """CPU of a process itself and of all its descendants (0 for a process that is gone)."""
    try:
        process = psutil.Process(pid)
        own = _cpu(process)
        children = sum(_cpu(child) for child in process.children(recursive=True))
    except psutil.Error:
        return 0.0, 0.0
    return own, children


async def _backend_pids(database_url: str) -> list[int]:
    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [row["pid"] for row in rows]
    finally:
        await conn.close()


def backend_cpu(database_url: str) -> dict[int, float]:
    """CPU of each Postgres backend connected to the bench's database (readable when the server runs
    on this machine; empty otherwise)."""
    seconds = {}
    for pid in asyncio.run(_backend_pids(database_url)):
        try:
            seconds[pid] = _cpu(psutil.Process(pid))
        except psutil.Error:
            continue
    return seconds


def sample(pids: Mapping[str, int], database_url: str | None = None) -> dict[str, float]:
    """Cumulative CPU seconds so far per process group; subtract two samples for a batch."""
    seconds: dict[str, float] = {}
    for name, pid in pids.items():
        own, children = _tree_cpu(pid)
        if name == "ocr":
            seconds["ocr"], seconds[OCR_WORKERS] = own, children
            seconds[OCR_WORKERS_RUNNABLE] = children_runnable(pid)
        else:
            seconds[name] = own + children
    if database_url:
        seconds[POSTGRES] = sum(backend_cpu(database_url).values())
    for process in psutil.process_iter(["name"]):
        if process.info["name"] == "nats-server":
            with contextlib.suppress(psutil.Error):
                seconds[NATS] = seconds.get(NATS, 0.0) + _cpu(process)
    seconds[CLIENT] = sum(os.times()[:2])
    return seconds


def spent(before: Mapping[str, float], after: Mapping[str, float]) -> dict[str, float]:
    """CPU seconds between two samples (a backend that ended in between counts from zero)."""
    return {name: after[name] - before.get(name, 0.0) for name in after}


def pool_cpu() -> float:
    """CPU so far of this process's children (the in-process DocumentReader's workers)."""
    return sum(_cpu(child) for child in psutil.Process().children(recursive=True))


def _runnable(pid: int) -> float:
    """Seconds a process's main thread ran or waited for a core (/proc/PID/schedstat: time on a
    CPU, time in the run queue): how long it had work, however busy the machine was. The main
    thread only: an OCR worker's helper threads (OpenCV) run beside it, and adding their waits
    would count the same moment twice."""
    try:
        on_cpu, waiting, _ = Path(f"/proc/{pid}/schedstat").read_text().split()
    except (OSError, ValueError):
        return 0.0
    return (int(on_cpu) + int(waiting)) / 1e9


def children_runnable(pid: int | None = None) -> float:
    """`_runnable` summed over a process's children (OCR worker processes): on a loaded machine
    their CPU seconds undercount the time they had work; this does not."""
    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return 0.0
    return sum(_runnable(child.pid) for child in children)

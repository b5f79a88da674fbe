"""The gateway under load: N users x M uploads of small born-digital PDFs through the HTTP API.

    .venv/bin/python -m bench.load.run [--users 5] [--uploads 10] [--concurrency 50]
        [--url http://127.0.0.1:8000] [--env GATEWAY_WORKERS=2 ...] [--one-at-a-time] [--live-streams]

Reports uploads/s, upload response latency p50/p95/p99, time from the upload's 202 to `extracted`
(p50/p95, heard through one shared watch of the stack's database, or with `--live-streams` / `--url`
on each user's live status stream, GET /api/events: see bench.load.watch; nothing polls), errors by
kind, and the load average. Without `--url` it starts the four services itself (bench.stack) in a
fresh database and namespace; `--env` sets their environment. `--one-at-a-time` uploads the next
file only once the previous one is extracted: the end-to-end latency of one document on an idle
pipeline. The client runs on the same machine and its CPU time counts in the latencies.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import time
from collections import Counter

import httpx
import psutil

from bench.load.hops import hop_medians
from bench.load.results import HEADER, Result, report_row
from bench.load.uploads import User, sign_up, small_pdfs, upload
from bench.load.watch import DatabaseWatch, StatusStream
from bench.stack import running_stack


def cpu_seconds(pids: dict[str, int]) -> dict[str, float]:
    """CPU time (user + system) of each service so far, its worker processes included."""
    seconds = {}
    for name, pid in pids.items():
        try:
            process = psutil.Process(pid)
            times = [process.cpu_times(), *(child.cpu_times() for child in process.children(recursive=True))]
        except psutil.Error:
            continue
        seconds[name] = sum(t.user + t.system for t in times)
    seconds["bench client"] = sum(os.times()[:2])
    return seconds


async def run_load(
    url: str,
    users: int,
    uploads: int,
    concurrency: int,
    one_at_a_time: bool = False,
    pause: float | None = None,
    pids: dict[str, int] | None = None,
    wait_seconds: float = 120.0,
    database_url: str | None = None,
) -> Result:
    """`pause`: send uploads in bursts of `concurrency` at once with `pause` seconds between them
    (None: keep `concurrency` uploads in flight all the time). `database_url`: hear final statuses
    through one shared database watch instead of one live stream per user."""
    per_user = -(-concurrency // users)  # uploads one user may have in flight at once
    # Below uvicorn's 5 s keep-alive: a connection the server is closing is never reused (a ReadError
    # on the first upload of a burst after a pause).
    limits = httpx.Limits(max_connections=per_user + 1, keepalive_expiry=4.0)
    async with (
        httpx.AsyncClient(base_url=url, timeout=60) as client,
        contextlib.AsyncExitStack() as upload_clients,
    ):
        headers = [await sign_up(client) for _ in range(users)]
        own_clients = [
            await upload_clients.enter_async_context(
                httpx.AsyncClient(base_url=url, timeout=60, limits=limits)
            )
            for _ in headers
        ]
        if database_url:
            shared = DatabaseWatch(database_url=database_url)
            people = [User(h, shared, c) for h, c in zip(headers, own_clients, strict=True)]
            followers = [asyncio.create_task(shared.follow())]
        else:
            people = [User(h, StatusStream(), c) for h, c in zip(headers, own_clients, strict=True)]
            followers = [
                asyncio.create_task(stream.follow(client, p.headers))
                for p in people
                if isinstance(stream := p.stream, StatusStream)
            ]
        await asyncio.gather(*(p.stream.opened.wait() for p in people))
        documents = small_pdfs(users * (uploads + 1))
        result = Result([], [], 0.0, Counter(), 0, 0, os.getloadavg(), (0.0, 0.0, 0.0))
        gate = asyncio.Semaphore(concurrency)
        # Warm-up (not counted): one document per user through the whole pipeline.
        for person in people:
            warm = await upload(person, documents.pop(), gate)
            if warm:
                await person.stream.wait_for({warm}, wait_seconds)
        result.load_before = os.getloadavg()
        cpu_before = cpu_seconds(pids or {})
        started = time.monotonic()
        if one_at_a_time:
            for person in people:
                for _ in range(uploads):
                    invoice_id = await upload(person, documents.pop(), gate, result)
                    if invoice_id:
                        await person.stream.wait_for({invoice_id}, wait_seconds)
        elif pause is None:
            jobs = [
                upload(person, documents.pop(), gate, result) for _ in range(uploads) for person in people
            ]
            await asyncio.gather(*jobs)
        else:  # bursts: `concurrency` uploads sent at once, then a pause
            queued = [(person, documents.pop()) for _ in range(uploads) for person in people]
            for first in range(0, len(queued), concurrency):
                burst = queued[first : first + concurrency]
                await asyncio.gather(*(upload(person, data, gate, result) for person, data in burst))
                await asyncio.sleep(pause)
            result.wall_seconds = -pause * ((len(queued) + concurrency - 1) // concurrency)  # pauses excluded
        result.wall_seconds += time.monotonic() - started
        for person in people:
            await person.stream.wait_for(set(person.accepted_at), wait_seconds)
        result.load_after = os.getloadavg()
        cpu_after = cpu_seconds(pids or {})
        result.cpu_seconds = {
            name: cpu_after[name] - cpu_before[name] for name in cpu_after if name in cpu_before
        }
        for person in people:
            for invoice_id, accepted in person.accepted_at.items():
                if invoice_id not in person.stream.finished_at:
                    result.unfinished += 1
                    detail = await client.get(f"/api/invoices/{invoice_id}", headers=person.headers)
                    result.unfinished_statuses[detail.json().get("status", str(detail.status_code))] += 1
                    continue
                result.to_extracted_seconds.append(person.stream.finished_at[invoice_id] - accepted)
                result.invoice_ids.append(invoice_id)
                result.failed += person.stream.status[invoice_id] == "failed"
        for follower in followers:
            follower.cancel()
        await asyncio.gather(*followers, return_exceptions=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=5)
    parser.add_argument("--uploads", type=int, default=10, help="uploads per user")
    parser.add_argument("--concurrency", type=int, default=50, help="uploads in flight at once")
    parser.add_argument("--url", help="a running gateway (default: start the stack here)")
    parser.add_argument(
        "--env", action="append", default=[], metavar="KEY=VALUE", help="services' environment"
    )
    parser.add_argument("--one-at-a-time", action="store_true", help="next upload once the last is extracted")
    parser.add_argument("--label", default="", help="the run's name in the table")
    parser.add_argument(
        "--pause", type=float, help="bursts: --concurrency uploads at once, then this many seconds' pause"
    )
    parser.add_argument(
        "--live-streams",
        action="store_true",
        help="hear statuses on each user's GET /api/events (default with the stack started here: "
        "one shared database watch; always the streams with --url)",
    )
    args = parser.parse_args()

    def load(url: str, pids: dict[str, int] | None = None, database_url: str | None = None) -> Result:
        watch = None if args.live_streams else database_url
        return asyncio.run(
            run_load(
                url,
                args.users,
                args.uploads,
                args.concurrency,
                args.one_at_a_time,
                args.pause,
                pids,
                database_url=watch,
            )
        )

    hops: dict[str, float] = {}
    if args.url:
        result = load(args.url)
    else:
        env = dict(item.split("=", 1) for item in args.env)
        with running_stack("load", env) as stack:
            result = load(stack.url, stack.pids, stack.database_url)
            hops = hop_medians(stack.database_url, result.invoice_ids)
    label = args.label or " ".join(args.env) or "defaults"
    print(HEADER)
    print(report_row(label, result))
    if result.cpu_seconds and result.upload_seconds:
        count = len(result.upload_seconds)
        per_upload = ", ".join(f"{name} {s * 1000 / count:.1f}" for name, s in result.cpu_seconds.items())
        print(f"\nCPU ms per upload (uploads and their processing until all were done): {per_upload}")
    if hops:
        print("\nmedian ms per hop (database clock): " + ", ".join(f"{k} {v:.1f}" for k, v in hops.items()))
    if result.unfinished_statuses:
        print(f"\nnot reported done by the live stream, status now: {dict(result.unfinished_statuses)}")
    if result.to_extracted_seconds:
        print(f"\n202 → extracted mean {statistics.mean(result.to_extracted_seconds) * 1000:.0f} ms")


if __name__ == "__main__":
    main()

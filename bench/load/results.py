"""What one load run measured, and its row in the Markdown table `bench.load.run` prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@dataclass
class Result:
    upload_seconds: list[float]
    to_extracted_seconds: list[float]
    wall_seconds: float
    errors: Counter[str]
    unfinished: int
    failed: int
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    # Status (GET /api/invoices/{id}) of those the live stream never reported done.
    unfinished_statuses: Counter[str] = field(default_factory=Counter)
    invoice_ids: list[str] = field(default_factory=list)  # those that reached a final status
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # per service, during the uploads


def _ms(values: list[float], fraction: float) -> str:
    return f"{percentile(values, fraction) * 1000:.0f}" if values else "–"


def report_row(label: str, result: Result) -> str:
    """One Markdown table row (see HEADER)."""
    uploads = result.upload_seconds
    rate = len(uploads) / result.wall_seconds if result.wall_seconds else 0.0
    errors = ", ".join(f"{kind}: {n}" for kind, n in result.errors.items()) or "0"
    load = f"{result.load_before[0]:.1f} → {result.load_after[0]:.1f}"
    return (
        f"| {label} | {len(uploads)} | {rate:.1f} | {_ms(uploads, 0.5)} | {_ms(uploads, 0.95)} "
        f"| {_ms(uploads, 0.99)} | {_ms(result.to_extracted_seconds, 0.5)} "
        f"| {_ms(result.to_extracted_seconds, 0.95)} | {errors} | {result.unfinished + result.failed} "
        f"| {load} |"
    )


HEADER = (
    "| run | uploads | uploads/s | upload p50 ms | p95 ms | p99 ms | 202 → extracted p50 ms | p95 ms "
    "| errors | not extracted | load avg (1 min) before → after |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|"
)

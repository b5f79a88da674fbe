"""OCR cost before/after in CPU seconds, which a loaded machine disturbs far less than wall time:
`.venv/bin/python -m bench.ocr.cost_ab [--base COMMIT] [--repeats N] [--only TEXT]`.

For each image of the mix (`bench/ocr/mix.py`), interleaved: `tesseract FILE stdout -l heb+eng`,
`invoiceme ocr FILE` at COMMIT and in this tree (new processes: user + system CPU of the process,
and wall time), and the OCR worker's code at COMMIT and in this tree (one warm process each, as a
service worker: its CPU for `read_image_page`; `--no-service` skips it). COMMIT's code runs from
`git archive` in a temporary folder, this tree's from its own folders, each put first on PYTHONPATH
(the shared virtualenv's editable install may point at another checkout). Medians of N rounds;
ratios to raw tesseract. "same text": the worker's page text and the CLI's printed text are the
same at COMMIT and here.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .mix import build_mix

ROOT = Path(__file__).resolve().parents[2]
CLI = str(Path(sys.executable).parent / "invoiceme")
SOURCE_FOLDERS = ("libs/common", "services/ocr", "services/cli")
BARE_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {
    "OMP_THREAD_LIMIT": "1"
}
ENV = BARE_ENV | {"PYTHONPATH": os.pathsep.join(str(ROOT / part) for part in SOURCE_FOLDERS)}
WORKER = """
import json, sys, time
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.images import read_image_page
options = OcrOptions()
for line in sys.stdin:
    data = open(line.strip(), "rb").read()
    started = time.process_time()
    page = read_image_page(data, 0, options)
    cpu = time.process_time() - started
    print(json.dumps({"cpu": cpu, "notes": page.notes, "text": page.text}), flush=True)
"""


def _checkout(commit: str, folder: Path) -> dict[str, str]:
    """COMMIT's libs and services in `folder`; the environment that runs them."""
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, *SOURCE_FOLDERS], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return BARE_ENV | {"PYTHONPATH": os.pathsep.join(str(folder / part) for part in SOURCE_FOLDERS)}


def _process_cpu(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(CPU seconds, wall seconds, what it printed) of one new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, cwd=tempfile.gettempdir(), check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall, done.stdout.decode(errors="replace")


class Worker:
    """A warm OCR worker process running one checkout's code."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )

    def read(self, path: Path) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{path}\n")
        self.process.stdin.flush()
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def measure(
    paths: list[Path], base_env: dict[str, str], repeats: int, service: bool = True
) -> list[dict[str, Any]]:
    workers = {"base": Worker(base_env), "new": Worker(ENV)} if service else {}
    envs = {"base": base_env, "new": ENV}
    rows = []
    try:
        for worker in workers.values():
            worker.read(paths[0])  # engines loaded
        for path in paths:
            runs: dict[str, list[float]] = {}
            answers: dict[str, dict[str, Any]] = {}
            printed: dict[str, str] = {}
            for _ in range(repeats):
                cpu, wall, _ = _process_cpu(["tesseract", str(path), "stdout", "-l", "heb+eng"], BARE_ENV)
                runs.setdefault("raw", []).append(cpu)
                runs.setdefault("raw wall", []).append(wall)
                for version in ("base", "new"):
                    cpu, wall, printed[version] = _process_cpu([CLI, "ocr", str(path)], envs[version])
                    runs.setdefault(f"cli {version}", []).append(cpu)
                    runs.setdefault(f"cli {version} wall", []).append(wall)
                    if service:
                        answers[version] = workers[version].read(path)
                        runs.setdefault(f"service {version}", []).append(answers[version]["cpu"])
            row = {name: statistics.median(values) for name, values in runs.items()}
            same_page = not service or answers["base"]["text"] == answers["new"]["text"]
            row |= {
                "image": path.name,
                "notes": answers["new"]["notes"] if service else [],
                "same_text": same_page and printed["base"] == printed["new"] and bool(printed["new"].strip()),
            }
            rows.append(row)
            print(_line(row), file=sys.stderr, flush=True)
    finally:
        for worker in workers.values():
            worker.close()
    return rows


def _line(row: dict[str, Any]) -> str:
    raw, raw_wall = row["raw"], row["raw wall"]
    if "service new" in row:
        service = f"{row['service base'] / raw:.2f} | **{row['service new'] / raw:.2f}**"
    else:
        service = "- | -"
    cli = f"{row['cli base'] / raw:.2f} | **{row['cli new'] / raw:.2f}**"
    wall = f"{row['cli base wall'] / raw_wall:.2f} | **{row['cli new wall'] / raw_wall:.2f}**"
    same = "yes" if row["same_text"] else "no"
    return (
        f"| {row['image']} | {raw:.2f} | {service} | {cli} | {raw_wall:.2f} | {wall} | {same} "
        f"| {', '.join(row['notes'])} |"
    )


def total(rows: list[dict[str, Any]], name: str) -> dict[str, Any]:
    """One row adding up `rows` (ratios of sums, not means of ratios)."""
    summed = {
        key: sum(row[key] for row in rows) for key, value in rows[0].items() if isinstance(value, float)
    }
    return summed | {"image": name, "same_text": all(row["same_text"] for row in rows), "notes": []}


def table(rows: list[dict[str, Any]], base: str, kinds: dict[str, str] | None = None) -> list[str]:
    by_kind = [
        total(members, f"all {kind}")
        for kind in dict.fromkeys((kinds or {}).values())
        if (members := [row for row in rows if (kinds or {}).get(row["image"]) == kind])
    ]
    return [
        f"| image | raw tesseract CPU s | service / raw (CPU) at {base} | now | CLI / raw (CPU) at {base} "
        f"| now | raw tesseract wall s | CLI / raw (wall) at {base} | now | same text | notes (now) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *(_line(row) for row in rows),
        *(_line(row) for row in by_kind),
        _line(total(rows, "all")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="main", help="the commit to compare with (default: main)")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--only", default="", help="only images whose name contains this")
    parser.add_argument("--no-service", action="store_true", help="the CLI only, not the warm worker")
    args = parser.parse_args()
    load_before = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        base_env = _checkout(args.base, Path(folder, "base"))
        images = [image for image in build_mix(Path(folder)) if args.only in image.name]
        rows = measure([image.path for image in images], base_env, args.repeats, not args.no_service)
    load_after = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print("\n".join(table(rows, args.base, {image.path.name: image.kind for image in images})))
    print(
        f"\nCPU and wall seconds, medians of {args.repeats}; "
        f"load average before {load_before}, after {load_after}; "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()

"""OCR cost before/after in CPU seconds, which a loaded machine disturbs far less than wall time:
`.venv/bin/python -m bench.ocr.cost_ab [--base COMMIT] [--repeats N] [--only TEXT]`.

For each image of the mix (`bench/ocr/mix.py`), interleaved: `tesseract FILE stdout -l heb+eng`,
`invoiceme ocr FILE` at COMMIT and in this tree (new processes: user + system CPU of the process),
and the OCR worker's code at COMMIT and in this tree (one warm process each, as a service worker:
its CPU for `read_image_page`). COMMIT's code runs from `git archive` in a temporary folder, put
first on PYTHONPATH. Medians of N rounds; ratios to raw tesseract.
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
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {"OMP_THREAD_LIMIT": "1"}
SOURCE_FOLDERS = ("libs/common", "services/ocr", "services/cli")
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
    return ENV | {"PYTHONPATH": os.pathsep.join(str(folder / part) for part in SOURCE_FOLDERS)}


def _process_cpu(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, env=env, cwd=tempfile.gettempdir(), check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, done.stdout.decode(errors="replace")


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


def measure(paths: list[Path], base_env: dict[str, str], repeats: int) -> list[dict[str, Any]]:
    workers = {"base": Worker(base_env), "new": Worker(ENV)}
    envs = {"base": base_env, "new": ENV}
    rows = []
    try:
        for worker in workers.values():
            worker.read(paths[0])  # engines loaded
        for path in paths:
            runs: dict[str, list[float]] = {}
            answers: dict[str, dict[str, Any]] = {}
            for _ in range(repeats):
                runs.setdefault("raw", []).append(
                    _process_cpu(["tesseract", str(path), "stdout", "-l", "heb+eng"], ENV)[0]
                )
                for version in ("base", "new"):
                    runs.setdefault(f"cli {version}", []).append(
                        _process_cpu([CLI, "ocr", str(path)], envs[version])[0]
                    )
                    answers[version] = workers[version].read(path)
                    runs.setdefault(f"service {version}", []).append(answers[version]["cpu"])
            row = {name: statistics.median(values) for name, values in runs.items()}
            row |= {
                "image": path.name,
                "notes": answers["new"]["notes"],
                "same_text": answers["base"]["text"] == answers["new"]["text"],
            }
            rows.append(row)
            print(_line(row), file=sys.stderr, flush=True)
    finally:
        for worker in workers.values():
            worker.close()
    return rows


def _line(row: dict[str, Any]) -> str:
    raw = row["raw"]
    service = f"{row['service base'] / raw:.2f} | **{row['service new'] / raw:.2f}**"
    cli = f"{row['cli base'] / raw:.2f} | **{row['cli new'] / raw:.2f}**"
    same = "yes" if row["same_text"] else "no"
    return f"| {row['image']} | {raw:.2f} | {service} | {cli} | {same} | {', '.join(row['notes'])} |"


def table(rows: list[dict[str, Any]], base: str) -> list[str]:
    totals = {
        name: sum(row[name] for row in rows)
        for name in ("raw", "service base", "service new", "cli base", "cli new")
    }
    return [
        f"| image | raw tesseract CPU s | service / raw at {base} | now | CLI / raw at {base} | now "
        "| same text | notes (now) |",
        "|---|---|---|---|---|---|---|---|",
        *(_line(row) for row in rows),
        _line({**totals, "image": "all", "same_text": all(row["same_text"] for row in rows), "notes": []}),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="main", help="the commit to compare with (default: main)")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--only", default="", help="only images whose name contains this")
    args = parser.parse_args()
    load_before = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        base_env = _checkout(args.base, Path(folder, "base"))
        images = [image for image in build_mix(Path(folder)) if args.only in image.name]
        rows = measure([image.path for image in images], base_env, args.repeats)
    load_after = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print("\n".join(table(rows, args.base)))
    print(
        f"\nCPU seconds, median of {args.repeats}; load average before {load_before}, after {load_after}; "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()

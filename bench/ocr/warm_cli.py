"""`invoiceme ocr FILE` cold and with `--warm`, against plain Tesseract, in CPU seconds and in wall time:
`.venv/bin/python -m bench.ocr.warm_cli [--repeats N]`.

For each image of the mix (`bench/ocr/mix.py`), interleaved, N rounds, medians:
- raw: `tesseract FILE stdout -l heb+eng` (a new process: its user + system CPU);
- cold CLI: `invoiceme ocr FILE` (a new process: its CPU, Tesseract's threads included);
- warm CLI: `invoiceme ocr --warm FILE` (a new process: its CPU, plus what the warm reader, started by
  one call before the rounds, spent on the call: read from /proc/PID/stat before and after).
CPU is what a loaded machine disturbs least (wall time waits for the other core's work); both are
printed. All with OMP_THREAD_LIMIT=1, as the workers run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .mix import build_mix

CLI = str(Path(sys.executable).parent / "invoiceme")
TICKS = os.sysconf("SC_CLK_TCK")
GOALS = {"clean": 1.15, "scan": 1.3, "photo": 1.3}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14 and 15)


def _run(command: list[str], env: dict[str, str], reader: int | None = None) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one call; with `reader`, that process's CPU during it too."""
    cpu_before, reader_before = _children_cpu(), _process_cpu(reader) if reader else 0.0
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, env=env, check=True)
    wall = time.perf_counter() - started
    reader_cpu = _process_cpu(reader) - reader_before if reader else 0.0
    return _children_cpu() - cpu_before + reader_cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as runtime:
        env = {**os.environ, "OMP_THREAD_LIMIT": "1", "XDG_RUNTIME_DIR": runtime}
        images = build_mix(Path(folder))
        subprocess.run([CLI, "ocr", "--warm", str(images[0].path)], capture_output=True, env=env, check=True)
        reader = int(next(Path(runtime).glob("invoiceme/*.pid")).read_text())
        rows = []
        try:
            for image in images:
                path = str(image.path)
                commands = {
                    "raw": (["tesseract", path, "stdout", "-l", "heb+eng"], None),
                    "cold": ([CLI, "ocr", path], None),
                    "warm": ([CLI, "ocr", "--warm", path], reader),
                }
                _run(commands["raw"][0], env)  # page cache and traineddata warm
                runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
                for _ in range(args.repeats):
                    for name, (command, pid) in commands.items():
                        runs[name].append(_run(command, env, pid))
                row = {
                    name: (statistics.median(c for c, _ in got), statistics.median(w for _, w in got))
                    for name, got in runs.items()
                }
                rows.append((image, row))
                print(
                    f"{image.name}: "
                    + " ".join(f"{name} {cpu:.2f}/{wall:.2f}" for name, (cpu, wall) in row.items()),
                    file=sys.stderr,
                )
        finally:
            os.kill(reader, 15)
    print(f"CPU / wall seconds, median of {args.repeats}; load {load_before:.1f} -> {os.getloadavg()[0]:.1f}")
    print()
    print(
        "| kind | images | raw CPU s | cold CLI / raw, CPU | warm CLI / raw, CPU | cold / raw, wall "
        "| warm / raw, wall | goal |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for kind, goal in GOALS.items():
        members = [row for image, row in rows if image.kind == kind]
        if not members:
            continue
        total = {
            name: [sum(row[name][i] for row in members) for i in (0, 1)] for name in ("raw", "cold", "warm")
        }
        raw_cpu, raw_wall = total["raw"]
        print(
            f"| {kind} | {len(members)} | {raw_cpu:.2f} | {total['cold'][0] / raw_cpu:.2f} | "
            f"**{total['warm'][0] / raw_cpu:.2f}** | {total['cold'][1] / raw_wall:.2f} | "
            f"{total['warm'][1] / raw_wall:.2f} | <= {goal} |"
        )


if __name__ == "__main__":
    main()

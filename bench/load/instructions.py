"""Gateway instructions per upload (valgrind's callgrind): steady on a shared, loaded machine where
CPU time per upload moves ±20 % between identical runs.

    .venv/bin/python -m bench.load.instructions [--uploads 10] [--src DIR]

Starts the four services (bench.stack), then a second gateway under `valgrind --tool=callgrind` with
the first one's environment (same database and namespace); after a warm-up it zeroes the counters,
sends N uploads one at a time through it (`bench.load.run --url … --one-at-a-time`, one live
stream), dumps, zeroes, sends 4N, dumps. Per upload = (instructions for 4N − for N) / 3N, which
cancels the sign-up (argon2) and each run's own warm-up. `--src`: run the valgrind gateway from an
export of other code (a directory with `libs/` and `services/`, e.g. `git archive main libs services`).
Needs valgrind; starting the gateway under it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.stack import ROOT, running_stack, wait_healthy

PACKAGES = (
    "libs/common",
    *(f"services/{name}" for name in ("analytics", "cli", "extractor", "gateway", "ocr")),
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _instructions(dump: Path) -> int:
    match = re.search(r"^(?:summary|totals): (\d+)", dump.read_text(errors="replace"), re.M)
    if not match:
        raise RuntimeError(f"no instruction count in {dump}")
    return int(match.group(1))


def _uploads(url: str, count: int, label: str) -> None:
    command = [sys.executable, "-m", "bench.load.run", "--url", url, "--users", "1", "--uploads", str(count)]
    command += ["--concurrency", "1", "--one-at-a-time", "--label", label]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": ""})


def measure(uploads: int, src: Path | None) -> tuple[int, int]:
    """Instructions of the valgrind gateway for `uploads` and for 4 × `uploads` uploads."""
    with running_stack("instructions") as stack, tempfile.TemporaryDirectory() as out:
        environ = Path(f"/proc/{stack.pids['gateway']}/environ").read_text().split("\0")
        env = dict(item.split("=", 1) for item in environ if "=" in item)
        env["GATEWAY_PORT"] = str(_free_port())
        if src is not None:
            env["PYTHONPATH"] = os.pathsep.join(str(src / package) for package in PACKAGES)
        url = f"http://127.0.0.1:{env['GATEWAY_PORT']}"
        valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/gateway.%p"]
        gateway = subprocess.Popen(
            [*valgrind, sys.executable, "-m", "invoiceme_gateway"],
            env=env,
            cwd=out,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_healthy(url, timeout=1200)
            if gateway.poll() is not None:  # something else answered on that port
                raise RuntimeError(f"the gateway under valgrind exited ({gateway.returncode})")
            _uploads(url, 3, "warm-up")
            for count in (uploads, 4 * uploads):
                subprocess.run(
                    ["callgrind_control", "--zero", str(gateway.pid)], check=True, capture_output=True
                )
                _uploads(url, count, str(count))
                subprocess.run(
                    ["callgrind_control", f"--dump=uploads{count}", str(gateway.pid)],
                    check=True,
                    capture_output=True,
                )
        finally:
            gateway.send_signal(signal.SIGTERM)
            gateway.wait(300)
        dumps = sorted(Path(out).glob("gateway.*.[0-9]"), key=lambda path: int(path.suffix[1:]))
        first, second = (_instructions(dump) for dump in dumps[:2])
        return first, second


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--uploads", type=int, default=10)
    parser.add_argument(
        "--src", type=Path, help="an export with libs/ and services/ (default: this checkout)"
    )
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    few, many = measure(args.uploads, args.src)
    per_upload = (many - few) / (3 * args.uploads)
    print("| code | instructions, N uploads | 4N uploads | per upload | load avg | minutes |")
    print("|---|---|---|---|---|---|")
    code = args.src or "this checkout"
    print(
        f"| {code} | {few / 1e6:,.1f} M | {many / 1e6:,.1f} M | {per_upload / 1e6:.2f} M "
        f"| {load_before:.1f} → {os.getloadavg()[0]:.1f} | {(time.monotonic() - started) / 60:.0f} |"
    )


if __name__ == "__main__":
    main()

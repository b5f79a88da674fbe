"""`invoiceme up` as a user runs it: a service and the embedded NATS are SIGKILLed and come back
(logged), and Ctrl-C (SIGINT) still stops every child cleanly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest

from tests.support.private_infra import free_port

pytestmark = [pytest.mark.faults, pytest.mark.slow]


def _wait_for(log: Path, text: str, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while text not in log.read_text(errors="replace"):
        assert process.poll() is None, f"invoiceme up exited: {log.read_text(errors='replace')[-3000:]}"
        assert time.monotonic() < deadline, f"no {text!r} in: {log.read_text(errors='replace')[-3000:]}"
        time.sleep(0.3)


def _child(runner: psutil.Process, needle: str) -> psutil.Process:
    for child in runner.children(recursive=True):
        try:
            if needle in " ".join(child.cmdline()):
                return child
        except psutil.NoSuchProcess:
            continue
    raise AssertionError(f"no child process running {needle}")


def test_up_restarts_what_dies_and_stops_on_ctrl_c(database_url: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="invoiceme-up-"))
    log = folder / "up.log"
    env = {
        **os.environ,
        "NATS_URL": f"nats://127.0.0.1:{free_port()}",  # nothing answers there: an embedded one starts
        "DATABASE_URL": database_url,
        "INVOICEME_NAMESPACE": f"up{os.getpid()}",
        "OCR_WORKERS": "1",
        "LOG_FORMAT": "json",
    }
    command = [str(Path(sys.executable).parent / "invoiceme"), "up", "--data-dir", str(folder / "data")]
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [*command, "--port", str(free_port())],
            env=env,
            stdout=output,
            stderr=output,
            start_new_session=True,
        )
    try:
        _wait_for(log, "InvoiceMe is running", process)
        runner = psutil.Process(process.pid)
        children = {child.pid for child in runner.children(recursive=True)}

        _child(runner, "invoiceme_ocr.app").kill()
        _wait_for(log, "ocr restarted", process)
        _child(runner, "nats-server").kill()
        _wait_for(log, "nats restarted", process)
        assert "ocr exited (code -9)" in log.read_text() and "nats exited (code -9)" in log.read_text()
        children |= {child.pid for child in runner.children(recursive=True)}

        process.send_signal(signal.SIGINT)
        assert process.wait(60) == 0
        assert "stopped; data kept in" in log.read_text()
        assert not [
            pid for pid in children if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"
        ]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)

"""Runs the `invoiceme up` supervisor over test service processes in a background thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from invoiceme_cli.runner import ServiceProcesses
from invoiceme_cli.supervisor import Supervisor


@contextmanager
def supervised(services: ServiceProcesses) -> Iterator[list[str]]:
    """Restart any service that dies, as `invoiceme up` does; yields the supervisor's log lines."""
    lines: list[str] = []
    stop = threading.Event()

    def run() -> None:
        supervisor = Supervisor(services.supervised(), lines.append)
        supervisor.watch_from(time.monotonic())
        while not stop.wait(0.3):
            supervisor.tick(time.monotonic())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield lines
    finally:
        stop.set()
        thread.join()

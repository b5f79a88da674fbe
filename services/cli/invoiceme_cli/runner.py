"""Starts the four services as separate processes and stops them cleanly (used by `invoiceme up`
and by the end-to-end tests, so both exercise the same commands a deployment runs)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from .supervisor import Child

SERVICES: dict[str, list[str]] = {
    "gateway": ["-m", "invoiceme_gateway"],
    "ocr": ["-m", "faststream", "run", "invoiceme_ocr.app:create_app", "--factory"],
    "extractor": ["-m", "faststream", "run", "invoiceme_extractor.app:create_app", "--factory"],
    "analytics": ["-m", "faststream", "run", "invoiceme_analytics.app:create_app", "--factory"],
}

# GET /metrics and /health of each worker under `invoiceme up` (and where `invoiceme status` looks).
DEFAULT_METRICS_PORTS = {"ocr": 9101, "extractor": 9102, "analytics": 9103}


class ServiceProcesses:
    def __init__(
        self,
        env: Mapping[str, str],
        host: str,
        port: int,
        log_dir: Path | None = None,
        service_env: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        """`service_env`: variables for one service only (e.g. each worker's own METRICS_PORT)."""
        self.env = {**os.environ, **env, "GATEWAY_HOST": host, "GATEWAY_PORT": str(port)}
        self.service_env = service_env or {}
        self.host, self.port = host, port
        self.log_dir = log_dir
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self._logs: list[IO[bytes]] = []

    def start(self, names: list[str] | None = None) -> None:
        for name in names or list(SERVICES):
            args = [sys.executable, *SERVICES[name]]
            output: IO[bytes] | None = None
            if self.log_dir is not None:
                self.log_dir.mkdir(parents=True, exist_ok=True)
                output = open(self.log_dir / f"{name}.log", "ab")
                self._logs.append(output)
            # Own session: a terminal's Ctrl-C reaches only the runner, which stops services in order.
            self.processes[name] = subprocess.Popen(
                args,
                env={**self.env, **self.service_env.get(name, {})},
                stdout=output,
                stderr=output,
                start_new_session=True,
            )

    def supervised(self) -> list[Child]:
        """Each service as a child the supervisor restarts when it dies."""
        return [self._child(name) for name in self.processes]

    def _child(self, name: str) -> Child:
        return Child(name, lambda: self.processes[name].poll(), lambda: self.start([name]))

    def exited(self) -> dict[str, int]:
        return {name: code for name, p in self.processes.items() if (code := p.poll()) is not None}

    def stop(self, timeout: float = 15.0) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for process in self.processes.values():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in self._logs:
            log.close()

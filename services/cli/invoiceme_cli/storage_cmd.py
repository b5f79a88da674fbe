"""`invoiceme storage migrate --from nats --to s3`: copy every stored file to another backend, verify
each by its SHA-256, and switch STORAGE_BACKEND only once all match. Rerun after an interruption:
files already copied (same hash) are skipped."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from invoiceme_common.settings import CommonSettings
from invoiceme_common.storage import ObjectStorage, StorageUnavailable, open_storage
from invoiceme_common.storage.migrate import copy_objects, verify_objects

console = Console(stderr=True)
BACKENDS = ["nats", "s3", "local"]


@asynccontextmanager
async def _two_stores(
    settings: CommonSettings, source: str, destination: str
) -> AsyncIterator[tuple[ObjectStorage, ObjectStorage]]:
    import nats

    from invoiceme_common.bus import nats_servers

    topology = settings.topology()  # a nats destination bucket gets the configured limits and replicas
    uses_nats = "nats" in (source, destination)
    connection = (
        await nats.connect(nats_servers(settings.nats_url), user_credentials=settings.nats_credentials_file)
        if uses_nats
        else None
    )
    js = connection.jetstream() if connection else None
    config = topology.object_store_config()
    stores = [
        open_storage(settings, js, topology.originals_bucket, backend, config=config)
        for backend in (source, destination)
    ]
    try:
        yield stores[0], stores[1]
    finally:
        for store in stores:
            await store.close()
        if connection is not None:
            await connection.close()


async def _recorded_keys(database_url: str) -> set[str]:
    """Every file an invoice row points to: each must be among what is copied."""
    import asyncpg

    connection = await asyncpg.connect(database_url)
    try:
        rows = await connection.fetch("SELECT storage_key, ocr_key FROM invoices")
    finally:
        await connection.close()
    return {key for row in rows for key in (row["storage_key"], row["ocr_key"]) if key}


def _bar(label: str) -> Progress:
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    return Progress(*columns, console=console)


async def _migrate(
    settings: CommonSettings, source_name: str, destination_name: str, ignore_missing: bool
) -> bool:
    async with _two_stores(settings, source_name, destination_name) as (source, destination):
        await destination.check()
        keys = sorted([key async for key in source.keys()])
        missing = sorted(await _recorded_keys(settings.database_url) - set(keys))
        if missing:
            console.print(
                f"[yellow]{len(missing)} file(s) that invoices point to are not in {source_name}:[/]"
            )
            for key in missing[:20]:
                console.print(f"  {key}")
            if not ignore_missing:
                console.print("nothing copied; rerun with --ignore-missing to migrate the rest anyway")
                return False
        with _bar(f"copying {source_name} → {destination_name}") as bar:
            task = bar.add_task("copy", total=len(keys))
            copied = await copy_objects(source, destination, keys, lambda key: bar.advance(task))
        console.print(f"copied {len(copied.copied)}, already there {len(copied.skipped)}")
        with _bar("verifying SHA-256") as bar:
            task = bar.add_task("verify", total=len(keys))
            verified = await verify_objects(source, destination, keys, lambda key: bar.advance(task))
        for key, problem in verified.mismatched.items():
            console.print(f"[red]{key}[/]: {problem}")
        console.print(f"{len(verified.matching)} of {len(keys)} files match at {destination_name}")
        return verified.all_match


def switch_backend(env_file: Path, backend: str) -> None:
    """Set STORAGE_BACKEND in an env file (added if absent), keeping every other line."""
    text = env_file.read_text() if env_file.exists() else ""
    line = f"STORAGE_BACKEND={backend}"
    if re.search(r"^STORAGE_BACKEND=.*$", text, flags=re.M):
        text = re.sub(r"^STORAGE_BACKEND=.*$", line, text, flags=re.M)
    else:
        text = text + ("" if text.endswith("\n") or not text else "\n") + line + "\n"
    env_file.write_text(text)


@click.group()
def storage() -> None:
    """Stored files (originals, OCR results): move them between backends."""


@storage.command()
@click.option("--from", "source", type=click.Choice(BACKENDS), required=True, help="Where files are now")
@click.option("--to", "destination", type=click.Choice(BACKENDS), required=True, help="Where they go")
@click.option(
    "--env-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Once every file matches, set STORAGE_BACKEND there (otherwise: set it yourself)",
)
@click.option("--ignore-missing", is_flag=True, help="Go on when invoices point to files the source lacks")
def migrate(source: str, destination: str, env_file: Path | None, ignore_missing: bool) -> None:
    """Copy every stored file, verify each SHA-256, switch nothing unless all match. Resumable.

    Settings of both backends come from the environment / .env as usual (NATS_URL and
    INVOICEME_NAMESPACE for nats, S3_* and AWS_* for s3, STORAGE_DIR for local). Source files are
    never deleted. Stop the services (or at least uploads) first, then restart them on the new backend.
    """
    if source == destination:
        raise click.UsageError("--from and --to name the same backend")
    settings = CommonSettings()
    if "s3" in (source, destination) and not settings.s3_bucket:
        raise click.UsageError(
            "set S3_BUCKET (and S3_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)"
        )
    try:
        all_match = asyncio.run(_migrate(settings, source, destination, ignore_missing))
    except StorageUnavailable as exc:
        console.print(f"[red]storage unavailable:[/] {exc.reason}\nnothing switched; rerun to resume")
        raise SystemExit(1) from exc
    if not all_match:
        console.print("[red]not every file matches: nothing switched[/]; rerun to resume")
        raise SystemExit(1)
    if env_file is not None:
        switch_backend(env_file, destination)
        console.print(f"[green]all files match; STORAGE_BACKEND={destination} written to {env_file}[/]")
    else:
        console.print(
            f"[green]all files match[/]: set STORAGE_BACKEND={destination} and restart the services"
        )

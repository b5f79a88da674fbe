"""`invoiceme` — operator commands. Each command wires settings and calls into the services' code."""

from __future__ import annotations

import importlib
import os
import signal
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from .runner import ServiceProcesses

# Commands in their own modules, imported only when run: `invoiceme --help` then needs click
# alone (the services' code, FastStream, asyncpg, OpenCV cost ~1 s to import). Name -> (module,
# command object, the help line `--help` lists; a test keeps it equal to the command's own).
LAZY_COMMANDS = {
    "analytics-rebuild": (
        "analytics_cmd",
        "analytics_rebuild",
        "Clear the analytics projection and rebuild it by replaying the event stream from its start.",
    ),
    "dead-letters": (
        "dead_letters_cmd",
        "dead_letters",
        "Messages a consumer gave up on (after MAX_DELIVER attempts, or bad input).",
    ),
    "demo-data": (
        "demo_cmd",
        "demo_data",
        "Fill a demo tenant with Hebrew and English invoices from several vendors over the last months.",
    ),
    "extract": (
        "extract_cmd",
        "extract",
        "Run OCR and field extraction on invoice files (PDF or images); a bad file fails alone.",
    ),
    "ocr": ("ocr_cmd", "ocr", "Read FILES (PDF, PNG, JPEG, TIFF, WebP, BMP, HEIC) and print their text."),
    "doctor": (
        "doctor_cmd",
        "doctor",
        "Check the pipeline: stalled invoices, unpublished events, consumer backlogs, dead letters.",
    ),
    "replay": (
        "replay_cmd",
        "replay",
        "Run STAGE again for the selected invoices (all when no filter is given).",
    ),
    "storage": (
        "storage_cmd",
        "storage",
        "Stored files (originals, OCR results): move them between backends.",
    ),
    "admin": ("admin_cmd", "admin", "Operators: who may list and replay dead letters through the API."),
    "status": ("status_cmd", "status", "Every service: healthy or not, its consumers' lag, its last error."),
    "asyncapi": (
        "asyncapi_cmd",
        "asyncapi",
        "Write the AsyncAPI document (docs/asyncapi.json and the gateway's copy).",
    ),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            module, command, _ = LAZY_COMMANDS[name]
            return getattr(importlib.import_module(f"{__package__}.{module}"), command)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [
            (name, click.Command(name, help=LAZY_COMMANDS[name][2]).get_short_help_str(limit))
            if name in LAZY_COMMANDS
            else (name, self.commands[name].get_short_help_str(limit))
            for name in names
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@click.group(cls=LazyGroup)
def cli() -> None:
    """InvoiceMe: self-hostable invoice processing."""


@cli.command()
def migrate() -> None:
    """Apply database migrations (services also do this at start-up)."""
    import asyncio

    from invoiceme_common.db import migrate as apply_migrations
    from invoiceme_common.settings import CommonSettings

    applied = asyncio.run(apply_migrations(CommonSettings().database_url))
    _console().print(f"applied: {', '.join(applied)}" if applied else "database is up to date")


def _dev_jwt_secret(data_dir: Path) -> str:
    import secrets

    path = data_dir / "jwt-secret"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _wait_healthy(url: str, processes: ServiceProcesses, timeout: float = 90) -> bool:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not processes.exited():
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    return False


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


@cli.command()
@click.option(
    "--data-dir", default=".data", show_default=True, type=click.Path(file_okay=False, path_type=Path)
)
@click.option("--host", default=None, help="Gateway host (default: GATEWAY_HOST or 127.0.0.1)")
@click.option("--port", default=None, type=int, help="Gateway port (default: GATEWAY_PORT or 8000)")
def up(data_dir: Path, host: str | None, port: int | None) -> None:
    """Run everything locally: NATS and Postgres (embedded when none answers) and the four services."""
    import asyncio

    from invoiceme_common.db import migrate as apply_migrations
    from invoiceme_gateway.settings import GatewaySettings

    from .infra import ensure_infra
    from .runner import DEFAULT_METRICS_PORTS, ServiceProcesses
    from .supervisor import Supervisor

    console = _console()
    settings = GatewaySettings()
    host, port = host or settings.gateway_host, port or settings.gateway_port
    infra = ensure_infra(settings.nats_url, settings.database_url, data_dir, log=console.print)
    env = {"NATS_URL": infra.nats_url, "DATABASE_URL": infra.database_url}
    if not os.environ.get("JWT_SECRET"):
        env["JWT_SECRET"] = _dev_jwt_secret(data_dir)
    # Explicit, because a shell starting us in the background may have set SIGINT to "ignore".
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    # Each worker's /metrics and /health on its own port, unless METRICS_PORT says otherwise (0 = off).
    metrics_env = {name: {"METRICS_PORT": str(p)} for name, p in DEFAULT_METRICS_PORTS.items()}
    processes = ServiceProcesses(
        env, host, port, service_env={} if "METRICS_PORT" in os.environ else metrics_env
    )
    try:
        asyncio.run(apply_migrations(infra.database_url))
        processes.start()
        url = f"http://{host}:{port}"
        if _wait_healthy(url, processes):
            console.print(
                f"\n[bold green]InvoiceMe is running:[/] {url}   (API docs: {url}/docs)  — Ctrl-C stops it\n"
            )
        # Any child that dies (a service, the embedded NATS or Postgres) is restarted with backoff.
        supervisor = Supervisor(
            [*infra.supervised(data_dir), *processes.supervised()],
            log=lambda line: console.print(f"[yellow]{time.strftime('%H:%M:%S')} {line}[/]"),
        )
        supervisor.watch_from(time.monotonic())
        while True:
            supervisor.tick(time.monotonic())
            time.sleep(0.5)
    except KeyboardInterrupt:
        console.print("\nstopping…")
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean stop short
        processes.stop()
        infra.stop()
        console.print("stopped; data kept in", str(data_dir))

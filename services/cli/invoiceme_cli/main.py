"""`invoiceme` — operator commands. Each command wires settings and calls into the services' code."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import time
from pathlib import Path

import click
import httpx
from rich.console import Console

from invoiceme_common.db import migrate as apply_migrations
from invoiceme_common.settings import CommonSettings

from .infra import ensure_infra
from .runner import DEFAULT_METRICS_PORTS, ServiceProcesses
from .supervisor import Supervisor

console = Console(stderr=True)


@click.group()
def cli() -> None:
    """InvoiceMe: self-hostable invoice processing."""


@cli.command()
def migrate() -> None:
    """Apply database migrations (services also do this at start-up)."""
    applied = asyncio.run(apply_migrations(CommonSettings().database_url))
    console.print(f"applied: {', '.join(applied)}" if applied else "database is up to date")


def _dev_jwt_secret(data_dir: Path) -> str:
    path = data_dir / "jwt-secret"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _wait_healthy(url: str, processes: ServiceProcesses, timeout: float = 90) -> bool:
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
    from invoiceme_gateway.settings import GatewaySettings

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


from .extract_cmd import extract  # noqa: E402

cli.add_command(extract)

from .ocr_cmd import ocr  # noqa: E402

cli.add_command(ocr)

from .dead_letters_cmd import dead_letters  # noqa: E402

cli.add_command(dead_letters)

from .analytics_cmd import analytics_rebuild  # noqa: E402
from .demo_cmd import demo_data  # noqa: E402

cli.add_command(analytics_rebuild)
cli.add_command(demo_data)

from .doctor_cmd import doctor  # noqa: E402
from .replay_cmd import replay  # noqa: E402

cli.add_command(doctor)
cli.add_command(replay)

from .status_cmd import status  # noqa: E402

cli.add_command(status)

from .asyncapi_cmd import asyncapi  # noqa: E402

cli.add_command(asyncapi)

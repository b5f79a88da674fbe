"""`invoiceme status`: every service, its consumers' lag and its last error, in one table.

Reads the gateway's /health, each worker's /health (METRICS_PORT) and, for lag, JetStream's consumer
info directly, so a worker that is down still shows how much waits for it. Exit status 1 when any
service is not healthy.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import click
import httpx
import nats
from rich.console import Console
from rich.table import Table

from invoiceme_common.bus import nats_servers
from invoiceme_common.settings import CommonSettings
from invoiceme_common.worker_health import lag_of

from .runner import DEFAULT_METRICS_PORTS

console = Console()


@dataclass(frozen=True)
class ServiceStatus:
    name: str
    state: str  # "ok", "degraded: <failed checks>" or "unreachable: <why>"
    lag: str
    last_error: str

    @property
    def healthy(self) -> bool:
        return self.state == "ok"


def describe_lag(consumers: dict[str, dict[str, int]]) -> str:
    return ", ".join(
        f"{durable}: {lag['pending']} waiting, {lag['ack_pending']} in progress"
        for durable, lag in sorted(consumers.items())
    )


def service_status(
    name: str, health: dict[str, Any] | str, consumers: dict[str, dict[str, int]]
) -> ServiceStatus:
    """One row from a service's /health answer (or why it could not be read) and its consumers' lag."""
    if isinstance(health, str):
        return ServiceStatus(name, f"unreachable: {health}", describe_lag(consumers), "")
    checks = health.get("checks", {})
    failed = [f"{check} {value}" for check, value in checks.items() if value != "ok"]
    healthy = health.get("ok", health.get("status") == "ok") and not failed
    error = health.get("last_error") or {}
    last_error = ""
    if error:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(error["at"]))
        last_error = f"{when} {error['subject']}: {error['error']}"
    lag = consumers or health.get("consumers", {})
    return ServiceStatus(
        name, "ok" if healthy else "degraded: " + "; ".join(failed), describe_lag(lag), last_error
    )


def _read_health(url: str) -> dict[str, Any] | str:
    try:
        response = httpx.get(f"{url}/health", timeout=5)
    except httpx.HTTPError as error:
        return f"{type(error).__name__}"
    try:
        body: dict[str, Any] = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    return body


async def consumer_lag(settings: CommonSettings) -> dict[str, dict[str, int]]:
    """Lag of every durable consumer on this install's stream, from JetStream (empty when unreachable)."""
    try:
        connection = await nats.connect(
            nats_servers(settings.nats_url),
            connect_timeout=5,
            max_reconnect_attempts=0,
            user_credentials=settings.nats_credentials_file,
        )
    except Exception:
        return {}
    try:
        infos = await connection.jetstream().consumers_info(settings.topology().stream)
        return {str(info.name): lag_of(info) for info in infos}
    except Exception:
        return {}
    finally:
        await connection.close()


def owner_of(durable: str, namespace: str) -> str:
    """The service a durable consumer belongs to: durables are `<namespace>-<service>[-<what>]`."""
    return durable.removeprefix(f"{namespace}-").split("-", 1)[0]


def collect(gateway_url: str, workers: dict[str, str], settings: CommonSettings) -> list[ServiceStatus]:
    lag = asyncio.run(consumer_lag(settings))
    rows = [service_status("gateway", _read_health(gateway_url), {})]
    for name, url in workers.items():
        namespace = settings.invoiceme_namespace
        own = {durable: value for durable, value in lag.items() if owner_of(durable, namespace) == name}
        rows.append(service_status(name, _read_health(url), own))
    return rows


@click.command("status")
@click.option("--gateway", "gateway_url", default="http://127.0.0.1:8000", show_default=True)
@click.option(
    "--worker",
    "worker_urls",
    multiple=True,
    metavar="NAME=URL",
    help="A worker's METRICS_PORT address (default: the ports `invoiceme up` gives them)",
)
def status(gateway_url: str, worker_urls: tuple[str, ...]) -> None:
    """Every service: healthy or not, its consumers' lag, its last error."""
    workers = {name: f"http://127.0.0.1:{port}" for name, port in DEFAULT_METRICS_PORTS.items()}
    workers.update(dict(item.split("=", 1) for item in worker_urls))
    rows = collect(gateway_url.rstrip("/"), workers, CommonSettings())
    table = Table("service", "state", "lag", "last error")
    for row in rows:
        table.add_row(row.name, row.state if row.healthy else f"[red]{row.state}[/]", row.lag, row.last_error)
    console.print(table)
    raise SystemExit(0 if all(row.healthy for row in rows) else 1)

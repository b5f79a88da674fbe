"""CPU milliseconds per request of a few paths through the in-process gateway (httpx client and
gateway in this one process; Postgres's own CPU is not counted): steadier than wall time on a busy
machine. Uses the scale bench's database (run `bench.scale.run` once first to build it).

    .venv/bin/python -m bench.scale.cpu_per_request [--database invoiceme_scale] /api/businesses ...
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
import uuid

import httpx
from asgi_lifespan import LifespanManager

from bench.scale.run import _database_url, _headers, gateway_settings
from bench.stack import delete_namespace
from invoiceme_gateway.app import create_app

WARM_UP, REQUESTS = 5, 60


async def main(database: str, paths: list[str]) -> None:
    namespace = f"cpu{uuid.uuid4().hex[:6]}"
    settings = gateway_settings(_database_url(database), namespace)
    app = create_app(settings)
    async with LifespanManager(app, startup_timeout=60) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=60) as client:
            client.headers.update(await _headers(client))
            for path in paths:
                for _ in range(WARM_UP):
                    (await client.get(path)).raise_for_status()
                started = time.process_time()
                for _ in range(REQUESTS):
                    response = await client.get(path)
                    response.raise_for_status()
                cpu_ms = (time.process_time() - started) / REQUESTS * 1000
                print(f"{path}: {cpu_ms:.1f} CPU ms/request, {len(response.content)} bytes")
    await delete_namespace(settings.nats_url, namespace)
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="invoiceme_scale")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    asyncio.run(main(args.database, args.paths))

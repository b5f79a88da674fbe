"""`python -m invoiceme_gateway`: uvicorn with our logging (uvicorn's own log config disabled)."""

from __future__ import annotations

import uvicorn

from invoiceme_gateway.settings import GatewaySettings


def main() -> None:
    settings = GatewaySettings()
    uvicorn.run(
        "invoiceme_gateway.app:create_app",
        factory=True,
        host=settings.gateway_host,
        port=settings.gateway_port,
        log_config=None,
        access_log=False,
        proxy_headers=True,
        workers=settings.gateway_workers,  # each builds its own app (and pool) through the factory
    )


if __name__ == "__main__":
    main()

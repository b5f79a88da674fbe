"""The gateway's database pool is sized from its settings and shared out among its workers."""

from __future__ import annotations

from invoiceme_gateway.app import create_app
from invoiceme_gateway.settings import GatewaySettings
from tests.support.gateway import gateway_client, gateway_settings


class TestPoolSize:
    """GATEWAY_DB_CONNECTIONS is the gateway's total; each of GATEWAY_WORKERS gets its share."""

    def test_each_worker_gets_its_share_and_never_fewer_than_two(self):
        def share(workers: int, connections: int) -> int:
            return GatewaySettings(
                environment="test",
                jwt_secret="s" * 32,
                gateway_workers=workers,
                gateway_db_connections=connections,
            ).pool_max_per_worker

        assert share(1, 20) == 20
        assert share(2, 20) == 10
        assert share(3, 20) == 6
        assert share(16, 20) == 2

    async def test_the_running_pool_has_the_configured_size(self, database_url, nats_url, namespace):
        settings = gateway_settings(
            database_url, nats_url, namespace, gateway_workers=2, gateway_db_connections=14
        )
        app = create_app(settings)
        async with gateway_client(settings, app) as client:
            assert (await client.get("/health")).status_code == 200
            assert app.state.gateway.pool.get_max_size() == 7

"""Composition root of the gateway: `uvicorn invoiceme_gateway.app:create_app --factory`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from invoiceme_common.bus import make_broker
from invoiceme_common.db import create_pool, migrate
from invoiceme_common.logging import configure_logging
from invoiceme_common.outbox import OutboxRelay
from invoiceme_common.storage import open_storage
from invoiceme_common.topology import ensure_stream
from invoiceme_gateway.accounts import auth_routes, profile_routes
from invoiceme_gateway.accounts.revocations import RevocationList
from invoiceme_gateway.accounts.supabase import supabase_verifier
from invoiceme_gateway.admin import routes as admin_routes
from invoiceme_gateway.analytics import routes as analytics_routes
from invoiceme_gateway.authenticate_first import AuthenticateFirst
from invoiceme_gateway.businesses import routes as business_routes
from invoiceme_gateway.config import routes as config_routes
from invoiceme_gateway.errors import install_error_handlers
from invoiceme_gateway.exports import routes as export_routes
from invoiceme_gateway.frontend.routes import mount_frontend
from invoiceme_gateway.health import routes as health_routes
from invoiceme_gateway.insights import routes as insight_routes
from invoiceme_gateway.invoices import review_routes
from invoiceme_gateway.invoices import routes as invoice_routes
from invoiceme_gateway.invoices.previews import PreviewRenderer
from invoiceme_gateway.limits import BodySizeLimit
from invoiceme_gateway.live import routes as live_routes
from invoiceme_gateway.live.listener import LiveStatus
from invoiceme_gateway.middleware import RequestContextMiddleware
from invoiceme_gateway.observability import asyncapi as asyncapi_routes
from invoiceme_gateway.observability import metrics as metrics_routes
from invoiceme_gateway.security_headers import SecurityHeaders
from invoiceme_gateway.settings import GatewaySettings
from invoiceme_gateway.state import GatewayState

# In the order the OpenAPI document lists them.
RESOURCE_ROUTERS = (
    health_routes.router,
    auth_routes.router,
    invoice_routes.router,
    analytics_routes.router,
    profile_routes.router,
    config_routes.router,
    business_routes.router,
    review_routes.router,
    live_routes.router,
    insight_routes.router,
    export_routes.router,
    admin_routes.router,
    metrics_routes.router,
    asyncapi_routes.router,
)


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    configure_logging("gateway", settings.log_level, settings.log_format)
    topology = settings.topology()  # names, storage limits and replicas, as every service declares them

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await migrate(settings.database_url)
        pool_max = settings.pool_max_per_worker
        pool = await create_pool(
            settings.database_url,
            min(settings.db_pool_min, pool_max),
            pool_max,
            command_timeout=settings.db_command_timeout_seconds,
        )
        broker = make_broker(settings.nats_url, "gateway", settings.nats_credentials_file)
        await broker.start()
        js = broker.connection.jetstream()
        await ensure_stream(js, topology)
        storage = open_storage(settings, js, topology.originals_bucket, config=topology.object_store_config())
        # Requests write events to the outbox only; this relay (and every other service's) publishes them.
        relay = OutboxRelay(pool, js, topology.stream, settings.database_url, settings.outbox_poll_seconds)
        relay.start()
        revocations = RevocationList(settings.database_url)  # until it is current, checks ask the database
        revocations.start()
        app.state.gateway = GatewayState(
            settings,
            topology,
            pool,
            broker,
            storage,
            supabase_verifier(settings),
            LiveStatus(settings.database_url),
            PreviewRenderer(settings.ocr_max_megapixels, settings.preview_concurrency),
            revocations,
        )
        try:
            yield
        finally:
            await revocations.stop()
            await app.state.gateway.live.close()
            await relay.stop()
            await storage.close()
            await broker.stop()
            await pool.close()

    app = FastAPI(
        title="InvoiceMe",
        version="0.1.0",
        description="Upload invoices and receipts; read, check and file them. All `/api/*` routes except "
        "`/api/auth/*` need `Authorization: Bearer <token>`.",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    for router in RESOURCE_ROUTERS:
        app.include_router(router)
    mount_frontend(app, settings.web_dist_dir)
    # The last added runs first: security headers, request id, CORS, the size limit, authentication.
    app.add_middleware(AuthenticateFirst)
    app.add_middleware(
        BodySizeLimit, max_bytes=settings.max_request_kb * 1024, overrides=settings.body_limits()
    )
    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            # Bearer tokens, not cookies: no credentials mode. The web app reads Content-Disposition
            # (download names) and X-Request-ID from other origins too.
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID", "Last-Event-ID"],
            expose_headers=["Content-Disposition", "X-Request-ID"],
            max_age=600,
        )
    app.add_middleware(RequestContextMiddleware)
    app.add_middleware(SecurityHeaders, connect_origins=settings.cors_origin_list)
    app.add_middleware(metrics_routes.RequestMetricsMiddleware)  # outermost: counts every response
    return app

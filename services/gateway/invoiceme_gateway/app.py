"""Composition root of the gateway: `uvicorn invoiceme_gateway.app:create_app --factory`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from invoiceme_common.bus import make_broker, prepare_jetstream
from invoiceme_common.db import create_pool, migrate
from invoiceme_common.logging import configure_logging
from invoiceme_common.storage import open_storage
from invoiceme_common.topology import Topology, ensure_stream

from .enrichment import enricher_consumer, subscribe_enricher
from .errors import install_error_handlers
from .limits import BodySizeLimit
from .live import LiveStatus
from .middleware import RequestContextMiddleware
from .routes import (
    admin,
    analytics,
    auth,
    businesses,
    config,
    events,
    exports,
    health,
    insights,
    invoice_review,
    invoices,
    me,
    page_layouts,
)
from .routes.web import mount_frontend
from .settings import GatewaySettings
from .state import GatewayState
from .supabase_auth import supabase_verifier


def create_app(settings: GatewaySettings | None = None) -> FastAPI:
    settings = settings or GatewaySettings()
    configure_logging("gateway", settings.log_level, settings.log_format)
    topology = Topology(settings.invoiceme_namespace)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await migrate(settings.database_url)
        pool = await create_pool(settings.database_url, settings.db_pool_min, settings.db_pool_max)
        broker = make_broker(settings.nats_url, "gateway")
        if settings.gateway_match_on_save:
            enricher = enricher_consumer(topology, settings.ack_wait_seconds, settings.max_deliver)
            subscribe_enricher(broker, topology, enricher, lambda: app.state.gateway)
            await prepare_jetstream(settings.nats_url, topology, [enricher])
        await broker.start()
        js = broker.connection.jetstream()
        await ensure_stream(js, topology)
        storage = open_storage(settings.storage_backend, js, topology.originals_bucket, settings.storage_dir)
        app.state.gateway = GatewayState(
            settings,
            topology,
            pool,
            broker,
            storage,
            supabase_verifier(settings),
            LiveStatus(settings.database_url),
        )
        try:
            yield
        finally:
            await app.state.gateway.live.close()
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
    for module in (health, auth, invoices, analytics):
        app.include_router(module.router)
    for module in (me, config, businesses, invoice_review, events):
        app.include_router(module.router)
    for module in (insights, exports, admin, page_layouts):
        app.include_router(module.router)
    mount_frontend(app, settings.web_dist_dir)
    # Multipart overhead on top of the file itself is small; allow 1 MB for it.
    app.add_middleware(
        BodySizeLimit,
        max_bytes=settings.max_upload_bytes + 2**20,
        overrides={"/api/invoices/batch": settings.max_upload_bytes * settings.max_batch_files + 2**20},
    )
    app.add_middleware(RequestContextMiddleware)
    if settings.cors_origin_list:
        # Outermost, so even a refused or failed request carries the CORS headers the browser needs to
        # show its error. Bearer tokens, not cookies: no credentials mode.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Last-Event-ID", "X-Request-ID"],
            expose_headers=["Content-Disposition", "X-Request-ID"],
            max_age=600,
        )
    return app

"""What analytics handlers need: the pool, rates and insight narration, built at start-up.

The service builds it over its FastStream runtime; the rebuild command builds it over a plain pool.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import asyncpg
import httpx

from invoiceme_common.logging import get_logger
from invoiceme_common.money import load_bundled_rates

from .insights.narrative import Narrator, TemplateNarrator, narrator_from_settings
from .insights.service import sweep
from .rates import RateService, online_providers
from .settings import AnalyticsSettings

log = get_logger(__name__)


@dataclass
class AnalyticsContext:
    settings: AnalyticsSettings
    pool_source: Callable[[], asyncpg.Pool]  # the runtime's pool exists only after start-up
    narrator: Narrator = field(default_factory=TemplateNarrator)
    base_currencies: dict[uuid.UUID, str] = field(default_factory=dict)
    _http: httpx.AsyncClient | None = None
    _rates: RateService | None = None
    _sweeper: asyncio.Task[None] | None = None

    @property
    def pool(self) -> asyncpg.Pool:
        return self.pool_source()

    @property
    def rates(self) -> RateService:
        if self._rates is None:
            raise RuntimeError("analytics: rates used before start-up")
        return self._rates

    async def start(self) -> None:
        settings = self.settings
        self._http = httpx.AsyncClient(timeout=settings.fx_timeout_seconds)
        online = (
            online_providers(self._http, settings.fx_boi_url, settings.fx_frankfurter_url)
            if settings.fx_provider == "online"
            else []
        )
        self._rates = RateService(self.pool, online, load_bundled_rates())
        self.narrator = narrator_from_settings(settings)
        if settings.insights_sweep_seconds > 0:
            self._sweeper = asyncio.create_task(self._sweep_forever(settings.insights_sweep_seconds))

    async def _sweep_forever(self, every_seconds: float) -> None:
        while True:
            await asyncio.sleep(every_seconds)
            try:
                await sweep(self.pool, self.narrator, self.settings.insights_language)
            except Exception:
                log.exception("insights_sweep_failed")

    async def stop(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
        if self._http is not None:
            await self._http.aclose()

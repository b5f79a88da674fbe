"""What analytics handlers need besides the runtime: rates and insight narration, built at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx
from invoiceme_common.money import load_bundled_rates
from invoiceme_common.service import ServiceRuntime

from .insights.narrative import Narrator, narrator_from_settings
from .rates import RateService, online_providers
from .settings import AnalyticsSettings


@dataclass
class AnalyticsContext:
    settings: AnalyticsSettings
    runtime: ServiceRuntime
    _http: httpx.AsyncClient | None = None
    _rates: RateService | None = None
    narrator: Narrator = field(init=False)

    def __post_init__(self) -> None:
        self.narrator = narrator_from_settings(self.settings, None)

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
        self._rates = RateService(self.runtime.pool, online, load_bundled_rates())
        self.narrator = narrator_from_settings(settings, self._http)

    async def stop(self) -> None:
        if self._http is not None:
            await self._http.aclose()

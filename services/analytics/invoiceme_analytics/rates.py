"""Exchange-rate providers (Bank of Israel, Frankfurter/ECB) and the lookup order around them.

Order: Postgres cache -> online providers that handle the pair (when configured) -> the bundled
ECB file. Every result says where it came from (`Rate.source`); no rate at all is `None`, which the
caller turns into an explicit warning.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

import asyncpg
import httpx

from invoiceme_common.logging import get_logger
from invoiceme_common.money import Rate, RateTable, identity_rate

log = get_logger(__name__)
BOI_DEFAULT_URL = "https://edge.boi.gov.il/FusionEdgeServer/sdmx/v2/data/dataflow/BOI.STATISTICS/EXR/1.0"
FRANKFURTER_DEFAULT_URL = "https://api.frankfurter.dev/v1"
_LOOKBACK_DAYS = 10  # weekends and holidays: the latest rate on or before the date


class RatesProvider(Protocol):
    """Fetches the rate base->quote in force on a date, or None when it has none."""

    name: str

    def handles(self, base: str, quote: str) -> bool: ...

    async def fetch(self, base: str, quote: str, on: date) -> Rate | None: ...


class BankOfIsraelProvider:
    """Bank of Israel representative rates (SDMX CSV), ILS against one foreign currency."""

    name = "bank-of-israel"

    def __init__(self, client: httpx.AsyncClient, base_url: str = BOI_DEFAULT_URL) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")

    def handles(self, base: str, quote: str) -> bool:
        return (base == "ILS") != (quote == "ILS")

    async def fetch(self, base: str, quote: str, on: date) -> Rate | None:
        foreign = quote if base == "ILS" else base
        response = await self._client.get(
            f"{self._base_url}/RER_{foreign}_ILS",
            params={
                "startperiod": str(on - timedelta(days=_LOOKBACK_DAYS)),
                "endperiod": str(on),
                "format": "csv",
            },
        )
        response.raise_for_status()
        found = latest_sdmx_observation(response.text, on)
        if found is None:
            return None
        day, ils_per_unit = found
        value = (
            ils_per_unit if quote == "ILS" else (Decimal(1) / ils_per_unit).quantize(Decimal("0.00000001"))
        )
        return Rate(base, quote, value, day, self.name)


def latest_sdmx_observation(text: str, on: date) -> tuple[date, Decimal] | None:
    """The latest (TIME_PERIOD, OBS_VALUE) on or before `on` in an SDMX-CSV answer."""
    best: tuple[date, Decimal] | None = None
    for row in csv.DictReader(io.StringIO(text)):
        try:
            day, value = date.fromisoformat(row["TIME_PERIOD"][:10]), Decimal(row["OBS_VALUE"])
        except (KeyError, ValueError, ArithmeticError):
            continue
        if day <= on and (best is None or day > best[0]):
            best = (day, value)
    return best


class FrankfurterProvider:
    """ECB reference rates through the Frankfurter API (any pair it knows, ILS included)."""

    name = "frankfurter-ecb"

    def __init__(self, client: httpx.AsyncClient, base_url: str = FRANKFURTER_DEFAULT_URL) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")

    def handles(self, base: str, quote: str) -> bool:
        return True

    async def fetch(self, base: str, quote: str, on: date) -> Rate | None:
        response = await self._client.get(
            f"{self._base_url}/{on.isoformat()}", params={"base": base, "symbols": quote}
        )
        if response.status_code == 404:
            return None
        response.raise_for_status()
        body = response.json()
        value = body.get("rates", {}).get(quote)
        if value is None:
            return None
        return Rate(base, quote, Decimal(str(value)), date.fromisoformat(body["date"]), self.name)


class RateService:
    def __init__(self, pool: asyncpg.Pool, online: list[RatesProvider], bundled: RateTable) -> None:
        self._pool = pool
        self._online = online
        self._bundled = bundled

    async def rate(self, base: str, quote: str, on: date) -> Rate | None:
        if base == quote:
            return identity_rate(base, on)
        cached = await self._pool.fetchrow(
            "SELECT rate, rate_date, source FROM fx_rates WHERE base = $1 AND quote = $2 AND for_date = $3",
            base,
            quote,
            on,
        )
        if cached is not None:
            return Rate(base, quote, cached["rate"], cached["rate_date"], cached["source"])
        for provider in self._online:
            if not provider.handles(base, quote):
                continue
            try:
                rate = await provider.fetch(base, quote, on)
            except (httpx.HTTPError, ValueError) as exc:
                log.warning(
                    "fx_provider_failed", provider=provider.name, error=str(exc), pair=f"{base}{quote}"
                )
                continue
            if rate is not None:
                await self._remember(rate, on)
                return rate
        return self._bundled.rate(base, quote, on)

    async def _remember(self, rate: Rate, on: date) -> None:
        await self._pool.execute(
            """INSERT INTO fx_rates (base, quote, for_date, rate, rate_date, source)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (base, quote, for_date) DO NOTHING""",
            rate.base,
            rate.quote,
            on,
            rate.value,
            rate.rate_date,
            rate.source,
        )


def online_providers(client: httpx.AsyncClient, boi_url: str, frankfurter_url: str) -> list[RatesProvider]:
    """Production order: Bank of Israel for ILS pairs, Frankfurter/ECB for the rest (and BOI's fallback)."""
    return [BankOfIsraelProvider(client, boi_url), FrankfurterProvider(client, frankfurter_url)]

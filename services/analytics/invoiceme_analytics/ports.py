"""What the analytics handlers need, as a Protocol: `AnalyticsContext` is the running service's
(and the rebuild command's); tests may pass any object with these members."""

from __future__ import annotations

import uuid
from typing import Protocol

import asyncpg

from .insights.narrative import Narrator
from .rates import RateService
from .settings import AnalyticsSettings


class AnalyticsDeps(Protocol):
    @property
    def settings(self) -> AnalyticsSettings: ...

    @property
    def pool(self) -> asyncpg.Pool: ...

    @property
    def rates(self) -> RateService: ...

    @property
    def narrator(self) -> Narrator: ...

    @property
    def base_currencies(self) -> dict[uuid.UUID, str]:
        """Tenant -> base currency last priced in, kept by the process (saves a query per invoice)."""
        ...

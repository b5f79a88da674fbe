"""Analytics, money and insights settings (read by the analytics service and its CLI commands)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from invoiceme_common.settings import CommonSettings

from .rates import BOI_DEFAULT_URL, FRANKFURTER_DEFAULT_URL


class AnalyticsSettings(CommonSettings):
    # bundled: only the ECB file shipped in the package (offline); online: Bank of Israel + Frankfurter
    # first, cached in Postgres, the bundled file when they fail.
    fx_provider: Literal["bundled", "online"] = "bundled"
    fx_boi_url: str = BOI_DEFAULT_URL
    fx_frankfurter_url: str = FRANKFURTER_DEFAULT_URL
    fx_timeout_seconds: float = Field(default=10.0, gt=0)
    # A rate published more than this many days before the invoice date is used with a warning.
    fx_max_age_days: int = Field(default=7, ge=0)
    # Invoice changes (saves/deletions) after which the analytics service regenerates insights.
    insights_change_threshold: int = Field(default=5, ge=1)
    # Every this many seconds, tenants with changes below the threshold get fresh insights (0: never).
    insights_sweep_seconds: float = Field(default=60.0, ge=0)
    insights_language: Literal["en", "he"] = "en"
    # OpenAI-compatible chat endpoint for insight narratives; empty = templates only.
    insights_llm_base_url: str = ""
    insights_llm_api_key: SecretStr = SecretStr("")
    insights_llm_model: str = "openai/gpt-oss-20b"
    insights_llm_timeout_seconds: float = Field(default=20.0, gt=0)
    # LLM calls per minute per process; beyond it narratives come from templates.
    insights_llm_requests_per_minute: int = Field(default=20, ge=1)

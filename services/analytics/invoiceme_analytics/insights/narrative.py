"""Short narratives for insights: Hebrew/English templates, or an LLM (through the shared client in
invoiceme_common.llm) when configured.

The LLM only words numbers we computed: it is given them as facts, told not to compute, and its
answer is refused (template used instead) when it is empty, looks like JSON, or states a number that
is not among the facts.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from pydantic import SecretStr

from invoiceme_common.llm.clients import ChatClient, GroqConfig, OpenAIChatClient
from invoiceme_common.llm.errors import ProviderError
from invoiceme_common.llm.ratelimit import RateLimiter
from invoiceme_common.llm.retry import RetryPolicy
from invoiceme_common.logging import get_logger

from .detectors import Insight
from .templates import TEMPLATES

if TYPE_CHECKING:
    from ..settings import AnalyticsSettings

log = get_logger(__name__)


def template_narrative(insight: Insight, language: str = "en") -> str:
    templates = TEMPLATES.get(language, TEMPLATES["en"])
    text = templates[insight.kind].format(**insight.data)
    return " ".join(text.split())


class Narrator(Protocol):
    """Words an insight in one short plain-text paragraph; returns (text, source)."""

    async def narrate(self, insight: Insight, language: str) -> tuple[str, str]: ...


class TemplateNarrator:
    async def narrate(self, insight: Insight, language: str) -> tuple[str, str]:
        return template_narrative(insight, language), "template"


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def acceptable_narrative(text: str, insight: Insight) -> bool:
    """Plain text, not JSON, and every number in it appears among the insight's facts."""
    stripped = text.strip()
    if not stripped or stripped[0] in "{[" or "```" in stripped or len(stripped) > 800:
        return False
    facts = " ".join(str(value) for value in insight.data.values())
    allowed = {n.replace(",", "") for n in _NUMBER.findall(facts)}
    allowed |= {a.split(".")[0] for a in allowed}  # "1200" may word "1200.00"
    return all(n.replace(",", "") in allowed for n in _NUMBER.findall(stripped))


class LlmNarrator:
    """Words insights through the shared LLM client (any OpenAI-compatible endpoint). Beyond the
    per-minute budget, and whenever the answer is missing or not acceptable, the template is used:
    a narrative never waits for a quota."""

    def __init__(self, client: ChatClient, budget: RateLimiter) -> None:
        self._client = client
        self._budget = budget
        self._fallback = TemplateNarrator()

    @staticmethod
    def messages(insight: Insight, language: str) -> list[dict[str, str]]:
        lang = "Hebrew" if language == "he" else "English"
        system = (
            f"You write one or two short sentences in {lang} for a small-business owner "
            "about their invoices. "
            "Use only the facts given, with numbers exactly as written; never calculate new numbers. "
            "Answer in plain text: no JSON, no markdown, no lists."
        )
        facts = {"finding": insight.kind, **insight.data}
        return [
            {"role": "system", "content": system},
            {"role": "user", "content": "Facts: " + json.dumps(facts, ensure_ascii=False)},
        ]

    async def narrate(self, insight: Insight, language: str) -> tuple[str, str]:
        if not self._budget.try_acquire():
            return await self._fallback.narrate(insight, language)
        try:
            text = await self._client.complete_text(self.messages(insight, language), temperature=0.2)
        except ProviderError as exc:
            log.warning("insight_llm_failed", error=str(exc), kind=insight.kind)
            return await self._fallback.narrate(insight, language)
        text = " ".join(text.split())
        if not acceptable_narrative(text, insight):
            log.warning("insight_llm_refused", kind=insight.kind, text=text[:200])
            return await self._fallback.narrate(insight, language)
        return text, "llm"


def llm_narrator(
    base_url: str,
    api_key: SecretStr,
    model: str,
    timeout_seconds: float,
    requests_per_minute: int,
    clock: Callable[[], float] = time.monotonic,
) -> LlmNarrator:
    """One attempt per narrative (the template is the fallback), at most `requests_per_minute`."""
    config = GroqConfig(api_key, model, base_url, timeout_seconds, max_output_tokens=300)
    unlimited = RateLimiter(10_000, 10**9)
    client = OpenAIChatClient(config, unlimited, RetryPolicy(attempts=1), name="insights-llm")
    return LlmNarrator(client, RateLimiter(requests_per_minute, 10**9, clock=clock))


def narrator_from_settings(settings: AnalyticsSettings) -> Narrator:
    """The LLM narrator when an endpoint is configured, else templates."""
    if settings.insights_llm_base_url:
        return llm_narrator(
            settings.insights_llm_base_url,
            settings.insights_llm_api_key,
            settings.insights_llm_model,
            settings.insights_llm_timeout_seconds,
            settings.insights_llm_requests_per_minute,
        )
    return TemplateNarrator()

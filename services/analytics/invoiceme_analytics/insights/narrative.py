"""Short narratives for insights: Hebrew/English templates, or an OpenAI-compatible LLM when configured.

The LLM only words numbers we computed: it is given them as facts, told not to compute, and its
answer is refused (template used instead) when it is empty, looks like JSON, or states a number that
is not among the facts.
"""

from __future__ import annotations

import json
import re
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Protocol

import httpx

from invoiceme_common.logging import get_logger

from .detectors import Insight
from .templates import TEMPLATES

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


class RequestBudget:
    """At most `per_minute` LLM calls in any 60 s (free tiers allow ~30/min); beyond it, templates."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._per_minute, self._clock, self._recent = per_minute, clock, deque[float]()

    def take(self) -> bool:
        now = self._clock()
        while self._recent and now - self._recent[0] >= 60:
            self._recent.popleft()
        if len(self._recent) >= self._per_minute:
            return False
        self._recent.append(now)
        return True


class LlmNarrator:
    """An OpenAI-compatible `/chat/completions` endpoint (Groq, Ollama's /v1, vLLM, ...)."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        api_key: str,
        model: str,
        timeout: float,
        budget: RequestBudget | None = None,
    ) -> None:
        self._client, self._url, self._key = client, base_url.rstrip("/") + "/chat/completions", api_key
        self._model, self._timeout = model, timeout
        self._budget = budget or RequestBudget(20)
        self._fallback = TemplateNarrator()

    def _request(self, insight: Insight, language: str) -> dict[str, Any]:
        lang = "Hebrew" if language == "he" else "English"
        system = (
            f"You write one or two short sentences in {lang} for a small-business owner "
            "about their invoices. "
            "Use only the facts given, with numbers exactly as written; never calculate new numbers. "
            "Answer in plain text: no JSON, no markdown, no lists."
        )
        facts = {"finding": insight.kind, **insight.data}
        return {
            "model": self._model,
            "temperature": 0.2,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": "Facts: " + json.dumps(facts, ensure_ascii=False)},
            ],
        }

    async def narrate(self, insight: Insight, language: str) -> tuple[str, str]:
        if not self._budget.take():
            return await self._fallback.narrate(insight, language)
        headers = {"Authorization": f"Bearer {self._key}"} if self._key else {}
        try:
            response = await self._client.post(
                self._url, json=self._request(insight, language), headers=headers, timeout=self._timeout
            )
            response.raise_for_status()
            text = str(response.json()["choices"][0]["message"]["content"] or "")
        except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
            log.warning("insight_llm_failed", error=str(exc), kind=insight.kind)
            return await self._fallback.narrate(insight, language)
        text = " ".join(text.split())
        if not acceptable_narrative(text, insight):
            log.warning("insight_llm_refused", kind=insight.kind, text=text[:200])
            return await self._fallback.narrate(insight, language)
        return text, "llm"


def narrator_from_settings(
    settings: Any, client: httpx.AsyncClient | None, budget: RequestBudget | None = None
) -> Narrator:
    """The LLM narrator when an endpoint is configured; share `budget` between narrators of one process."""
    if settings.insights_llm_base_url and client is not None:
        return LlmNarrator(
            client,
            settings.insights_llm_base_url,
            settings.insights_llm_api_key,
            settings.insights_llm_model,
            settings.insights_llm_timeout_seconds,
            budget or RequestBudget(settings.insights_llm_requests_per_minute),
        )
    return TemplateNarrator()

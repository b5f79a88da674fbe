"""Provider chain: try each configured LLM in order; the rules are always the last resort."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from invoiceme_common.logging import get_logger

from .base import LlmProvider, ProviderError

log = get_logger(__name__)


@dataclass
class ChainResult:
    provider: str | None  # None: no LLM answered (or none configured)
    fields: dict[str, Any] | None
    failures: list[str] = field(default_factory=list)


async def run_chain(providers: Sequence[LlmProvider], text: str) -> ChainResult:
    failures: list[str] = []
    for provider in providers:
        try:
            answer = await provider.extract(text)
        except ProviderError as error:
            log.warning("llm_provider_failed", provider=provider.name, error=str(error))
            failures.append(f"{provider.name}: {error}")
            continue
        return ChainResult(provider.name, answer, failures)
    return ChainResult(None, None, failures)

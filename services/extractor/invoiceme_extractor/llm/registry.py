"""LLM_PROVIDER -> the ordered providers to try (rules always follow them)."""

from __future__ import annotations

from dataclasses import dataclass

from .base import LlmProvider
from .groq import GroqConfig, GroqProvider
from .ollama import OllamaConfig, OllamaProvider
from .ratelimit import RateLimiter
from .retry import DEFAULT_POLICY, RetryPolicy


@dataclass(frozen=True)
class LlmConfig:
    provider: str = "rules"  # rules | groq | ollama | auto
    groq: GroqConfig | None = None  # None when no API key is set
    ollama: OllamaConfig | None = None  # None when no Ollama URL is set
    requests_per_minute: int = 30
    tokens_per_minute: int = 8000
    retry: RetryPolicy = DEFAULT_POLICY


class ProviderRegistry:
    """Builds each provider once, so every message shares one rate limiter per provider."""

    def __init__(self, config: LlmConfig) -> None:
        self.config = config
        self.groq = self.ollama = None
        if config.groq is not None:
            limiter = RateLimiter(config.requests_per_minute, config.tokens_per_minute)
            self.groq = GroqProvider(config.groq, limiter, config.retry)
        if config.ollama is not None:
            # A local model has no quota; the limiter only keeps one batch from flooding its queue.
            self.ollama = OllamaProvider(config.ollama, RateLimiter(600, 10_000_000), config.retry)

    def chain(self, provider: str | None = None) -> list[LlmProvider]:
        """Providers to try for `provider` (default: the configured one), falling back down the chain."""
        name = provider if provider in CHAINS else self.config.provider
        by_name = {"groq": self.groq, "ollama": self.ollama}
        return [by_name[step] for step in CHAINS[name] if by_name[step] is not None]  # type: ignore[misc]  # None filtered out


# rules always follow: the pipeline runs them whatever the chain returns.
CHAINS: dict[str, tuple[str, ...]] = {
    "rules": (),
    "groq": ("groq", "ollama"),
    "ollama": ("ollama",),
    "auto": ("groq", "ollama"),
}


def build_providers(config: LlmConfig) -> list[LlmProvider]:
    return ProviderRegistry(config).chain()

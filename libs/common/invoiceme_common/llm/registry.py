"""LLM_PROVIDER -> the ordered clients to try. Each client is built once per process, so every call
of one provider shares its rate limiter."""

from __future__ import annotations

from dataclasses import dataclass

from .clients import ChatClient, GroqConfig, OllamaChatClient, OllamaConfig, OpenAIChatClient
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


# Fallback order per LLM_PROVIDER ("rules" means no LLM: the caller's own logic only).
CHAINS: dict[str, tuple[str, ...]] = {
    "rules": (),
    "groq": ("groq", "ollama"),
    "ollama": ("ollama",),
    "auto": ("groq", "ollama"),
}


class ProviderRegistry:
    """The configured clients by name, and the chain to try for a provider choice."""

    def __init__(self, config: LlmConfig) -> None:
        self.config = config
        self.clients: dict[str, ChatClient] = {}
        if config.groq is not None:
            limiter = RateLimiter(config.requests_per_minute, config.tokens_per_minute)
            self.clients["groq"] = OpenAIChatClient(config.groq, limiter, config.retry)
        if config.ollama is not None:
            # A local model has no quota; the limiter only keeps one batch from flooding its queue.
            self.clients["ollama"] = OllamaChatClient(
                config.ollama, RateLimiter(600, 10_000_000), config.retry
            )

    def chain(self, provider: str | None = None) -> list[ChatClient]:
        """Clients to try for `provider` (default: the configured one), falling back down the chain."""
        name = provider if provider in CHAINS else self.config.provider
        return [self.clients[step] for step in CHAINS[name] if step in self.clients]

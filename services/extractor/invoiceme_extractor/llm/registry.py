"""LLM_PROVIDER -> the ordered extraction providers to try (rules always follow them)."""

from __future__ import annotations

from invoiceme_common.llm.registry import LlmConfig
from invoiceme_common.llm.registry import ProviderRegistry as ClientRegistry

from .base import LlmProvider
from .providers import FieldsProvider

__all__ = ["LlmConfig", "ProviderRegistry", "build_providers"]


class ProviderRegistry:
    """Extraction providers over the shared client registry (one rate limiter per provider)."""

    def __init__(self, config: LlmConfig) -> None:
        self.config = config
        self.clients = ClientRegistry(config)
        budgets = {"groq": config.groq, "ollama": config.ollama}
        self._providers = {
            name: FieldsProvider(client, budget.max_input_tokens)
            for name, client in self.clients.clients.items()
            if (budget := budgets[name]) is not None
        }

    def chain(self, provider: str | None = None) -> list[LlmProvider]:
        """Providers to try for `provider` (default: the configured one), falling back down the chain."""
        return [self._providers[client.name] for client in self.clients.chain(provider)]


def build_providers(config: LlmConfig) -> list[LlmProvider]:
    return ProviderRegistry(config).chain()

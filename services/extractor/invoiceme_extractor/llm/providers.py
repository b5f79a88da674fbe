"""Extraction over any configured chat client: the invoice text (cut to the model's budget) and the
contract's JSON schema in, a dict of raw fields out."""

from __future__ import annotations

from typing import Any

from invoiceme_common.llm.clients import (
    ChatClient,
    GroqConfig,
    OllamaChatClient,
    OllamaConfig,
    OpenAIChatClient,
)
from invoiceme_common.llm.ratelimit import RateLimiter
from invoiceme_common.llm.retry import DEFAULT_POLICY, RetryPolicy

from .prompt import FIELDS_SCHEMA, messages_for
from .truncation import truncate_for_budget


class FieldsProvider:
    """An LlmProvider: one chat client asked for the invoice's fields."""

    def __init__(self, client: ChatClient, max_input_tokens: int) -> None:
        self.client = client
        self.name = client.name
        self.max_input_tokens = max_input_tokens

    async def extract(self, text: str) -> dict[str, Any]:
        messages = messages_for(truncate_for_budget(text, self.max_input_tokens))
        return await self.client.complete_json(messages, FIELDS_SCHEMA, "invoice_fields")


def groq_provider(
    config: GroqConfig, limiter: RateLimiter, policy: RetryPolicy = DEFAULT_POLICY
) -> FieldsProvider:
    return FieldsProvider(OpenAIChatClient(config, limiter, policy), config.max_input_tokens)


def ollama_provider(
    config: OllamaConfig, limiter: RateLimiter, policy: RetryPolicy = DEFAULT_POLICY
) -> FieldsProvider:
    return FieldsProvider(OllamaChatClient(config, limiter, policy), config.max_input_tokens)

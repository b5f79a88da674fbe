"""Groq: OpenAI-compatible chat completions with strict JSON-schema output (gpt-oss models)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from .base import InvalidModelOutput
from .http import post_json
from .jsonrepair import parse_model_json
from .prompt import FIELDS_SCHEMA, messages_for
from .ratelimit import RateLimiter
from .retry import DEFAULT_POLICY, RetryPolicy, with_retries
from .truncation import estimate_tokens, truncate_for_budget


@dataclass(frozen=True)
class GroqConfig:
    api_key: str
    model: str = "openai/gpt-oss-20b"
    base_url: str = "https://api.groq.com/openai/v1"
    timeout_seconds: float = 60.0
    max_input_tokens: int = 4000
    max_output_tokens: int = 1500


class GroqProvider:
    name = "groq"

    def __init__(
        self, config: GroqConfig, limiter: RateLimiter, policy: RetryPolicy = DEFAULT_POLICY
    ) -> None:
        self.config = config
        self.limiter = limiter
        self.policy = policy

    def request_body(self, text: str) -> dict[str, Any]:
        return {
            "model": self.config.model,
            "messages": messages_for(truncate_for_budget(text, self.config.max_input_tokens)),
            "temperature": 0,
            "max_completion_tokens": self.config.max_output_tokens,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "invoice_fields", "strict": True, "schema": FIELDS_SCHEMA},
            },
        }

    async def extract(self, text: str) -> dict[str, Any]:
        body = self.request_body(text)
        tokens = estimate_tokens(str(body["messages"])) + self.config.max_output_tokens
        headers = {"Authorization": f"Bearer {self.config.api_key}"}
        url = f"{self.config.base_url.rstrip('/')}/chat/completions"
        async with httpx.AsyncClient(timeout=self.config.timeout_seconds) as client:

            async def attempt() -> dict[str, Any]:
                await self.limiter.acquire(tokens)
                reply = await post_json(client, url, body, headers, self.name)
                try:
                    content = reply["choices"][0]["message"]["content"] or ""
                except (KeyError, IndexError, TypeError) as error:
                    raise InvalidModelOutput("groq reply has no choices[0].message.content") from error
                return parse_model_json(content)

            return await with_retries(attempt, self.policy)

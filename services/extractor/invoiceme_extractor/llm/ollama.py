"""Ollama: /api/chat with the fields' JSON schema as `format` (the native API: num_ctx is settable)."""

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
class OllamaConfig:
    url: str = "http://127.0.0.1:11434"
    model: str = "qwen2.5:7b-instruct"
    timeout_seconds: float = 60.0
    num_ctx: int = 8192
    max_input_tokens: int = 6000


class OllamaProvider:
    name = "ollama"

    def __init__(
        self, config: OllamaConfig, limiter: RateLimiter, policy: RetryPolicy = DEFAULT_POLICY
    ) -> None:
        self.config = config
        self.limiter = limiter
        self.policy = policy

    def request_body(self, text: str) -> dict[str, Any]:
        return {
            "model": self.config.model,
            "messages": messages_for(truncate_for_budget(text, self.config.max_input_tokens)),
            "format": FIELDS_SCHEMA,
            "stream": False,
            "options": {"temperature": 0, "num_ctx": self.config.num_ctx},
        }

    async def extract(self, text: str) -> dict[str, Any]:
        body = self.request_body(text)
        url = f"{self.config.url.rstrip('/')}/api/chat"
        async with httpx.AsyncClient(timeout=self.config.timeout_seconds) as client:

            async def attempt() -> dict[str, Any]:
                await self.limiter.acquire(estimate_tokens(str(body["messages"])))
                reply = await post_json(client, url, body, {}, self.name)
                content = (reply.get("message") or {}).get("content")
                if not isinstance(content, str):
                    raise InvalidModelOutput("ollama reply has no message.content")
                return parse_model_json(content)

            return await with_retries(attempt, self.policy)

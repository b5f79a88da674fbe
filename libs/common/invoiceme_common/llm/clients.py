"""Chat clients for each provider's wire format: an OpenAI-compatible `/chat/completions` (Groq, vLLM,
Ollama's /v1) and Ollama's native `/api/chat` (where `num_ctx` is settable). Every call goes
through the client's rate limiter and retry policy; `complete_json` asks for (and checks) a JSON
object that follows a schema, `complete_text` for plain text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from pydantic import SecretStr

from .errors import InvalidModelOutput
from .http import post_json
from .jsonrepair import parse_model_json
from .ratelimit import RateLimiter
from .retry import DEFAULT_POLICY, RetryPolicy, with_retries
from .tokens import estimate_tokens

Message = dict[str, str]


@dataclass(frozen=True)
class GroqConfig:
    """Any OpenAI-compatible endpoint; Groq's by default (gpt-oss models support strict json_schema)."""

    api_key: SecretStr
    model: str = "openai/gpt-oss-20b"
    base_url: str = "https://api.groq.com/openai/v1"
    timeout_seconds: float = 60.0
    max_input_tokens: int = 4000
    max_output_tokens: int = 1500


@dataclass(frozen=True)
class OllamaConfig:
    url: str = "http://127.0.0.1:11434"
    model: str = "qwen2.5:7b-instruct"
    timeout_seconds: float = 60.0
    num_ctx: int = 8192
    max_input_tokens: int = 6000


class ChatClient(Protocol):
    """One provider. Both calls raise ProviderError when the provider gave no usable answer."""

    name: str

    async def complete_json(
        self, messages: Sequence[Message], schema: dict[str, Any], schema_name: str
    ) -> dict[str, Any]: ...

    async def complete_text(self, messages: Sequence[Message], temperature: float = 0.2) -> str: ...


class _BaseClient:
    name = "llm"
    timeout_seconds = 60.0

    def __init__(self, limiter: RateLimiter, policy: RetryPolicy) -> None:
        self.limiter = limiter
        self.policy = policy

    def _body(self, messages: Sequence[Message], schema: dict[str, Any] | None, schema_name: str) -> dict:
        raise NotImplementedError

    def _content(self, reply: dict[str, Any]) -> str:
        raise NotImplementedError

    def _request(self) -> tuple[str, dict[str, str]]:
        raise NotImplementedError

    def _tokens(self, body: dict[str, Any]) -> int:
        return estimate_tokens(str(body["messages"]))

    async def _call(self, body: dict[str, Any], parse_json: bool) -> Any:
        url, headers = self._request()
        async with httpx.AsyncClient(timeout=self.timeout_seconds) as client:

            async def attempt() -> Any:
                await self.limiter.acquire(self._tokens(body))
                content = self._content(await post_json(client, url, body, headers, self.name))
                return parse_model_json(content) if parse_json else content

            return await with_retries(attempt, self.policy)

    async def complete_json(
        self, messages: Sequence[Message], schema: dict[str, Any], schema_name: str
    ) -> dict[str, Any]:
        result: dict[str, Any] = await self._call(self._body(messages, schema, schema_name), parse_json=True)
        return result

    async def complete_text(self, messages: Sequence[Message], temperature: float = 0.2) -> str:
        body = self._body(messages, None, "")
        body = self._with_temperature(body, temperature)
        return str(await self._call(body, parse_json=False))

    def _with_temperature(self, body: dict[str, Any], temperature: float) -> dict[str, Any]:
        return {**body, "temperature": temperature}


class OpenAIChatClient(_BaseClient):
    """POST {base_url}/chat/completions with a Bearer key; JSON answers via strict json_schema."""

    def __init__(
        self,
        config: GroqConfig,
        limiter: RateLimiter,
        policy: RetryPolicy = DEFAULT_POLICY,
        name: str = "groq",
    ) -> None:
        super().__init__(limiter, policy)
        self.config, self.name, self.timeout_seconds = config, name, config.timeout_seconds

    def _request(self) -> tuple[str, dict[str, str]]:
        key = self.config.api_key.get_secret_value()
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return f"{self.config.base_url.rstrip('/')}/chat/completions", headers

    def _body(self, messages: Sequence[Message], schema: dict[str, Any] | None, schema_name: str) -> dict:
        body: dict[str, Any] = {
            "model": self.config.model,
            "messages": list(messages),
            "temperature": 0,
            "max_completion_tokens": self.config.max_output_tokens,
        }
        if schema is not None:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": schema_name, "strict": True, "schema": schema},
            }
        return body

    def _tokens(self, body: dict[str, Any]) -> int:
        return super()._tokens(body) + self.config.max_output_tokens

    def _content(self, reply: dict[str, Any]) -> str:
        try:
            return reply["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError) as error:
            raise InvalidModelOutput(f"{self.name} reply has no choices[0].message.content") from error


class OllamaChatClient(_BaseClient):
    """POST {url}/api/chat, not streamed; JSON answers via the schema as `format`."""

    name = "ollama"

    def __init__(
        self, config: OllamaConfig, limiter: RateLimiter, policy: RetryPolicy = DEFAULT_POLICY
    ) -> None:
        super().__init__(limiter, policy)
        self.config, self.timeout_seconds = config, config.timeout_seconds

    def _request(self) -> tuple[str, dict[str, str]]:
        return f"{self.config.url.rstrip('/')}/api/chat", {}

    def _body(self, messages: Sequence[Message], schema: dict[str, Any] | None, schema_name: str) -> dict:
        body: dict[str, Any] = {
            "model": self.config.model,
            "messages": list(messages),
            "stream": False,
            "options": {"temperature": 0, "num_ctx": self.config.num_ctx},
        }
        if schema is not None:
            body["format"] = schema
        return body

    def _with_temperature(self, body: dict[str, Any], temperature: float) -> dict[str, Any]:
        return {**body, "options": {**body["options"], "temperature": temperature}}

    def _content(self, reply: dict[str, Any]) -> str:
        content = (reply.get("message") or {}).get("content")
        if not isinstance(content, str):
            raise InvalidModelOutput("ollama reply has no message.content")
        return content

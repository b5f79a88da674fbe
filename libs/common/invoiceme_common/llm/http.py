"""HTTP status -> our error types, shared by the Groq and Ollama clients."""

from __future__ import annotations

import time

import httpx

from .. import metrics
from .errors import ProviderError, RetryableError
from .retry import parse_retry_after


def raise_for_status(response: httpx.Response, provider: str) -> None:
    status = response.status_code
    if status < 400:
        return
    detail = response.text[:200]
    if status == 429 or status >= 500:
        raise RetryableError(
            f"{provider} HTTP {status}: {detail}", parse_retry_after(response.headers.get("retry-after"))
        )
    if status == 400 and "json_validate_failed" in detail:
        raise RetryableError(f"{provider} could not produce valid JSON: {detail}")
    raise ProviderError(f"{provider} HTTP {status}: {detail}")


async def post_json(
    client: httpx.AsyncClient, url: str, body: dict, headers: dict[str, str], provider: str
) -> dict:
    started = time.perf_counter()
    try:
        reply = await _post_json(client, url, body, headers, provider)
    except Exception:
        metrics.record_llm_error(provider, time.perf_counter() - started)
        raise
    metrics.record_llm_reply(provider, reply, time.perf_counter() - started)
    return reply


async def _post_json(
    client: httpx.AsyncClient, url: str, body: dict, headers: dict[str, str], provider: str
) -> dict:
    try:
        response = await client.post(url, json=body, headers=headers)
    except httpx.TimeoutException as error:
        raise RetryableError(f"{provider} timed out ({type(error).__name__})") from error
    except httpx.TransportError as error:
        raise RetryableError(f"{provider} unreachable ({type(error).__name__})") from error
    raise_for_status(response, provider)
    try:
        return response.json()
    except ValueError as error:
        raise RetryableError(f"{provider} sent a body that is not JSON") from error

"""Metrics recorded where messages are settled and where the LLM is called, and the workers' ops port."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from prometheus_client import REGISTRY
from pydantic import SecretStr

from invoiceme_common.bus import DeliveryPolicy, PermanentFailure, settle
from invoiceme_common.events import InvoiceUploaded
from invoiceme_common.llm.clients import GroqConfig, OpenAIChatClient
from invoiceme_common.llm.errors import ProviderError
from invoiceme_common.llm.ratelimit import RateLimiter
from invoiceme_common.llm.retry import RetryPolicy
from invoiceme_common.metrics import llm_tokens_of
from invoiceme_common.ops_server import start_ops_server
from tests.support.fake_llm import FakeLlmServer, Reply
from tests.unit.common.test_settle import FakeMessage, _event


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def _ok(event: InvoiceUploaded, msg: Any) -> None:
    return None


async def _bad(event: InvoiceUploaded, msg: Any) -> None:
    raise PermanentFailure("not a document")


async def _give_up(event: Any, payload: dict[str, Any], reason: str, attempts: int) -> None:
    return None


async def test_settle_counts_outcomes_redeliveries_and_handler_time() -> None:
    policy = DeliveryPolicy(3, _give_up)
    before = {
        "processed": value("invoiceme_messages_total", subject="s", outcome="processed"),
        "failed": value("invoiceme_messages_total", subject="s", outcome="failed"),
        "redelivered": value("invoiceme_messages_redelivered_total", subject="s"),
        "timed": value("invoiceme_handler_seconds_count", stage="c"),
    }
    messages: list[Any] = [FakeMessage(_event()), FakeMessage(_event(), delivered=2), FakeMessage(None)]
    # Any: FakeMessages stand in for NatsMessages; the last one is unreadable.
    for msg, handle in zip(messages, (_ok, _bad, _ok), strict=True):
        await settle(msg, InvoiceUploaded, handle, policy)
    assert value("invoiceme_messages_total", subject="s", outcome="processed") == before["processed"] + 1
    assert value("invoiceme_messages_total", subject="s", outcome="failed") == before["failed"] + 2
    assert value("invoiceme_messages_redelivered_total", subject="s") == before["redelivered"] + 1
    assert value("invoiceme_handler_seconds_count", stage="c") == before["timed"] + 3


def test_tokens_are_read_from_either_wire_format() -> None:
    assert llm_tokens_of({"usage": {"prompt_tokens": 7, "completion_tokens": 3}}) == (7, 3)
    assert llm_tokens_of({"prompt_eval_count": 5, "eval_count": 2}) == (5, 2)
    assert llm_tokens_of({}) == (0, 0)


@pytest.fixture
def llm() -> Iterator[FakeLlmServer]:
    fake = FakeLlmServer(json.dumps({"answer": 1})).start()
    yield fake
    fake.stop()


async def test_llm_calls_tokens_latency_and_errors_per_provider(llm: FakeLlmServer) -> None:
    provider = f"p{uuid.uuid4().hex[:6]}"
    config = GroqConfig(SecretStr("k"), base_url=f"{llm.url}/openai/v1", timeout_seconds=5)
    client = OpenAIChatClient(config, RateLimiter(100, 1_000_000), RetryPolicy(1, 0.01, 0.01), name=provider)
    await client.complete_text([{"role": "user", "content": "hi"}])
    llm.script.append(Reply(status=400))
    with pytest.raises(ProviderError):
        await client.complete_text([{"role": "user", "content": "hi"}])
    assert value("invoiceme_llm_calls_total", provider=provider) == 2
    assert value("invoiceme_llm_errors_total", provider=provider) == 1
    assert value("invoiceme_llm_tokens_total", provider=provider, kind="prompt") == 100  # fake's usage
    assert value("invoiceme_llm_tokens_total", provider=provider, kind="completion") == 50
    assert value("invoiceme_llm_seconds_count", provider=provider) == 2


async def _get(port: int, path: str) -> tuple[str, str]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    await writer.drain()
    raw = (await reader.read()).decode()
    writer.close()
    head, _, body = raw.partition("\r\n\r\n")
    return head.splitlines()[0], body


async def test_ops_server_serves_metrics_and_health() -> None:
    healthy = {"ok": True, "service": "t"}

    async def health() -> dict[str, Any]:
        return healthy

    server = await start_ops_server(0, health, host="127.0.0.1")
    port = server.sockets[0].getsockname()[1]
    try:
        status, body = await _get(port, "/metrics")
        assert status.endswith("200 OK") and "invoiceme_messages_total" in body
        status, body = await _get(port, "/health")
        assert status.endswith("200 OK") and json.loads(body) == healthy
        healthy["ok"] = False
        status, _ = await _get(port, "/health")
        assert " 503 " in status
        status, _ = await _get(port, "/nope")
        assert " 404 " in status
    finally:
        server.close()

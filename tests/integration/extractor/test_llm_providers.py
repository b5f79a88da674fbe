"""Groq and Ollama clients against a real loopback HTTP server speaking their wire formats."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest
from pydantic import SecretStr

from invoiceme_common.events import PageText
from invoiceme_common.llm.clients import GroqConfig, OllamaConfig
from invoiceme_common.llm.errors import ProviderError
from invoiceme_common.llm.ratelimit import RateLimiter
from invoiceme_common.llm.retry import RetryPolicy
from invoiceme_extractor.llm.providers import FieldsProvider, groq_provider, ollama_provider
from invoiceme_extractor.pipeline import extract_invoice
from tests.support.fake_llm import FakeLlmServer, Reply

ANSWER = {
    "document_type": "tax_invoice",
    "vendor_name": "Acme Ltd",
    "vendor_tax_id": "514321678",
    "invoice_number": "INV-7",
    "invoice_date": "2025-03-04",
    "due_date": None,
    "currency": "ILS",
    "subtotal": 100,
    "vat_rate": 0.18,
    "vat_amount": 18,
    "total": 118,
    "allocation_number": None,
    "line_items": [],
}
FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)


@pytest.fixture
def server() -> Iterator[FakeLlmServer]:
    fake = FakeLlmServer(json.dumps(ANSWER)).start()
    yield fake
    fake.stop()


def groq(server: FakeLlmServer, timeout: float = 5, max_input_tokens: int = 4000) -> FieldsProvider:
    config = GroqConfig(
        SecretStr("test-key"),
        base_url=f"{server.url}/openai/v1",
        timeout_seconds=timeout,
        max_input_tokens=max_input_tokens,
    )
    return groq_provider(config, RateLimiter(100, 1_000_000), FAST)


def ollama(server: FakeLlmServer) -> FieldsProvider:
    return ollama_provider(OllamaConfig(url=server.url, timeout_seconds=5), RateLimiter(100, 1_000_000), FAST)


class TestWireFormats:
    """Requests carry what each API needs; answers are parsed from each API's envelope."""

    async def test_groq_sends_openai_chat_with_json_schema_and_bearer_key(
        self, server: FakeLlmServer
    ) -> None:
        answer = await groq(server).extract("Invoice INV-7 total 118")
        request = server.received[0]
        assert request.path == "/openai/v1/chat/completions"
        assert request.headers["Authorization"] == "Bearer test-key"
        assert request.body["model"] == "openai/gpt-oss-20b"
        assert request.body["response_format"]["type"] == "json_schema"
        assert request.body["messages"][0]["role"] == "system"
        assert answer["invoice_number"] == "INV-7"

    async def test_ollama_sends_schema_as_format_without_streaming(self, server: FakeLlmServer) -> None:
        answer = await ollama(server).extract("Invoice INV-7")
        request = server.received[0]
        assert request.path == "/api/chat"
        assert request.body["format"]["type"] == "object"
        assert request.body["stream"] is False and request.body["options"]["temperature"] == 0
        assert answer["total"] == 118


class TestRetries:
    """Transient failures are retried with backoff; the server's Retry-After is honoured."""

    async def test_429_waits_at_least_retry_after(self, server: FakeLlmServer) -> None:
        server.script.append(Reply(status=429, headers={"retry-after": "1"}))
        answer = await groq(server).extract("text")
        gap = server.received[1].at - server.received[0].at
        assert answer["vendor_name"] == "Acme Ltd"
        assert gap >= 0.95

    async def test_5xx_is_retried_then_succeeds(self, server: FakeLlmServer) -> None:
        server.script.extend([Reply(status=503), Reply(status=500)])
        answer = await ollama(server).extract("text")
        assert len(server.received) == 3 and answer["total"] == 118

    async def test_persistent_5xx_gives_up_with_provider_error(self, server: FakeLlmServer) -> None:
        server.script.extend([Reply(status=502)] * 3)
        with pytest.raises(ProviderError, match="gave up after 3 attempts"):
            await groq(server).extract("text")

    async def test_timeout_is_retried(self, server: FakeLlmServer) -> None:
        server.script.append(Reply(delay=1.5))
        started = time.monotonic()
        answer = await groq(server, timeout=0.5).extract("text")
        assert answer["invoice_number"] == "INV-7"
        assert len(server.received) == 2 and time.monotonic() - started < 5

    async def test_malformed_json_is_retried_never_returned(self, server: FakeLlmServer) -> None:
        server.script.append(Reply(content='{"vendor_name": "Acme", "total": '))
        answer = await groq(server).extract("text")
        assert len(server.received) == 2 and answer["total"] == 118

    async def test_json_in_code_fence_with_trailing_comma_is_repaired(self, server: FakeLlmServer) -> None:
        server.script.append(Reply(content='Here you go:\n```json\n{"total": 50, "currency": "USD",}\n```'))
        answer = await ollama(server).extract("text")
        assert len(server.received) == 1 and answer == {"total": 50, "currency": "USD"}

    async def test_bad_request_is_not_retried(self, server: FakeLlmServer) -> None:
        server.script.append(Reply(status=401))
        with pytest.raises(ProviderError, match="401"):
            await groq(server).extract("text")
        assert len(server.received) == 1


class TestTruncation:
    """Over-long OCR text is cut to the budget but keeps the header and the totals."""

    async def test_long_input_is_truncated_keeping_header_and_total(self, server: FakeLlmServer) -> None:
        filler = "\n".join(f"lorem ipsum dolor sit amet filler line {'x' * 40}" for _ in range(3000))
        text = "ACME LTD header\n" + filler + "\nTotal due 118.00"
        await groq(server, max_input_tokens=1000).extract(text)
        sent = server.received[0].body["messages"][1]["content"]
        assert len(sent) < 1000 * 3.5 + 200
        assert "ACME LTD header" in sent and "Total due 118.00" in sent


class TestChainFallback:
    """When a provider fails the next one answers; when all fail the rules do, with a warning."""

    PAGES: ClassVar[list[PageText]] = [
        PageText(
            number=1,
            text="Acme Ltd\nח.פ. 514321678\nInvoice No. INV-7\nOrder INV-8\nDate: 04/03/2025\nTotal 118.00 ₪",
            method="text_layer",
            confidence=1.0,
        )
    ]

    async def test_falls_back_from_groq_to_ollama(self, server: FakeLlmServer) -> None:
        server.script.extend([Reply(status=500)] * 3)  # groq's three attempts
        extraction = await extract_invoice(self.PAGES, [groq(server), ollama(server)])
        assert [r.path for r in server.received][-1] == "/api/chat"
        assert extraction.source["vendor_tax_id"] == "text_layer+llm"
        assert extraction.vendor_tax_id == "514321678"

    async def test_all_failing_falls_back_to_rules_with_warning(self, server: FakeLlmServer) -> None:
        server.script.extend([Reply(status=500)] * 6)
        extraction = await extract_invoice(self.PAGES, [groq(server), ollama(server)])
        assert extraction.total == 118.0 and extraction.source["total"] == "text_layer+rules"
        assert "llm_unavailable" in [w.code for w in extraction.warnings]

    async def test_disagreement_lowers_confidence_and_warns(self, server: FakeLlmServer) -> None:
        server.script.append(Reply(content=json.dumps(ANSWER | {"invoice_number": "INV-8"})))
        extraction = await extract_invoice(self.PAGES, [groq(server)])
        assert extraction.invoice_number == "INV-8" and extraction.confidence["invoice_number"] == 0.5
        assert any(
            w.code == "rules_llm_disagree" and "invoice_number" in w.message for w in extraction.warnings
        )


class TestLayoutContextAndConstraints:
    """The model sees the rules' candidates; an answer that breaks a constraint loses to the rules."""

    PAGES = TestChainFallback.PAGES

    async def test_prompt_carries_the_rules_reading(self, server: FakeLlmServer) -> None:
        await extract_invoice(self.PAGES, [groq(server)])
        sent = server.received[0].body["messages"][1]["content"]
        assert "Rule-based reading" in sent and "invoice_number='INV-7'" in sent
        assert sent.index("Rule-based reading") < sent.index("Invoice text:")

    async def test_amounts_that_do_not_add_up_fall_back_to_the_rules(self, server: FakeLlmServer) -> None:
        server.script.append(
            Reply(content=json.dumps(ANSWER | {"subtotal": 100, "vat_amount": 18, "total": 181}))
        )
        extraction = await extract_invoice(self.PAGES, [groq(server)])
        assert extraction.total == 118.0 and extraction.source["total"] == "text_layer+rules"
        assert "llm_constraint_violation" in [w.code for w in extraction.warnings]

    async def test_an_id_not_printed_on_the_page_is_not_taken(self, server: FakeLlmServer) -> None:
        server.script.append(Reply(content=json.dumps(ANSWER | {"invoice_number": "INV-9"})))
        extraction = await extract_invoice(self.PAGES, [groq(server)])
        assert extraction.invoice_number == "INV-7"
        assert any("INV-9" in w.message for w in extraction.warnings if w.code == "llm_constraint_violation")

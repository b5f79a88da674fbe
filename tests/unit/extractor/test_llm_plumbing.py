"""Pure parts of the LLM path: rate limiting, backoff, JSON repair, normalization, merging, boxes."""

from __future__ import annotations

from datetime import date

import pytest

from invoiceme_common.events import OcrPage, OcrWord, PageText
from invoiceme_extractor.contract import Extraction
from invoiceme_extractor.evidence import locate
from invoiceme_extractor.llm.base import InvalidModelOutput, ProviderError, RetryableError
from invoiceme_extractor.llm.constraints import check_answer
from invoiceme_extractor.llm.groq import GroqConfig
from invoiceme_extractor.llm.jsonrepair import parse_model_json
from invoiceme_extractor.llm.normalize import normalize_fields
from invoiceme_extractor.llm.ollama import OllamaConfig
from invoiceme_extractor.llm.prompt import messages_for, with_layout_hints
from invoiceme_extractor.llm.ratelimit import RateLimiter
from invoiceme_extractor.llm.registry import LlmConfig, ProviderRegistry
from invoiceme_extractor.llm.retry import RetryPolicy, parse_retry_after, with_retries
from invoiceme_extractor.merge import merge
from invoiceme_extractor.pipeline import extract_invoice


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


class TestRateLimiter:
    """Requests and tokens per rolling minute both hold a request back."""

    async def test_request_budget_waits_for_the_window(self) -> None:
        clock = FakeClock()
        limiter = RateLimiter(2, 1_000_000, clock=clock, sleep=clock.sleep)
        for _ in range(3):
            await limiter.acquire(10)
        assert clock.slept == [60.0]

    async def test_token_budget_waits_until_enough_tokens_expire(self) -> None:
        clock = FakeClock()
        limiter = RateLimiter(100, 1000, clock=clock, sleep=clock.sleep)
        await limiter.acquire(700)
        clock.now = 10
        await limiter.acquire(200)
        await limiter.acquire(300)  # 1200 > 1000: waits for the first (700) to leave the window
        assert clock.slept == [50.0]

    async def test_oversized_request_still_goes_alone(self) -> None:
        clock = FakeClock()
        limiter = RateLimiter(100, 1000, clock=clock, sleep=clock.sleep)
        assert await limiter.acquire(5000) == 0.0


class TestRetry:
    """Exponential backoff with jitter, never shorter than Retry-After; only retryable errors retry."""

    def test_backoff_doubles_and_is_capped(self) -> None:
        policy = RetryPolicy(attempts=5, base_delay=1, max_delay=5)
        assert [policy.delay(n, None, rand=lambda: 1.0) for n in (1, 2, 3, 4)] == [1, 2, 4, 5]
        assert policy.delay(1, None, rand=lambda: 0.0) == 0.5

    def test_retry_after_wins_when_longer(self) -> None:
        assert RetryPolicy().delay(1, 7.0, rand=lambda: 0.0) == 7.0
        assert parse_retry_after("12") == 12.0 and parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT") is None

    async def test_gives_up_after_attempts(self) -> None:
        calls, clock = [], FakeClock()

        async def failing() -> None:
            calls.append(1)
            raise RetryableError("busy", retry_after=2)

        with pytest.raises(ProviderError):
            await with_retries(failing, RetryPolicy(attempts=3), sleep=clock.sleep)
        assert len(calls) == 3 and len(clock.slept) == 2 and min(clock.slept) >= 2

    async def test_non_retryable_fails_at_once(self) -> None:
        calls = []

        async def refused() -> None:
            calls.append(1)
            raise ProviderError("401")

        with pytest.raises(ProviderError):
            await with_retries(refused, RetryPolicy(attempts=3))
        assert calls == [1]


class TestJsonRepair:
    @pytest.mark.parametrize(
        "content",
        [
            '{"total": 5}',
            'Sure! {"total": 5} hope it helps',
            '```json\n{"total": 5,}\n```',
            '{"total": 5,\n}',
        ],
    )
    def test_recovers_the_object(self, content: str) -> None:
        assert parse_model_json(content) == {"total": 5}

    @pytest.mark.parametrize("content", ["no json here", '{"total": ', "[1, 2]", '{"a": "}'])
    def test_refuses_what_cannot_be_repaired(self, content: str) -> None:
        with pytest.raises(InvalidModelOutput):
            parse_model_json(content)


class TestNormalize:
    """Model output goes through the rules' parsers; junk is dropped, not passed on."""

    def test_strings_become_contract_values(self) -> None:
        fields = normalize_fields(
            {
                "total": "1,180.00 ₪",
                "invoice_date": "04/03/2025",
                "currency": "₪",
                "vat_rate": 18,
                "vendor_tax_id": "51-432167-8",
                "allocation_number": "12345",
                "document_type": "bill",
                "vendor_name": "null",
            }
        )
        assert fields == {
            "total": 1180.0,
            "invoice_date": "2025-03-04",
            "currency": "ILS",
            "vat_rate": 0.18,
            "vendor_tax_id": "514321678",
        }


class TestMerge:
    def test_rules_amounts_proved_by_arithmetic_survive_an_llm_slip(self) -> None:
        rules = Extraction(subtotal=100.0, vat_amount=18.0, total=118.0, confidence={"total": 0.97})
        merged = merge(rules, {"subtotal": 100.0, "vat_amount": 18.0, "total": 181.0}, [])
        assert merged.total == 118.0 and merged.confidence["total"] == 0.5
        assert [w.code for w in merged.warnings] == ["rules_llm_disagree"]

    def test_agreement_raises_confidence(self) -> None:
        rules = Extraction(
            invoice_number="A-1", confidence={"invoice_number": 0.6}, source={"invoice_number": "rules"}
        )
        merged = merge(rules, {"invoice_number": "a-1"}, [])
        assert merged.confidence["invoice_number"] >= 0.9 and not merged.warnings


class TestRegistry:
    def test_chains_fall_back_in_order_and_skip_unconfigured(self) -> None:
        config = LlmConfig(provider="auto", groq=GroqConfig("k"), ollama=OllamaConfig())
        registry = ProviderRegistry(config)
        assert [p.name for p in registry.chain()] == ["groq", "ollama"]
        assert [p.name for p in registry.chain("ollama")] == ["ollama"]
        assert registry.chain("rules") == []
        assert [p.name for p in ProviderRegistry(LlmConfig(provider="groq")).chain()] == []


class TestSettings:
    def test_environment_builds_the_chain(self) -> None:
        from invoiceme_extractor.settings import ExtractorSettings

        settings = ExtractorSettings(llm_provider="auto", groq_api_key="k", ollama_url="http://127.0.0.1:1")
        config = settings.llm_config()
        assert [p.name for p in ProviderRegistry(config).chain()] == ["groq", "ollama"]
        assert config.groq is not None and config.groq.model == "openai/gpt-oss-20b"
        assert config.groq.timeout_seconds == 60 and config.requests_per_minute == 30
        assert ExtractorSettings(llm_provider="groq").llm_config().groq is None  # no key: Groq is skipped


class TestPipeline:
    """Evidence gets boxes from OCR words; serious findings mean needs_review."""

    async def test_evidence_box_from_words(self) -> None:
        words = [
            OcrWord(text=t, left=x, top=100, width=50, height=20, confidence=0.9, line=3)
            for t, x in (("Total", 100), ("1,180.00", 200))
        ]
        page = OcrPage(number=1, text="Acme Ltd\nTotal 1,180.00", method="ocr", confidence=0.9, words=words)
        extraction = await extract_invoice([page])
        assert extraction.evidence["total"].box == (200, 100, 50, 20)
        assert extraction.source["total"] == "ocr+rules"
        assert extraction.confidence["total"] < 0.9  # OCR page confidence 0.9 weighs the rules' reading
        assert locate(words, "nothing") is None

    async def test_inconsistent_invoice_needs_review(self) -> None:
        text = "Acme Ltd\nSubtotal 100.00\nVAT 18% 18.00\nTotal 128.00"
        extraction = await extract_invoice(
            [PageText(number=1, text=text, method="text_layer", confidence=1.0)]
        )
        assert extraction.needs_review


class TestAnswerConstraints:
    """An LLM field that breaks a constraint is dropped with a warning; the rest of the answer stays."""

    def test_fields_that_hold_are_kept(self) -> None:
        fields = {"invoice_number": "A-1", "subtotal": 100.0, "vat_amount": 18.0, "total": 118.0}
        kept, warnings = check_answer(fields, "Invoice A-1 total 118.00", date(2025, 6, 1))
        assert kept == fields and warnings == []

    def test_each_broken_constraint_drops_its_fields(self) -> None:
        fields = {
            "vendor_tax_id": "514321679",  # check digit fails
            "subtotal": 100.0,
            "vat_amount": 90.0,  # 90 % VAT
            "total": 190.0,
            "invoice_date": "2031-01-01",
            "currency": "ILS",
        }
        kept, warnings = check_answer(fields, "514321679 total 190", date(2025, 6, 1))
        assert kept == {"currency": "ILS"} and len(warnings) == 3

    def test_hints_keep_the_page_text_intact(self) -> None:
        user = messages_for(with_layout_hints("Acme\nTotal 5.00", "Rule-based reading: total=5.0"))[1][
            "content"
        ]
        assert user.endswith("<<<\nAcme\nTotal 5.00\n>>>") and user.startswith("Layout analysis")
        assert messages_for("Acme")[1]["content"] == "Invoice text:\n<<<\nAcme\n>>>"

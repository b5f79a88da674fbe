"""Pure parts of the extraction LLM path: normalization, merging, boxes, the provider chain (the
shared client's rate limiting, backoff and JSON repair are tested in tests/unit/common/test_llm.py)."""

from __future__ import annotations

from datetime import date

from pydantic import SecretStr

from invoiceme_common.events import OcrPage, OcrWord, PageText
from invoiceme_common.llm.clients import GroqConfig, OllamaConfig
from invoiceme_common.llm.registry import LlmConfig
from invoiceme_extractor.contract import Extraction
from invoiceme_extractor.evidence import locate
from invoiceme_extractor.llm.constraints import check_answer
from invoiceme_extractor.llm.normalize import normalize_fields
from invoiceme_extractor.llm.prompt import messages_for, with_layout_hints
from invoiceme_extractor.llm.registry import ProviderRegistry
from invoiceme_extractor.merge import merge
from invoiceme_extractor.pipeline import extract_invoice


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
        config = LlmConfig(provider="auto", groq=GroqConfig(SecretStr("k")), ollama=OllamaConfig())
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
        assert extraction.evidence["total"].box == [200, 100, 50, 20]
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

    def test_printed_ids_and_dates_each_fall_back_alone(self) -> None:
        fields = {
            "invoice_number": "A-2",  # the page prints A-1
            "allocation_number": "123456782",  # the page prints another
            "due_date": "1989-12-31",
            "vendor_name": "Acme",
        }
        kept, warnings = check_answer(fields, "Acme Invoice A-1 allocation 987654321", date(2025, 6, 1))
        assert kept == {"vendor_name": "Acme"}
        assert {w.code for w in warnings} == {"llm_constraint_violation"} and len(warnings) == 3
        assert any("allocation_number '123456782'" in w.message for w in warnings)

    def test_a_vat_rate_neither_printed_nor_implied_falls_back(self) -> None:
        amounts = {"subtotal": 100.0, "vat_amount": 18.0, "total": 118.0}
        page = "Subtotal 100.00 VAT 18.00 Total 118.00"
        assert check_answer(amounts | {"vat_rate": 0.18}, page, date(2025, 6, 1))[1] == []
        # printed on the page, though the amounts imply another (mixed rates, rounding): kept
        assert check_answer(amounts | {"vat_rate": 0.17}, page + " 17%", date(2025, 6, 1))[1] == []
        kept, warnings = check_answer(amounts | {"vat_rate": 0.17}, page, date(2025, 6, 1))
        assert kept == amounts and "VAT rate 0.17" in warnings[0].message
        kept, warnings = check_answer({"vat_rate": 0.9}, page, date(2025, 6, 1))
        assert kept == {} and "no rate in use" in warnings[0].message

    def test_hints_keep_the_page_text_intact(self) -> None:
        user = messages_for(with_layout_hints("Acme\nTotal 5.00", "Rule-based reading: total=5.0"))[1][
            "content"
        ]
        assert user.endswith("<<<\nAcme\nTotal 5.00\n>>>") and user.startswith("Layout analysis")
        assert messages_for("Acme")[1]["content"] == "Invoice text:\n<<<\nAcme\n>>>"

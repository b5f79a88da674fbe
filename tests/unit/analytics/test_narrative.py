"""Narratives: templates in both languages, the LLM against a local fake server."""

from __future__ import annotations

from pydantic import SecretStr

from invoiceme_analytics.insights.detectors import Insight
from invoiceme_analytics.insights.narrative import acceptable_narrative, llm_narrator, template_narrative
from tests.integration.analytics.fake_servers import fake_server

OVERRUN = Insight(
    "budget_overrun",
    "f",
    "critical",
    "2026-03",
    {
        "name": "בזק",
        "spent": "1200.00",
        "limit": "1000.00",
        "percent": "120",
        "currency": "ILS",
        "month": "2026-03",
        "forecast": "1500.00",
    },
)


class TestTemplates:
    def test_every_kind_has_both_languages(self):
        from invoiceme_analytics.insights.templates import TEMPLATES

        assert set(TEMPLATES["en"]) == set(TEMPLATES["he"])
        assert template_narrative(OVERRUN, "en").startswith(
            "בזק is over its monthly budget: 1200.00 of 1000.00"
        )
        assert "חרג מהתקציב" in template_narrative(OVERRUN, "he")

    def test_llm_text_must_use_only_our_numbers(self):
        assert acceptable_narrative("בזק used 1200.00 of its 1000 ILS budget.", OVERRUN)
        assert not acceptable_narrative("You spent 1300 this month.", OVERRUN)
        assert not acceptable_narrative('{"text": "hi"}', OVERRUN)


class TestLlmNarrator:
    """Plain text from an OpenAI-compatible endpoint; JSON or invented numbers fall back to templates."""

    async def test_against_local_server(self):
        with fake_server() as fake:
            narrator = llm_narrator(fake.url + "/v1", SecretStr("key"), "m", 5, 20)
            fake.chat_reply = "בזק is at 120% of budget: 1200.00 of 1000.00 ILS."
            assert await narrator.narrate(OVERRUN, "en") == (fake.chat_reply, "llm")
            path, body = fake.requests[-1]
            assert path == "/v1/chat/completions" and "1200.00" in body["messages"][1]["content"]
            fake.chat_reply = '{"summary": "over budget"}'
            assert (await narrator.narrate(OVERRUN, "en"))[1] == "template"
            fake.chat_reply = "You overspent by 250 ILS."
            assert (await narrator.narrate(OVERRUN, "en"))[1] == "template"

    async def test_request_budget_falls_back_to_templates(self):
        now = [0.0]
        with fake_server() as fake:
            narrator = llm_narrator(fake.url + "/v1", SecretStr(""), "m", 5, 2, clock=lambda: now[0])
            fake.chat_reply = "בזק: 1200.00 of 1000.00 ILS."
            sources = [(await narrator.narrate(OVERRUN, "en"))[1] for _ in range(3)]
            assert sources == ["llm", "llm", "template"] and len(fake.requests) == 2
            now[0] = 61.0
            assert (await narrator.narrate(OVERRUN, "en"))[1] == "llm"

"""Each field keeps its ranked alternatives as evidence: the chosen value first, where each one is
printed, and the label beside it (what the web app offers for a one-click correction)."""

from __future__ import annotations

from datetime import date

from invoiceme_common.events import PageText
from invoiceme_common.evidence import MAX_ALTERNATIVES, Evidence, parse_evidence
from invoiceme_extractor.contract import Alternative, Extraction
from invoiceme_extractor.merge import merge
from invoiceme_extractor.pipeline import extract_invoice

from .wordbox import CHAR, page

# Two totals that disagree with the subtotal + VAT: the rules must choose, unsure, and keep the other.
SLIP = page(
    ("Acme Trading Ltd", 100, 100),
    ("Date: 04/03/2025", 100, 200),
    ("Due: 04/04/2025", 100, 250),
    ("Subtotal 100.00", 100, 900),
    ("Total 150.00", 100, 950),
    ("Amount due 120.00", 100, 1000),
)


async def _read(*pages) -> Extraction:
    return await extract_invoice(list(pages), today=date(2025, 6, 1))


class TestAlternatives:
    """What the rules read and did not choose stays with the field, ranked, boxed and capped."""

    async def test_amounts_keep_every_labelled_candidate_with_its_box_and_label(self) -> None:
        extraction = await _read(SLIP)
        total = extraction.evidence["total"]
        values = [alternative.value for alternative in total.alternatives]
        assert values[0] == extraction.total  # the chosen value first
        assert sorted(values) == [120.0, 150.0]
        other = next(a for a in total.alternatives if a.value != extraction.total)
        assert other.score < total.alternatives[0].score
        printed = {150.0: ("150.00", "Total", 950), 120.0: ("120.00", "Amount due", 1000)}
        text, label, top = printed[float(other.value)]
        assert (other.text, other.label, other.page) == (text, label, 1)
        assert other.box is not None and other.box[1] == top  # drawn where it is printed
        assert other.box[2] == CHAR * len(text)

    async def test_dates_offer_the_other_dates_on_the_page(self) -> None:
        extraction = await _read(SLIP)
        invoice_dates = [a.value for a in extraction.evidence["invoice_date"].alternatives]
        due_dates = [a.value for a in extraction.evidence["due_date"].alternatives]
        assert invoice_dates == ["2025-03-04", "2025-04-04"]
        assert due_dates == ["2025-04-04", "2025-03-04"]

    async def test_at_most_five_distinct_values(self) -> None:
        many = page(*[(f"Total {amount}.00", 100, 100 + 50 * i) for i, amount in enumerate(range(11, 19))])
        alternatives = (await _read(many)).evidence["total"].alternatives
        values = [a.value for a in alternatives]
        assert len(values) == MAX_ALTERNATIVES == len(set(values))

    async def test_pages_without_word_boxes_keep_alternatives_without_boxes(self) -> None:
        text = "Subtotal 100.00\nTotal 150.00\nAmount due 120.00"
        extraction = await _read(PageText(number=1, text=text, method="text_layer", confidence=1.0))
        alternatives = extraction.evidence["total"].alternatives
        assert sorted(a.value for a in alternatives) == [120.0, 150.0]
        assert all(a.box is None for a in alternatives)

    def test_an_llm_answer_keeps_the_rules_alternatives(self) -> None:
        kept = [
            Alternative(value=150.0, score=0.8, text="150.00"),
            Alternative(value=120.0, score=0.5, text="120"),
        ]
        rules = Extraction(
            total=150.0,
            confidence={"total": 0.8},
            evidence={"total": Evidence(text="150.00", alternatives=kept)},
        )
        merged = merge(rules, {"total": 120.0}, [])
        assert merged.total == 120.0
        assert [a.value for a in merged.evidence["total"].alternatives] == [150.0, 120.0]


class TestStoredEvidence:
    """Saved evidence of any age reads back; a damaged entry is left out, not fatal."""

    def test_older_and_damaged_entries(self) -> None:
        stored = {
            "total": {"text": "118.00", "page": 1, "box": [1, 2, 3, 4]},  # before alternatives
            "vendor_name": {
                "text": "Acme",
                "alternatives": [{"value": "Acme", "score": 3.5, "text": "Acme"}],
            },
            "currency": {"page": "first"},  # damaged
        }
        parsed = parse_evidence(stored)
        assert set(parsed) == {"total", "vendor_name"}
        assert parsed["total"].box == [1, 2, 3, 4] and parsed["total"].alternatives == []
        assert parsed["vendor_name"].alternatives[0].score == 3.5
        assert parse_evidence(None) == {} and parse_evidence([1]) == {}

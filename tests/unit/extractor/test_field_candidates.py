"""The ranked candidates of the fields the rules read by a cascade (invoice number, allocation number,
currency, document type, VAT rate): the rules' own choice comes first, the others follow in the
rules' order with scores that never rise, and the same list reaches the evidence and the LLM."""

from __future__ import annotations

from datetime import date

from invoiceme_common.events import OcrPage
from invoiceme_extractor.llm.context import layout_hints
from invoiceme_extractor.pipeline import extract_invoice
from invoiceme_extractor.rules import read_fields
from invoiceme_extractor.rules.amount_candidates import candidates
from invoiceme_extractor.rules.invoice_number import find_invoice_number, invoice_number_candidates
from invoiceme_extractor.rules.lines import Reading, document_lines
from invoiceme_extractor.rules.references import (
    allocation_candidates,
    currency_candidates,
    document_type_candidates,
    find_allocation_number,
    find_currency,
    find_document_type,
)
from invoiceme_extractor.rules.tax_ids import find_vendor_tax_id
from invoiceme_extractor.rules.vat_rates import IMPLIED_SCORE, PRINTED_SCORE, vat_rate_candidates
from tests.support.fakes import CannedProvider

from .wordbox import page

CASCADE_FIELDS = ("invoice_number", "allocation_number", "currency", "document_type", "vat_rate")

# A header with the invoice number by its label and a weak 'Ref' beside another number, a printed
# VAT rate its amounts do not bear out (17 % printed, 18.00 on 100.00), dollars and one euro code.
HEADER = page(
    ("Harbor Freight Ltd", 100, 100),
    ("Tax Invoice", 100, 200),
    ("Invoice No:", 1400, 300),
    ("HF-2210", 1800, 300),
    ("Ref: 5531-B", 100, 380),
    ("Date: 04/03/2025", 100, 450),
    ("Subtotal $100.00", 100, 900),
    ("VAT 17% $18.00", 100, 950),
    ("Total $118.00", 100, 1000),
    ("Bank fee EUR 0.00", 100, 1100),
)


def _values(readings: list[Reading]) -> list[object]:
    return [reading.value for reading in readings]


def _larger(layer: OcrPage, text: str, factor: int) -> OcrPage:
    """The page with one unit's words printed `factor` times larger (a title)."""
    words = [
        w.model_copy(update={"height": w.height * factor, "width": w.width * factor})
        if w.text in text.split()
        else w
        for w in layer.words
    ]
    return layer.model_copy(update={"words": words})


class TestInvoiceNumberCandidates:
    """Every number by a document-number label, strongest label and nearest spot first."""

    def test_the_labelled_number_first_then_the_weak_labels(self) -> None:
        lines = document_lines([HEADER])
        ranked = list(invoice_number_candidates(lines))
        assert _values(ranked)[:2] == ["HF-2210", "5531-B"]
        first = find_invoice_number(lines)
        assert first is not None and (first.value, first.confidence) == (ranked[0].value, ranked[0].score)
        assert ranked[0].label == "Invoice No" and ranked[1].label == "Ref:"
        assert ranked[1].score < ranked[0].score  # a weak label scores under a number label

    def test_every_number_under_a_label_in_a_grid(self) -> None:
        grid = page(
            ("Invoice No.", 800, 400),
            ("A-5531", 800, 450),
            ("Document", 1400, 400),
            ("77312", 1400, 450),
        )
        ranked = list(invoice_number_candidates(document_lines([grid])))
        assert _values(ranked)[:2] == ["A-5531", "77312"]
        assert {reading.label for reading in ranked[:2]} == {"Invoice No.", "Document"}

    def test_text_without_boxes_keeps_the_order_of_the_line(self) -> None:
        lines = document_lines([(1, "Acme Ltd\nInvoice No.\nA-17  B-18")])
        ranked = list(invoice_number_candidates(lines))
        assert _values(ranked) == ["A-17", "B-18"]
        assert find_invoice_number(lines).value == "A-17"  # type: ignore[union-attr]
        # a label closing its line heads a right-hand column: its value closes the next line
        closing = document_lines([(1, "Acme Ltd  Invoice No.\nA-17  B-18")])
        assert _values(list(invoice_number_candidates(closing))) == ["B-18", "A-17"]

    def test_only_the_first_number_beside_a_label(self) -> None:
        # the rest of the line follows other labels: a customer's number is no reading of this one
        lines = document_lines([(1, "Invoice No: A-17  Customer: 5531")])
        assert _values(list(invoice_number_candidates(lines))) == ["A-17"]

    def test_a_number_of_another_document_is_no_candidate(self) -> None:
        lines = document_lines([(1, "Receipt for invoice 4400\nReceipt No: R-12")])
        assert _values(list(invoice_number_candidates(lines))) == ["R-12"]


class TestAllocationCandidates:
    """Nine digits by each allocation label, in the page's order, beside or under it."""

    def test_each_label_and_spot(self) -> None:
        layer = page(
            ("Allocation no.", 1500, 400),
            ("123456782", 1500, 450),
            ("Allocation number 987654321", 100, 600),
        )
        lines = document_lines([layer])
        ranked = list(allocation_candidates(lines))
        assert _values(ranked) == ["123456782", "987654321"]
        assert [r.score for r in ranked] == [0.85, 0.9]  # under its label, then inline
        assert find_allocation_number(lines).value == "123456782"  # type: ignore[union-attr]

    def test_hebrew_label_on_a_text_layer(self) -> None:
        # after the label, then on the next line (where a label closing its line puts its value)
        lines = document_lines([(1, "מספר הקצאה: 123-456-782\nאסמכתא 987654321\n555555555")])
        assert _values(list(allocation_candidates(lines))) == ["123456782", "987654321"]


class TestCurrencyCandidates:
    """Every currency cue with its share of the marks' weight; words that state it come first."""

    def test_marks_by_weight(self) -> None:
        lines = document_lines([HEADER])
        ranked = list(currency_candidates(lines, "en"))
        assert _values(ranked) == ["USD", "EUR"]  # three $ marks weigh 3, one EUR code 2
        assert [r.score for r in ranked] == [0.6, 0.4]
        assert find_currency(lines, "en").value == "USD"  # type: ignore[union-attr]

    def test_a_stated_currency_ranks_above_the_marks(self) -> None:
        lines = document_lines([(1, "All amounts in GBP\nTotal $5.00 $6.00")])
        ranked = list(currency_candidates(lines, "en"))
        assert list(dict.fromkeys(_values(ranked))) == ["GBP", "USD"] and ranked[0].score == 0.95

    def test_the_guesses_without_a_mark_come_last(self) -> None:
        # a dollar sign on a Hebrew page of an Israeli issuer: shekels stay on offer, twice guessed
        lines = document_lines([(1, 'חשבונית מס\nע.מ. 514321678\nסה"כ $118.00')])
        _, extraction = read_fields([(1, "\n".join(line.text for line in lines))])
        assert extraction.currency == "USD"
        assert [a.value for a in extraction.evidence["currency"].alternatives] == ["USD", "ILS"]
        tax_id = find_vendor_tax_id(lines, set())
        ranked = list(currency_candidates(lines, "he", tax_id))
        assert [(r.value, r.score) for r in ranked] == [("USD", 1.0), ("ILS", 0.5), ("ILS", 0.5)]


class TestDocumentTypeCandidates:
    """Every title naming a document type, the largest print first, scored by print size."""

    def test_titles_by_print_size(self) -> None:
        layer = _larger(page(("RECEIPT", 1600, 120), ("Tax Invoice", 100, 300)), "RECEIPT", 2)
        lines = document_lines([layer])
        ranked = list(document_type_candidates(lines))
        assert _values(ranked)[:2] == ["receipt", "tax_invoice"]
        assert [r.score for r in ranked[:2]] == [0.9, 0.45]  # half the title's print size
        assert find_document_type(lines).value == "receipt"  # type: ignore[union-attr]

    def test_text_without_boxes_most_specific_first(self) -> None:
        lines = document_lines([(1, "Acme Ltd\nTax Invoice\nReceipt attached")])
        assert list(dict.fromkeys(_values(list(document_type_candidates(lines))))) == [
            "tax_invoice",
            "receipt",
            "invoice",
        ]


class TestVatRateCandidates:
    """Rates printed beside a VAT label, then rates a VAT amount implies over a subtotal."""

    def test_printed_then_implied(self) -> None:
        lines = document_lines([HEADER])
        ranked = list(vat_rate_candidates(lines, candidates(lines)))
        assert [(r.value, r.score) for r in ranked] == [(0.17, PRINTED_SCORE), (0.18, IMPLIED_SCORE)]
        assert ranked[0].raw == "17%" and ranked[1].label == "18.00 / 100.00"

    def test_no_rate_from_amounts_of_no_rate_in_use(self) -> None:
        lines = document_lines([(1, "Subtotal 100.00\nVAT 31.37\nTotal 131.37")])
        assert list(vat_rate_candidates(lines, candidates(lines))) == []


class TestCascadeEvidence:
    """read_fields keeps each cascade field's ranked list as its evidence, chosen value first."""

    def test_chosen_first_scores_never_rise(self) -> None:
        found, extraction = read_fields([HEADER])
        for name in CASCADE_FIELDS:
            if name not in found:
                continue
            alternatives = extraction.evidence[name].alternatives
            assert alternatives[0].value == getattr(extraction, name), name
            assert alternatives[0].score == round(found[name].confidence, 2)
            scores = [a.score for a in alternatives]
            assert scores == sorted(scores, reverse=True), name
        assert [a.value for a in extraction.evidence["vat_rate"].alternatives] == [0.17, 0.18]
        assert [a.value for a in extraction.evidence["invoice_number"].alternatives][:2] == [
            "HF-2210",
            "5531-B",
        ]
        assert extraction.evidence["invoice_number"].alternatives[0].label == "Invoice No"

    def test_a_value_that_came_another_way_still_leads(self) -> None:
        # A Hebrew page with no currency mark: shekels by default, and the title names a tax invoice.
        _, extraction = read_fields([(1, 'חשבונית מס\nמספר הקצאה 123456782\nסה"כ 118.00')])
        assert extraction.currency == "ILS"
        assert [a.value for a in extraction.evidence["currency"].alternatives] == ["ILS"]
        assert [a.value for a in extraction.evidence["allocation_number"].alternatives] == ["123456782"]

    def test_the_llm_context_carries_the_same_candidates(self) -> None:
        found, extraction = read_fields([HEADER])
        hints = layout_hints(found, extraction.evidence, document_lines([HEADER]))
        assert "invoice_number='HF-2210' (0.85; or '5531-B' (0.75))" in hints
        assert "vat_rate=0.17 (0.97; or 0.18 (0.4))" in hints
        assert "currency='USD' (0.75; or 'EUR' (0.4))" in hints


class TestLlmAnswerChecked:
    """The LLM is sent the same candidates; an answer breaking a constraint loses to the rules."""

    async def test_a_broken_answer_keeps_the_rules_reading_with_a_warning(self) -> None:
        provider = CannedProvider({"invoice_number": "HF-9999", "vat_rate": 0.5, "currency": "EUR"})
        extraction = await extract_invoice([HEADER], [provider], today=date(2025, 6, 1))
        assert "'5531-B' (0.75)" in provider.received[0]  # the runner-up, as the evidence ranks it
        assert (extraction.invoice_number, extraction.vat_rate) == ("HF-2210", 0.17)
        assert extraction.source["invoice_number"] == "text_layer+rules"
        checked = [w.message for w in extraction.warnings if w.code == "llm_constraint_violation"]
        assert len(checked) == 2 and any("HF-9999" in m for m in checked)
        assert extraction.currency == "EUR"  # a reading that breaks nothing is taken (and flagged)
        assert [a.value for a in extraction.evidence["currency"].alternatives] == ["USD", "EUR"]

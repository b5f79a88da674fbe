"""A receipt whose title OCR lost: 'Por la factura: 81075' names the invoice it pays, not this
document's type, so it is no title (at most a label's weak guess)."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.references import document_type_candidates


def _candidates(text: str) -> list[tuple[str, float]]:
    return [(c.value, c.score) for c in document_type_candidates(document_lines([(1, text)]))]


class TestPaidDocumentReference:
    def test_the_paid_invoice_is_no_title(self) -> None:
        found = _candidates("Montaña Distribuciones\nRecibido de:\nPor la factura: 81075\nTotal EUR 314,07")
        assert all(score < 0.5 for _, score in found)

    def test_a_title_line_still_names_the_type(self) -> None:
        found = _candidates("Montaña Distribuciones\nFactura\nTotal EUR 314,07")
        assert found[0] == ("invoice", 0.9)

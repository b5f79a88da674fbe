"""A Hebrew document whose title OCR lost and that names no VAT anywhere: an Israeli invoice of any
kind states its VAT, a receipt (קבלה) none, so it is a receipt (a guess, said low). A page that
names VAT, or one in another language, is left untyped."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.untitled_type import GUESSED, type_by_evidence


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


_BODY = (
    "מסמך מס': 4313 רחוב הרצל 79, ראשון לציון",
    "שם לקוח:",
    'גל מזון בע"מ',
    "1 שולחן משרדי 3 364.00 1,092.00",
)


class TestHebrewReceiptWithoutVat:
    def test_no_vat_named_is_a_receipt(self) -> None:
        lines = _lines(*_BODY, "סך הכל לתשלום", "6,272.02 USD")
        total = Found(6272.02, "6,272.02", lines[-1], 0.8)
        found = type_by_evidence(None, lines, total)
        assert found is not None and found.value == "receipt" and found.confidence <= GUESSED

    def test_a_page_naming_vat_stays_untyped(self) -> None:
        lines = _lines(*_BODY, 'מע"מ 18% 196.56', "סך הכל לתשלום", "1,288.56")
        assert type_by_evidence(None, lines, Found(1288.56, "1,288.56", lines[-1], 0.8)) is None

    def test_an_english_page_stays_untyped(self) -> None:
        lines = _lines("Document No. 4313", "Office desk 3 364.00 1,092.00", "Total due", "1,092.00")
        assert type_by_evidence(None, lines, Found(1092.0, "1,092.00", lines[-1], 0.8)) is None

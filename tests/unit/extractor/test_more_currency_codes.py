"""Currencies beyond the six the rules began with, by their ISO 4217 code in capitals ('316,83 PLN',
'1200 SEK') or the złoty's sign: the page's currency, and a mark that makes a whole amount money."""

from __future__ import annotations

from invoiceme_extractor.rules import read_fields


def _fields(text: str) -> dict[str, object]:
    found, _ = read_fields([(1, text)])
    return {name: item.value for name, item in found.items()}


class TestMoreCurrencyCodes:
    def test_zloty_code(self) -> None:
        assert _fields("Faktura nr: FV/117/01/2021\nNależność ogółem: 316,83 PLN\n")["currency"] == "PLN"

    def test_zloty_sign(self) -> None:
        assert _fields("Faktura nr: FV/117/01/2021\nDo zapłaty: 316,83 zł\n")["currency"] == "PLN"

    def test_whole_amount_beside_a_code(self) -> None:
        fields = _fields("Invoice 2024-17\nTotal 1200 SEK\n")
        assert (fields["total"], fields["currency"]) == (1200.0, "SEK")

    def test_a_capital_word_is_no_currency(self) -> None:
        assert "currency" not in _fields("Invoice 2024-17\nCAD drawings 3 sheets\nTotal 120.00\n")

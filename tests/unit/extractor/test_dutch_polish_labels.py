"""Dutch and Polish invoices' labels name their fields: the number, the dates, the net, the VAT and
the total; the customer's number and the tax id beside them are not the invoice's number."""

from __future__ import annotations

from invoiceme_extractor.rules import read_fields

_DUTCH = """FACTUUR
Klantnummer: 6669263
Factuurnummer: 993548900
Factuurdatum: 19-04-2014
Vervaldatum: 03-05-2014
Subtotaal € 593,36
BTW 21% € 124,61
Totaal te betalen € 717,97
"""

_POLISH = """Faktura nr: FV/117/01/2021
Data wystawienia: 2021-01-05
Termin płatności: 2021-01-19
NIP: 774-00-01-454
Wartość netto 257,59
Kwota VAT 59,24
Do zapłaty: 316,83
"""


def _fields(text: str) -> dict[str, object]:
    found, _ = read_fields([(1, text)])
    return {name: item.value for name, item in found.items()}


class TestDutchLabels:
    def test_fields(self) -> None:
        fields = _fields(_DUTCH)
        assert fields["invoice_number"] == "993548900"
        assert (fields["invoice_date"], fields["due_date"]) == ("2014-04-19", "2014-05-03")
        assert (fields["subtotal"], fields["vat_amount"], fields["total"]) == (593.36, 124.61, 717.97)


class TestPolishLabels:
    def test_fields(self) -> None:
        fields = _fields(_POLISH)
        assert fields["invoice_number"] == "FV/117/01/2021"
        assert (fields["invoice_date"], fields["due_date"]) == ("2021-01-05", "2021-01-19")
        assert (fields["subtotal"], fields["vat_amount"], fields["total"]) == (257.59, 59.24, 316.83)

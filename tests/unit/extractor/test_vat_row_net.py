"""A till slip's VAT row ('18% | 228.12 | 41.06') under a garbled header, its total line lost: the
VAT read there is that rate of the amount beside it to the cent, so that amount is the net and the
total is their sum."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

_SLIP = (
    "צוקים מזון (1998)\nקבלה - מקור\nתאריך: 03.11.25\n"
    "תיקון מזגן 39.00\nאחסון ענן 17.00\n"
    'מזומן 300.00\n)01779 מע"מ סכום מע"מ\n18% 228.12 41.06\nנשמח לראותכם שוב'
)


class TestVatRowNet:
    def test_the_net_beside_the_vat_and_the_total_derived(self) -> None:
        extraction = extract_with_rules([(1, _SLIP)])
        assert extraction.vat_amount == 41.06
        assert extraction.subtotal == 228.12
        assert extraction.total == 269.18

    def test_an_amount_the_vat_is_no_rate_of_is_no_net(self) -> None:
        extraction = extract_with_rules([(1, _SLIP.replace("228.12", "229.50"))])
        assert extraction.subtotal != 229.50

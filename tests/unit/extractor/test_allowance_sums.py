"""A Factur-X visualisation's totals block: the sums of allowances and charges ('Gesamtbetrag der
Zuschläge 3,00') are parts of the net, however strongly 'Gesamtbetrag' says total; and a VAT printed
without its cents in the cell beside a label that names the currency ('Steuerbetrag in EUR' | '70',
'21,3') is money."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.amount_candidates import candidates, classify

from .wordbox import cells_line as _row


@pytest.mark.parametrize(
    "text", ["Gesamtbetrag der Zuschläge", "Gesamtbetrag der Abschläge", "Total allowances", "Summe Rabatte"]
)
def test_sums_of_allowances_and_charges_are_no_totals(text: str) -> None:
    assert classify(text) is None


@pytest.mark.parametrize("text", ["Gesamtbetrag", "Bruttosumme", "Total Charges", "Zahlbetrag"])
def test_totals_stay_totals(text: str) -> None:
    assert classify(text) in ("total_strong", "total_plain")


def test_a_whole_vat_beside_a_label_naming_the_currency_is_money() -> None:
    rows = [
        _row(0, ("Rechnungssumme ohne USt.", 0, 200), ("448,99", 400, 460)),
        _row(1, ("Steuerbetrag in EUR", 0, 200), ("70", 440, 460)),
        _row(2, ("Bruttosumme", 0, 200), ("518,99", 400, 460)),
    ]
    assert [value for value, _, _ in candidates(rows)["vat"]] == [70.0]
    one_decimal = [rows[0], _row(1, ("Steuerbetrag in EUR", 0, 200), ("21,3", 440, 460)), rows[2]]
    assert [value for value, _, _ in candidates(one_decimal)["vat"]] == [21.3]
    unmarked = [rows[0], _row(1, ("Steuerbetrag", 0, 200), ("70", 440, 460)), rows[2]]
    # a bare 70 beside a plain label may be a count or a code
    assert 70.0 not in [value for value, _, _ in candidates(unmarked).get("vat", [])]

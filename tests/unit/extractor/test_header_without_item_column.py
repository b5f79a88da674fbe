"""An item table's header whose description column OCR lost ('# | הי | כמ' | מחיר | סה"כ שורה') is
still a header: a quantity's and a unit price's columns side by side name no band of amount labels,
so the amounts under its 'סה"כ' are the items' own, never the document's total."""

from __future__ import annotations

from invoiceme_extractor.rules.tables import is_table_header


def test_quantity_and_price_columns_head_a_table() -> None:
    assert is_table_header("# הי כמ' מחיר סה\"כ שורה")
    assert is_table_header("# Qty Unit Price Total")


def test_a_band_of_amount_labels_is_no_table() -> None:
    assert not is_table_header("Net Amount Sales Tax Balance Due")
    assert not is_table_header('סה"כ לפני מע"מ מע"מ סה"כ לתשלום')
    assert not is_table_header("Qty Price Total 12.00")

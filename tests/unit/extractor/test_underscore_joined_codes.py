"""Document numbers as shop systems write them, word groups joined by underscores
('BLR_WFLD20151000982590', '# INV_2024_0042'), are read beside their label or after a bare '#', not
passed over for another code on the page."""

from __future__ import annotations

from invoiceme_extractor.rules.invoice_number import find_invoice_number
from invoiceme_extractor.rules.invoice_number_values import numbers_in
from invoiceme_extractor.rules.lines import document_lines


def _number(text: str) -> str | None:
    found = find_invoice_number(document_lines([(1, text)]))
    return found.value if found else None


class TestUnderscoreJoinedCodes:
    def test_the_code_is_one_token(self) -> None:
        assert numbers_in("BLR_WFLD20151000982590") == ["BLR_WFLD20151000982590"]

    def test_beside_its_label_after_a_hash_set_apart(self) -> None:
        page = "Retail Invoice\nInvoice No : # BLR_WFLD20151000982590\nProduct Qty Price\nWID: VM72516\n"
        assert _number(page) == "BLR_WFLD20151000982590"

    def test_after_a_bare_hash_under_the_title(self) -> None:
        assert _number("Acme Repairs INVOICE\nbilling@acme.test\n# INV_2024_0042\nDate: Jan 1, 2022\n") == (
            "INV_2024_0042"
        )

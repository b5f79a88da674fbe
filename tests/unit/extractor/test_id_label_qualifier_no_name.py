"""'Client Reg. No.' (or '(Cheest Reg. No.', its first word misread) heading an id's column: one word
and an id's label, nothing after: a label, never the issuer's name (cut at the label, its qualifier
read as a name)."""

from __future__ import annotations

from invoiceme_extractor.rules.name_units import id_label_cell


class TestIdLabelQualifier:
    def test_one_word_and_an_id_label_is_a_label(self) -> None:
        assert id_label_cell("(Cheest Reg. No.")
        assert id_label_cell("Client Reg. No")

    def test_a_name_before_an_id_label_is_no_label_cell(self) -> None:
        assert not id_label_cell("Acme Ltd VAT No.")

    def test_an_id_label_with_its_value_is_no_label_cell(self) -> None:
        assert not id_label_cell("Client Reg. No. 51-464816-1")

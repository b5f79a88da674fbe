"""'תאריך מסמך' (the document's date) with its ת lost at a cell edge ('אריך מסמך') is no bare
'מסמך' number label: the date under it, read without a separator ('0407/2025'), is no number; and a
valid Israeli id under a label no lexicon knows is a party's id, not the document's number."""

from __future__ import annotations

from invoiceme_extractor.rules import document_labels
from invoiceme_extractor.rules.unknown_number_label import document_code


class TestDateLabelDocumentWord:
    def test_a_date_label_cropped_is_no_number_label(self) -> None:
        assert not document_labels.INVOICE_NUMBER.search("אריך מסמך")
        assert not document_labels.INVOICE_NUMBER.search("תאריך מסמך")

    def test_a_bare_document_word_still_labels_a_number(self) -> None:
        assert document_labels.INVOICE_NUMBER.search("מסמך")
        assert document_labels.INVOICE_NUMBER.search("מסמך:")


class TestIdIsNoDocumentCode:
    def test_a_valid_israeli_id_is_no_code(self) -> None:
        assert document_code("524716743") is None

    def test_a_document_number_still_is(self) -> None:
        assert document_code("1303335") == "1303335"
        assert document_code("524716744") == "524716744"  # its check digit fails: no id

"""The title names the document type; a field's label holding a type's word does not."""

from __future__ import annotations

from invoiceme_extractor.rules.damaged_titles import misread_type
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.references import find_document_type
from invoiceme_extractor.rules.titles import title_cell

from .wordbox import page


def _title(*placed: tuple[str, int, int], taller: str = "") -> str | None:
    layer = page(*placed)
    # a scan's cell height follows ascenders and descenders: the label's cell may come out taller
    words = [w.model_copy(update={"height": 40}) if w.text in taller.split() else w for w in layer.words]
    found = title_cell(document_lines([layer.model_copy(update={"words": words})]))
    return None if found is None else found[2]


class TestTitleOverLabels:
    """A receipt title outranks a date's or an amount's label with 'Rechnung' in it."""

    def test_a_date_label_in_taller_print_does_not_make_a_receipt_an_invoice(self) -> None:
        placed = [("Kassenbon", 300, 100), ("Rechnungsdatum: 29.06.24", 100, 160)]
        assert _title(*placed, taller="Rechnungsdatum:") == "receipt"

    def test_an_amount_label_does_not_either(self) -> None:
        placed = [("Kassenbon", 300, 100), ("Rechnungsbetrag 432,78", 100, 160)]
        assert _title(*placed, taller="Rechnungsbetrag") == "receipt"

    def test_a_label_is_no_title_but_still_names_the_type_when_nothing_else_does(self) -> None:
        placed = (("Eichen Bau GmbH", 300, 100), ("Rechnungsdatum: 29.06.24", 100, 160))
        assert _title(*placed) is None
        found = find_document_type(document_lines([page(*placed)]))
        assert found is not None and found.value == "invoice"

    def test_a_title_carrying_its_number_is_still_a_title(self) -> None:
        placed = [("Reçu n° 4521", 300, 100), ("Date de facture: 12/03/2024", 100, 160)]
        assert _title(*placed, taller="Date de facture:") == "receipt"

    def test_a_type_word_in_the_number_label_yields_to_the_title_beside_it(self) -> None:
        assert _title(("INVOICE Receipt No. 37289", 300, 100)) == "invoice"
        assert _title(("TAX INVOICE Invoice No. 5", 300, 100)) == "tax_invoice"
        assert _title(("Receipt No. 37289", 300, 100)) == "receipt"  # the label alone still names it

    def test_a_title_glued_to_the_number_label_keeps_its_type(self) -> None:
        # OCR ran the credit note's title into the label: 'זיכוימספר'
        assert _title(("חשבונית זיכוימספר חשבונית 41622", 300, 100)) == "credit_note"


class TestOriginalMarkAfterAMisreadTitle:
    """'חשבנית מס - מקור': a title with a letter lost, and the 'original' an Israeli document prints
    after it; the mark is no part of the title's letters."""

    def test_the_misread_title_with_its_mark(self) -> None:
        assert misread_type("= חשבנית מס - מקור") == "tax_invoice"
        assert misread_type("חשבון עסקה העתק") == "invoice"

    def test_the_mark_alone_is_no_title(self) -> None:
        assert misread_type("מקור") is None

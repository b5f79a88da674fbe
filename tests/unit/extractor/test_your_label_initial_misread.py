"""The customer's VAT id labelled 'Ihre USt-IdNr.' (your VAT id) with its serifed I read as a T on a
photo ('Thre USt-IdNr.: DE345579287 USt-ID: DE274720172'): still the customer's, so the issuer's id
beside it is the vendor's."""

from __future__ import annotations

from invoiceme_extractor.rules.labelled_ids import customer_labelled
from invoiceme_extractor.rules.lines import Line, document_lines
from invoiceme_extractor.rules.tax_ids import find_vendor_tax_id

from .wordbox import ocr_page, ocr_words


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestYourLabelInitialMisread:
    def test_the_misread_your_names_the_customers_id(self) -> None:
        lines = _lines("Thre USt-IdNr.: DE345579287", "Kassenbon")
        assert "DE345579287" in customer_labelled(lines)

    def test_the_issuers_id_beside_it_is_the_vendors(self) -> None:
        words = ocr_words("Thre USt-IdNr.: DE345579287", 1139, 76, 0) + ocr_words(
            "USt-ID: DE274720172", 1560, 76, 0
        )
        words += ocr_words("Kassenbon", 782, 140, 1) + ocr_words("Alpen Bau GmbH & Co. KG", 158, 282, 2)
        lines = document_lines([ocr_page(words)])
        assert len(lines[0].cells) == 2
        found = find_vendor_tax_id(lines, set(), all_lines=lines)
        assert found is not None and found.value == "DE274720172"

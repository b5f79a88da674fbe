"""An item's row (its code, description, quantity, price and amount) is no header cell with a
number under a label no lexicon knows: the item's code is never the document's number."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.unknown_number_label import numbers_by_unknown_label

from .wordbox import ocr_page, ocr_words


def _values(words: list[OcrWord]) -> list[str]:
    return [reading.value for reading in numbers_by_unknown_label(document_lines([ocr_page(words)]))]


def test_an_items_code_beside_its_description_is_no_number() -> None:
    row = [
        *ocr_words("15,048.12", 100, 300, 0),
        *ocr_words("7,524.06", 300, 300, 0),
        *ocr_words("2", 500, 300, 0),
        *ocr_words("מנוי דמי", 700, 300, 0),
        *ocr_words("53420", 1000, 300, 0),
    ]
    assert _values(row) == []


def test_a_header_cell_beside_its_code_still_is() -> None:
    assert _values([*ocr_words("סצתאפמ:", 1000, 100, 0), *ocr_words("7377243", 700, 100, 0)]) == ["7377243"]

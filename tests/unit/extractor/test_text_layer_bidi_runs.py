"""A Hebrew page's text layer that stores a mixed cell from its left end with its runs out of place
('52-296073-1 בע"מ | ח.פ./ע.מ. Blue Supplies' for 'Blue Supplies בע"מ | ח.פ./ע.מ. 52-296073-1'): the
cell is read in right-to-left order from where its words sit."""

from __future__ import annotations

from invoiceme_common.events import OcrPage, OcrWord
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import page


def _footer_row(line: int) -> list[OcrWord]:
    # (text, left, width) in the order the text layer stores them
    stored = [
        ("52-296073-1", 846, 206),
        ('בע"מ', 1296, 75),
        ("|", 1259, 19),
        ("ח.פ./ע.מ.", 1071, 169),
        ("Blue", 1390, 75),
        ("Supplies", 1484, 150),
    ]
    return [
        OcrWord(text=text, left=left, top=3174, width=width, height=31, confidence=1.0, line=line)
        for text, left, width in stored
    ]


def _invoice() -> OcrPage:
    body = page(
        ("BS", 2177, 207),
        ("חשבונית מס", 1800, 178),
        ("חשבונית מס מס': 23330", 1500, 324),
        ("תאריך הוצאה 28/02/2025", 1500, 394),
        ("עבור", 2213, 654),
        ("צוקים טכנולוגיות (1998)", 1757, 720),
        ("סך הכל לתשלום 435.24", 1500, 1395),
        ("תודה ולהתראות!", 2023, 1686),
        rtl=True,
    )
    words = [*body.words, *_footer_row(len(body.words) + 1)]
    text = body.text + '\n52-296073-1 בע"מ | ח.פ./ע.מ. Blue Supplies'
    return body.model_copy(update={"words": words, "text": text})


class TestTextLayerBidiRuns:
    def test_a_cell_stored_from_its_left_end_reads_right_to_left(self) -> None:
        lines = document_lines([_invoice()])
        assert lines[-1].text == 'Blue Supplies בע"מ | ח.פ./ע.מ. 52-296073-1'

    def test_the_issuer_beside_its_tax_id_in_such_a_footer(self) -> None:
        assert extract_with_rules([_invoice()]).vendor_name == 'Blue Supplies בע"מ'

    def test_a_cell_stored_in_reading_order_is_kept(self) -> None:
        laid_out = page(('Blue Supplies בע"מ', 1300, 3174), ("חשבונית מס", 1800, 178), rtl=True)
        assert document_lines([laid_out])[-1].text == 'Blue Supplies בע"מ'

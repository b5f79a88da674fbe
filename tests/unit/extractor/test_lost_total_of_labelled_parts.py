"""A total OCR lost ('סה"כ לתשלום 0 ₪') under a net and a VAT both read at their labels, the VAT the
net's printed rate to the cent: the total is theirs. An item table's amounts that happen to add up
(3,000 + 480 = 3,480, the net) are no reading of the totals."""

from __future__ import annotations

from invoiceme_common.events import OcrPage, OcrWord
from invoiceme_extractor.rules import extract_with_rules

# (row top, [(word, left)]): a Hebrew receipt's item table and totals as OCR boxes them (RTL: the
# words' lefts fall from right to left)
_ROWS = (
    (100, [('אלפא', 2200), ('שירותים', 2050), ('בע"מ', 1950), ("קבלה", 1000)]),
    (180, [("עוסק", 2200), ("מורשה:", 2080), ("514713288", 1850)]),
    (680, [("תיאור", 2236), ("כמות", 1544), ("מחיר", 990), ('סה"כ', 533)]),
    (770, [("רישיון", 2248), ("5", 1502), ("600.00", 835), ("₪", 790), ("3,000.00", 330), ("₪", 286)]),
    (870, [("התקנה", 2046), ("1", 1505), ("480.00", 834), ("₪", 790), ("480.00", 347), ("₪", 303)]),
    (1000, [("סכום", 1048), ("ביניים", 949), ("(לפני", 854), ('מע"מ)', 743), ("3,480.00", 282), ("₪", 237)]),
    (1083, [('מע"מ', 1040), ("18%", 951), ("626.40", 299), ("₪", 254)]),
    (1175, [('סה"כ', 1009), ("לתשלום", 800), ("0", 343), ("₪", 211)]),
)  # fmt: skip


def _receipt(vat: str = "626.40") -> OcrPage:
    words = [
        OcrWord(text=vat if text == "626.40" else text, left=left, top=top, width=18 * len(text), height=30,
                confidence=0.9, line=line)
        for line, (top, row) in enumerate(_ROWS)
        for text, left in row
    ]  # fmt: skip
    text = "\n".join(" ".join(word.text for word in words if word.line == line) for line in range(len(_ROWS)))
    return OcrPage(number=1, text=text, method="ocr", confidence=0.9, width=2484, height=3512, words=words)


def test_the_total_of_labelled_parts_at_their_printed_rate() -> None:
    result = extract_with_rules([_receipt()])
    assert (result.subtotal, result.vat_amount, result.total) == (3480.0, 626.4, 4106.4)


def test_parts_off_their_printed_rate_prove_nothing() -> None:
    # a VAT that is not 18 % of the net to the cent: the item table's run is taken, as before
    assert extract_with_rules([_receipt(vat="626.90")]).vat_amount != 626.9

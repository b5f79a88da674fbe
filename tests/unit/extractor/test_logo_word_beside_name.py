"""A logo's word that spells a customer label ('אל', to) beside the issuer's name in display print:
the name is no value of that 'label', and stays the issuer's."""

from __future__ import annotations

from invoiceme_common.events import OcrPage, OcrWord
from invoiceme_extractor.rules import extract_with_rules


def _tall_page(*placed: tuple[str, int, int, int, int]) -> OcrPage:
    """Units of (text, left, top, height, OCR line): one word a unit part, 0.6 x height px a character."""
    words = []
    for text, left, top, height, line in placed:
        x = left
        for part in text.split():
            width = int(0.6 * height * len(part))
            words.append(
                OcrWord(text=part, left=x, top=top, width=width, height=height, confidence=1.0, line=line)
            )
            x += width + int(0.6 * height)
    return OcrPage(
        number=1,
        text="\n".join(unit[0] for unit in placed),
        method="text_layer",
        confidence=1.0,
        width=2480,
        height=3508,
        words=words,
    )


class TestLogoWordBesideTheName:
    def test_the_large_name_beside_a_logo_word_is_the_vendor(self) -> None:
        layer = _tall_page(
            ("אל", 2192, 246, 47, 0),  # the logo, on the name's line
            ("אלון לוגיסטיקה ושות'", 1250, 215, 71, 0),
            ("אל", 1077, 242, 38, 1),  # the customer's block
            ('Granite Supplies בע"מ', 736, 306, 42, 2),
            ("רחוב העצמאות 93, הרצליה", 1724, 346, 35, 3),
            ("דרך בגין 71, הרצליה", 844, 384, 36, 4),
            ("טל' 09-7803308", 1882, 411, 35, 5),
            ('ח"פ', 2061, 480, 29, 6),
            ("534387170", 1935, 531, 35, 7),
            ("חשבונית מס 1001", 1492, 658, 75, 8),
            ("סך הכל לתשלום 1,180.00", 1400, 900, 35, 9),
        )
        assert extract_with_rules([layer]).vendor_name == "אלון לוגיסטיקה ושות'"

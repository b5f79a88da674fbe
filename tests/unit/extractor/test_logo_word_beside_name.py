"""A logo's word that spells a customer label ('אל', to) beside the issuer's name in display print:
the name is no value of that 'label', and stays the issuer's."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

from .wordbox import tall_page


class TestLogoWordBesideTheName:
    def test_the_large_name_beside_a_logo_word_is_the_vendor(self) -> None:
        layer = tall_page(
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

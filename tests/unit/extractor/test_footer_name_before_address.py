"""A page whose header names no issuer (a title, the document's facts) and whose
footer row is the issuer's name, then its address, in the same row: 'רימון ייעוץ' | 'רחוב הברזל 141,
הרצליה'. The name heads a row of its contact details, as a sender row does, wherever it stands."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.name_text import heads_contact_row, row_parts
from invoiceme_extractor.rules.parties import _contact_part

from .wordbox import page


class TestAddressAfterAName:
    def test_the_row_parts_at_the_address(self) -> None:
        assert row_parts("רימון ייעוץ רחוב הברזל 141, הרצליה", _contact_part) == [
            "רימון ייעוץ",
            "רחוב הברזל 141, הרצליה",
        ]
        assert row_parts("Atlas Systems 137 Market Street, Dublin", _contact_part) == [
            "Atlas Systems",
            "137 Market Street, Dublin",
        ]

    def test_a_number_in_a_name_and_an_address_alone_stay_whole(self) -> None:
        for text in ("Studio 54", "Calle Mayor 3, Madrid", "NO. 20-A1 JALAN KLANG LAMA"):
            assert row_parts(text, _contact_part) == [text]

    def test_a_cell_heads_its_rows_contact_details(self) -> None:
        row = "רימון ייעוץ רחוב הברזל 141, הרצליה"
        assert heads_contact_row(["רימון ייעוץ"], row, _contact_part)
        assert not heads_contact_row(["רחוב הברזל 141, הרצליה"], row, _contact_part)
        assert not heads_contact_row(["רימון ייעוץ"], "רימון ייעוץ", _contact_part)


class TestFooterName:
    @staticmethod
    def invoice(footer: list[tuple[str, int, int]]) -> str | None:
        layer = page(
            ("חשבונית מס", 1900, 200),
            ("ת. חשבונית", 300, 300),
            ("12.3.24", 300, 340),
            ("מס' חשבונית", 300, 420),
            ("4260", 300, 460),
            ("ע.מ. הלקוח", 300, 540),
            ("51-828234-8", 300, 580),
            ("מס' חברה", 300, 620),
            ("527178230", 300, 660),
            ("פריט כמ' מחיר סה\"כ", 1500, 900),
            ("התקנת ציוד 1 5,081.00 5,081.00", 1200, 940),
            ('סה"כ כולל מע"מ 5,995.58', 1500, 1100),
            *footer,
            rtl=True,
        )
        return extract_with_rules([layer]).vendor_name

    def test_the_name_before_its_address_in_the_footer(self) -> None:
        name, address, phone = "רימון ייעוץ", "רחוב הברזל 141, הרצליה", "טל 08-6727988"
        footer = [(name, 1950, 3300), (address, 1500, 3300), (phone, 1900, 3340)]
        assert self.invoice(footer) == "רימון ייעוץ"

    def test_a_footer_line_that_is_no_name_gives_none(self) -> None:
        footer = [("תודה ולהתראות", 1950, 3300), ("רחוב הברזל 141, הרצליה", 1500, 3300)]
        assert self.invoice(footer) != "תודה ולהתראות"

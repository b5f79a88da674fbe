"""The filled-in values of a pre-printed form: what `ink.split_values` draws in the value face."""

from tests.corpus.ink import split_values
from tests.corpus.page import Sheet, Text


class TestSplitValues:
    """Words with digits (and named phrases) are values; labels around them are not."""

    def test_amount_after_its_label(self) -> None:
        assert split_values("Total: 1,234.00 $") == [("Total:", False), ("1,234.00", True), ("$", False)]

    def test_a_date_with_a_month_name_is_one_value(self) -> None:
        assert split_values("Date 12 Jan 2025") == [("Date", False), ("12 Jan 2025", True)]

    def test_named_phrase_in_hebrew(self) -> None:
        assert split_values('לכבוד דני כהן בע"מ', ("דני כהן",)) == [
            ("לכבוד", False),
            ("דני כהן", True),
            ('בע"מ', False),
        ]

    def test_a_label_alone_is_one_piece(self) -> None:
        assert split_values("Bill To") == [("Bill To", False)]


class TestSheetWithValueFace:
    """A sheet with a value face draws labels in the page's face and values in the value face."""

    def test_pieces_get_their_faces_in_reading_order(self) -> None:
        sheet = Sheet(210, 297, "DejaVuSans", rtl=False, value_face="DejaVuOblique")
        width = sheet.text(20, 30, "Invoice No: 1234")
        texts = [item for item in sheet.page.items if isinstance(item, Text)]
        assert [(t.text, t.face) for t in texts] == [("Invoice No:", "DejaVuSans"), ("1234", "DejaVuOblique")]
        assert texts[0].x == 20 and texts[1].x > 20 + sheet.measure("Invoice No:", 9)
        assert width > sheet.measure("Invoice No:", 9)

    def test_without_a_value_face_the_text_is_one_item(self) -> None:
        sheet = Sheet(210, 297, "DejaVuSans", rtl=True)
        sheet.text(20, 30, "Invoice No: 1234")
        assert [(t.text, t.face) for t in sheet.page.items if isinstance(t, Text)] == [
            ("Invoice No: 1234", None)
        ]

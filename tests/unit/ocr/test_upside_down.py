"""Which turn a page that read badly is tried at, and what its notes say then."""

from __future__ import annotations

from invoiceme_ocr.preprocess import GUESSED_QUARTER_TURN
from invoiceme_ocr.upside_down import TURNED_BEFORE_READING, notes_after_turn, turn_after_a_bad_read


class TestTurnAfterABadRead:
    """OSD's word wins; without it, only a turn made on a guess is undone."""

    def test_osd_sure_is_followed(self) -> None:
        assert turn_after_a_bad_read(90, ["deskewed 1.0°"]) == 90
        assert turn_after_a_bad_read(0, [TURNED_BEFORE_READING]) == 0

    def test_page_turned_before_reading_is_tried_the_other_way(self) -> None:
        assert turn_after_a_bad_read(None, ["upscaled x2.0", TURNED_BEFORE_READING]) == 180
        assert turn_after_a_bad_read(None, [GUESSED_QUARTER_TURN]) == 180

    def test_page_read_as_scanned_is_not_turned_on_a_whim(self) -> None:
        assert turn_after_a_bad_read(None, ["upscaled x2.0", "deskewed -1.1°"]) is None


class TestNotesAfterTurn:
    def test_turned_back_page_is_as_scanned(self) -> None:
        assert notes_after_turn(["upscaled x2.0", TURNED_BEFORE_READING], 180) == ["upscaled x2.0"]

    def test_other_turns_are_noted(self) -> None:
        assert notes_after_turn(["upscaled x2.0"], 180) == ["upscaled x2.0", "rotated 180°"]
        assert notes_after_turn([TURNED_BEFORE_READING], 90) == [TURNED_BEFORE_READING, "rotated 90°"]

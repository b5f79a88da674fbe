"""Israeli ids still failing their check digit after the re-reads: repaired only where the engine's
own second choice at exactly one position is the digit that makes the check pass."""

from __future__ import annotations

from invoiceme_common.events import OcrLine, OcrPage, OcrWord
from invoiceme_ocr import id_choices

# The dev photo's '531200617' (printed 531200517) as Tesseract's LSTM weighed each character
# (lstm_choice_mode 2, the crop enlarged 2x, digits only): the 7th is 6 with 5 close behind
WEIGHED = [
    [("5", 0.975), ("6", 0.713), ("8", 0.185), ("4", 0.0)],
    [("3", 0.992), ("9", 0.418), ("5", 0.34), ("8", 0.075)],
    [("1", 0.995), ("2", 0.263), ("3", 0.173)],
    [("2", 0.995), ("3", 0.0), ("7", 0.0)],
    [("0", 0.996), ("9", 0.0)],
    [("0", 0.996), ("9", 0.0), ("8", 0.0)],
    [("6", 0.973), ("5", 0.695), ("8", 0.632), ("0", 0.057)],
    [("1", 0.994), ("2", 0.0)],
    [("7", 0.996)],
]


def _page(text: str, confidence: float = 0.81) -> OcrPage:
    words = [
        OcrWord(text="מורשה", left=300, top=40, width=60, height=14, confidence=0.9, line=0),
        OcrWord(text=text, left=180, top=40, width=90, height=14, confidence=confidence, line=0),
    ]
    line = OcrLine(text=f"{text} מורשה", left=180, top=40, width=180, height=14, confidence=0.85)
    return OcrPage(
        number=1,
        text=line.text,
        method="ocr",
        confidence=0.85,
        width=400,
        height=100,
        words=words,
        lines=[line],
    )


class TestWhichIdsAreLookedAt:
    def test_only_ids_failing_their_check(self) -> None:
        page = _page("531200617")
        assert id_choices.failing_ids(page.words) == [1]
        assert id_choices.failing_ids(_page("531200517").words) == []  # passes
        assert id_choices.failing_ids(_page("04-6261731").words) == []  # a phone's shape

    def test_the_one_passing_digit_per_position(self) -> None:
        passing = [id_choices.passing_digit("531200617", i) for i in range(9)]
        assert passing == ["4", "7", "0", "6", "9", "9", "5", "5", "6"]


class TestRepairByChoices:
    def test_the_second_choice_that_passes_repairs(self) -> None:
        assert id_choices.repaired_by_choices("531200617", WEIGHED) == ("531200517", 0.695)

    def test_a_passing_digit_weighed_faintly_is_no_evidence(self) -> None:
        faint = [list(choices) for choices in WEIGHED]
        faint[6] = [("6", 0.973), ("5", 0.3), ("8", 0.632)]
        assert id_choices.repaired_by_choices("531200617", faint) is None

    def test_two_positions_weighed_leave_it_as_read(self) -> None:
        both = [list(choices) for choices in WEIGHED]
        both[0] = [("5", 0.975), ("4", 0.8)]  # 431200617 passes too, but is not issued (4...)
        assert id_choices.repaired_by_choices("531200617", both) == ("531200517", 0.695)
        both[7] = [("1", 0.994), ("5", 0.7)]  # 531200657 passes as well: the engine cannot say
        assert id_choices.repaired_by_choices("531200617", both) is None

    def test_a_crop_read_otherwise_says_nothing(self) -> None:
        assert id_choices.repaired_by_choices("531200617", WEIGHED[:8]) is None
        other = [list(choices) for choices in WEIGHED]
        other[2] = [("7", 0.9), ("1", 0.6)]
        assert id_choices.repaired_by_choices("531200617", other) is None

    def test_the_page_keeps_the_guess_weight(self) -> None:
        page = id_choices.with_repaired_word(_page("531200617"), 1, WEIGHED)
        assert page.words[1].text == "531200517"
        assert page.words[1].confidence == 0.695
        assert "531200517" in page.text
        assert id_choices.with_repaired_word(_page("531200617"), 1, WEIGHED[:8]).words[1].text == "531200617"

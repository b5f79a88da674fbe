"""Why a scan misread what its PDF twin read right: each cause from the texts alone."""

from __future__ import annotations

from bench.extraction import scan_causes as causes
from bench.extraction.scan_causes import classify, label_words, nearest_token, value_damage


class TestValueDamage:
    """The value is there on the scan, but changed: how."""

    def test_one_digit_changed_is_a_digit_misread(self) -> None:
        assert value_damage("512261827", "512201827", sign_before=False) == causes.DIGIT_MISREAD

    def test_an_extra_leading_digit_after_a_sign_is_the_sign(self) -> None:
        assert value_damage("2,480.00", "12,480.00", sign_before=True) == causes.SIGN_AS_DIGIT
        assert value_damage("2,480.00", "12,480.00", sign_before=False) != causes.SIGN_AS_DIGIT

    def test_same_digits_other_separators(self) -> None:
        assert value_damage("19220.94", "1922094", sign_before=False) == causes.SEPARATOR_LOST
        assert value_damage("1,234.50", "1.234,50", sign_before=False) == causes.SEPARATOR_LOST

    def test_same_digits_other_order_is_rtl(self) -> None:
        assert value_damage("1,234.50", "50.1,234", sign_before=False) == causes.RTL_ORDER

    def test_letters_read_as_digits(self) -> None:
        assert value_damage("IE68711721", "1668711721", sign_before=False) == causes.LETTERS_MISREAD


class TestClassify:
    """From the PDF's reading and the scan's lines to one cause."""

    def test_value_nowhere_on_the_scan_was_dropped(self) -> None:
        cause, _ = classify("4,310.00", "Total 4,310.00", ["Invoice 17", "Thank you"])
        assert cause == causes.VALUE_DROPPED

    def test_value_intact_label_garbled(self) -> None:
        cause, _ = classify("4,310.00", "Subtotal 4,310.00", ["Subtofal 4,310.00"])
        assert cause == causes.LABEL_MISREAD

    def test_value_intact_label_on_the_next_line(self) -> None:
        cause, _ = classify("4,310.00", "Subtotal 4,310.00", ["4,310.00", "Subtotal"])
        assert cause == causes.LINE_SPLIT

    def test_value_intact_label_gone(self) -> None:
        cause, _ = classify("4,310.00", "Subtotal 4,310.00", ["4,310.00", "Thank you"])
        assert cause == causes.LABEL_DROPPED

    def test_line_merged_with_its_neighbours(self) -> None:
        scan = ["Subtotal 4,310.00 Bank Leumi branch 912 account 334455 swift LUMIILIT"]
        assert classify("4,310.00", "Subtotal 4,310.00", scan)[0] == causes.LINE_MERGED

    def test_label_after_the_value_on_the_scan(self) -> None:
        assert classify("4,310.00", 'סה"כ 4,310.00', ['4,310.00 סה"כ'])[0] == causes.WORD_ORDER

    def test_everything_intact_leaves_the_rules(self) -> None:
        assert classify("4,310.00", "Subtotal 4,310.00", ["Subtotal 4,310.00"])[0] == causes.RULES


def test_nearest_token_joins_split_numbers() -> None:
    token, line, similarity = nearest_token("1,234.50", ["Total", "1,234. 50 EUR"])
    assert (token, line) == ("1,234.50", 1) and similarity == 1.0


def test_label_words_leave_out_the_value_and_numbers() -> None:
    assert label_words("Invoice No. 2024-117 of 12", "2024-117") == ["Invoice", "No.", "of"]

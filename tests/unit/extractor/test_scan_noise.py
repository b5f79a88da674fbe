"""Clean scans' OCR noise the rules see past: toner specks read as words, final mem read as samekh."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules, labels
from invoiceme_extractor.rules.layout import is_speck, without_specks

from .wordbox import ocr_page as _ocr_page
from .wordbox import ocr_word


class TestSpecks:
    """A box far smaller than the page's print holds no character."""

    def test_a_dot_of_a_few_pixels_is_a_speck_a_letter_or_a_minus_is_not(self) -> None:
        assert is_speck(ocr_word(".", 0, 0, 0, width=3, height=3), typical_height=20)
        assert is_speck(ocr_word("2", 0, 0, 0, width=3, height=2), typical_height=20)
        assert not is_speck(ocr_word("i", 0, 0, 0, width=5, height=18), typical_height=20)
        assert not is_speck(ocr_word("-", 0, 0, 0, width=5, height=2), typical_height=20)
        assert not is_speck(ocr_word(".", 0, 0, 0, width=3, height=3), typical_height=8)

    def test_specks_leave_and_print_stays(self) -> None:
        words = [
            ocr_word("Total", 100, 500, 0),
            ocr_word(",", 200, 510, 0, 2, 2),
            ocr_word("4,310.00", 300, 500, 0),
        ]
        assert [word.text for word in without_specks(words)] == ["Total", "4,310.00"]

    def test_a_speck_between_value_and_label_no_longer_parts_them(self) -> None:
        # a key/value grid printing the value before its label; the speck is a cell between them
        words = [
            ocr_word("A-77109", 223, 863, 0, 131, 31),
            ocr_word(".", 721, 888, 0, 3, 3),
            ocr_word("Invoice", 938, 866, 0, 109, 26),
            ocr_word("Number:", 1059, 862, 0, 129, 48),
            ocr_word("Date:", 100, 960, 1),
            ocr_word("12.03.2024", 200, 960, 1),
        ]
        assert extract_with_rules([_ocr_page(words)]).invoice_number == "A-77109"


class TestFinalMemAsSamekh:
    """Every Hebrew label ending in ם also matches the ס OCR reads for it, and nothing else changes."""

    def test_total_label_with_final_mem_misread(self) -> None:
        assert labels.TOTAL_STRONG.search("לתשלוס 2,458.63")
        assert labels.TOTAL_STRONG.search("לתשלום 2,458.63")

    def test_folding_patterns_again_keeps_them_valid(self) -> None:
        folded = labels.any_of(labels.TOTAL_STRONG.pattern, r"שולם")
        assert folded.search("שולס") and folded.search('סה"כ לתשלום') and "[[" not in folded.pattern

    def test_words_ending_in_samekh_are_not_made_labels(self) -> None:
        assert not labels.TOTAL_STRONG.search("מס 2,458.63")
        # its samekh may be read as pe, final mem or tet
        assert labels.as_ocr_reads("סכום") == "[ספםט]כו[םס]"


class TestTitlesAsScansPrintThem:
    """Document types whose title a scan's OCR damaged in a known way."""

    def test_slash_between_types_read_as_a_bar(self) -> None:
        from invoiceme_extractor.rules.titles import type_of

        for title in ("TAX INVOICE | RECEIPT", "חשבונית מס | קבלה"):
            found = type_of(title)
            assert found is not None and found[0] == "tax_invoice_receipt"

    def test_crumb_before_the_title_and_kaf_read_as_bet(self) -> None:
        from invoiceme_extractor.rules.titles import type_of_cell

        for text, code in (
            ("7 קבלה - מקור", "receipt"),
            ("| קבלה", "receipt"),
            ("חשבונית מס זיבוי", "credit_note"),
        ):
            found = type_of_cell(text)
            assert found is not None and found[0] == code
        assert type_of_cell("12 בספטמבר") is None

    def test_cedilla_c_read_as_g(self) -> None:
        from invoiceme_extractor.rules.titles import type_of

        found = type_of("REGU")
        assert found is not None and found[0] == "receipt"


class TestIrishAndItalianPrefix:
    """The I of IE / IT read as 1, l or |: the id keeps its country."""

    def test_prefix_undone(self) -> None:
        from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id

        assert eu_vat_ids("VAT Reg. No.: 1E68711721 , Date") == ["1E68711721"]
        assert normalize_tax_id("1E68711721") == "IE68711721"
        assert normalize_tax_id("lT12345678901") == "IT12345678901"

    def test_other_numbers_untouched(self) -> None:
        from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id

        assert eu_vat_ids("Tel 1E 2024 15 12345678") == []
        assert normalize_tax_id("123456789") == "123456789"


class TestAmountsAScanGarbled:
    """Misreads undone only where the printed arithmetic proves them."""

    def test_sign_read_as_two_digits_and_point_lost_after_groups(self) -> None:
        from invoiceme_extractor.rules.repair import confusion_variants, misread_variants

        assert 5606.15 in misread_variants(195606.15, "195,606.15")
        assert 36751.42 in misread_variants(3675142.0, "36,75142")
        assert 1060.11 in misread_variants(1.06, "1.06011")
        assert 123.46 not in misread_variants(12345.67, "12,345.67")  # a decimal point is there
        assert 5048.13 in confusion_variants(3048.13, "3.048,13")

    def test_all_three_garbled_still_add_up_at_a_standard_rate(self) -> None:
        from invoiceme_extractor.rules.lines import document_lines
        from invoiceme_extractor.rules.totals import find_totals

        text = 'סכום ביניים 931,145.27\nמע"מ 18% 195,606.15\nסה"כ כולל מע"מ ₪36,75142'
        totals = find_totals(document_lines([(1, text)]))
        assert totals.subtotal is not None and totals.subtotal.value == 31145.27
        assert totals.vat_amount is not None and totals.vat_amount.value == 5606.15

    def test_a_pair_against_the_printed_rate_is_no_pair(self) -> None:
        from invoiceme_extractor.rules.lines import document_lines
        from invoiceme_extractor.rules.totals import find_totals

        # 195,606.15 / 931,145.27 is 21 %, a standard rate, but the line prints 18 %: both carry the
        # sign read as digits, and undone they give 18 %
        text = 'סכום ביניים 931,145.27\nמע"מ 18% 195,606.15\nסה"ב בולל מע"מ'
        totals = find_totals(document_lines([(1, text)]))
        assert totals.subtotal is not None and totals.subtotal.value == 31145.27
        assert totals.total is not None and totals.total.value == 36751.42


class TestMirroredBrackets:
    """Tesseract gives a Hebrew run's brackets as drawn: ')1998(' is (1998)."""

    def test_mirrored_pair_after_hebrew_turned_back(self) -> None:
        from invoiceme_extractor.text import normalize_line

        assert normalize_line("רימון הנדסה )1998(") == "רימון הנדסה (1998)"
        assert normalize_line('סה"כ )ראה נספח( 100') == 'סה"כ (ראה נספח) 100'

    def test_brackets_the_right_way_and_latin_untouched(self) -> None:
        from invoiceme_extractor.text import normalize_line

        assert normalize_line("(1998) שקד סחר") == "(1998) שקד סחר"
        assert normalize_line("a) first item b) second (c") == "a) first item b) second (c"


def test_numero_sign_read_as_an_asterisk() -> None:
    from invoiceme_extractor.text import normalize_line

    assert normalize_line("Facture N*: F-8162") == "Facture N°: F-8162"
    assert normalize_line("N* TVA FR18296949589") == "N° TVA FR18296949589"
    assert normalize_line("Total* 12.00 n*w") == 'Total* 12.00 ש"ח'  # an asterisk elsewhere stays


def test_total_label_that_lost_its_t_still_names_the_total() -> None:
    from invoiceme_extractor.rules.amount_candidates import classify

    assert classify("otal incl. VAT 4,604.75") == "total_strong"
    assert classify("Subtotal 4,334.00") == "subtotal"
    assert classify("VAT @ 6.25% 270.87") == "vat"


class TestPayableWithItsAccentLost:
    """'Net à payer' read without its accent still names the amount paid, not the net: on a till
    slip it stands over the VAT included and the rate's row."""

    def test_label_is_the_total(self) -> None:
        from invoiceme_extractor.rules.amount_candidates import classify

        assert classify("Net a payer 114,03 €") == "total_strong"
        assert classify("Net á payer 114,03 €") == "total_strong"
        assert classify("Montant HT 95,02") == "subtotal"

    def test_till_slip(self) -> None:
        text = (
            "Café du Port\nNet a payer 114,03 €\nTVA incluse 19,01\nCB ****6991 114,03\nS @ 20% 95,02 19,01"
        )
        result = extract_with_rules([(1, text)])
        assert (result.subtotal, result.vat_amount, result.total, result.vat_rate) == (
            95.02,
            19.01,
            114.03,
            0.2,
        )

"""A thousands mark OCR read as a colon or a semicolon ('7:091,14', '10;162.84'): the amount is read
whole, not from its last group."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amounts import repair_ocr_numbers

from .wordbox import ocr_page, ocr_words


class TestThousandsMarkMisreads:
    """Three digits and decimals after a colon or semicolon make one amount."""

    def test_a_semicolon_for_the_thousands_comma(self) -> None:
        assert repair_ocr_numbers("Total | 10;162.84") == "Total | 10162.84"
        assert repair_ocr_numbers("-7:091,14") == "-7091,14"

    def test_a_list_is_left_alone(self) -> None:
        assert repair_ocr_numbers("Items 3;4") == "Items 3;4"
        assert repair_ocr_numbers("Codes 12;34") == "Codes 12;34"

    def test_a_speck_beside_the_thousands_mark(self) -> None:
        assert repair_ocr_numbers("von 34,.025,74 EUR") == "von 34025,74 EUR"

    def test_a_semicolon_for_the_decimal_mark_after_thousands_groups(self) -> None:
        # the groups' mark says which one the decimal mark is
        assert repair_ocr_numbers("(5.432;68 EUR)") == "(5.432,68 EUR)"
        assert repair_ocr_numbers("1,234;56") == "1,234.56"

    def test_a_sentence_stating_the_vat_read_with_both_misreads(self) -> None:
        words = ocr_words("Alpen Software e.K.", 100, 100, 0) + ocr_words("Rechnung RE-16682", 100, 200, 1)
        sentence = "Der Rechnungsbetrag von 34,.025,74 EUR enthalt 19 % MwSt. (5.432;68 EUR)."
        words += ocr_words(sentence, 100, 700, 4)
        fields = extract_with_rules([ocr_page(words)])
        assert (fields.total, fields.vat_amount, fields.vat_rate) == (34025.74, 5432.68, 0.19)

    def test_a_total_printed_alone_is_read_whole(self) -> None:
        words = (
            ocr_words("Harbor Consulting LLC", 100, 100, 0)
            + ocr_words("Invoice No. 4711", 100, 200, 1)
            + ocr_words("Total", 100, 700, 4)
            + ocr_words("10;162.84", 600, 700, 4)
        )
        assert extract_with_rules([ocr_page(words)]).total == 10162.84


class TestDecimalMarkLost:
    """Five digits after one mark, before a currency sign: a thousands group and the cents, the decimal
    mark between them lost ('6.02125 €' for 6.021,25 €)."""

    def test_the_mark_is_put_back_before_a_sign(self) -> None:
        assert repair_ocr_numbers("Umsatzsteuer 19% 6.02125 €") == "Umsatzsteuer 19% 6.021,25 €"
        assert repair_ocr_numbers("12,34567 EUR") == "12,345.67 EUR"

    def test_an_exchange_rate_keeps_its_decimals(self) -> None:
        assert repair_ocr_numbers("Kurs 1.12834") == "Kurs 1.12834"

    def test_two_rates_vat_summed_with_one_read_so(self) -> None:
        rows = [
            ("Weber Software AG Rechnung 9380535", 0),
            ("Summe netto 39.509,54 €", 1),
            ("Umsatzsteuer 19% 6.02125 €", 2),
            ("Umsatzsteuer 7% 547,31 €", 3),
            ("Gesamtbetrag 46.078,10 €", 4),
        ]
        words = [w for text, line in rows for w in ocr_words(text, 100, 100 + 60 * line, line)]
        assert extract_with_rules([ocr_page(words)]).vat_amount == 6568.56

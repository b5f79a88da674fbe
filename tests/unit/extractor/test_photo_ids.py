"""Israeli ids a phone photo's OCR damaged in ways the check digit can undo: one digit read as a
look-alike letter or sign ('$12261827' for 512261827)."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.id_repair import id_from_lookalikes, lookalike_ids
from invoiceme_extractor.rules.tax_ids import normalize_tax_id


class TestLookalikeDigits:
    """A 9-character token with exactly one look-alike stands for the id only if the id is valid."""

    def test_dollar_and_s_read_for_five(self) -> None:
        assert id_from_lookalikes("$12261827") == "512261827"
        assert id_from_lookalikes("S12261827") == "512261827"

    def test_letter_o_inside_the_digits(self) -> None:
        assert id_from_lookalikes("51226I827") == "512261827"

    def test_an_invalid_reading_is_no_id(self) -> None:
        assert id_from_lookalikes("$12261828") is None

    def test_two_lookalikes_or_a_word_are_not_tokens(self) -> None:
        assert lookalike_ids("SS2261827 SOLUTIONS $122618271 a$12261827") == []

    def test_token_found_in_a_line(self) -> None:
        assert lookalike_ids("עמ: $12261827 63891") == ["$12261827"]

    def test_grouped_as_ids_are_printed(self) -> None:
        assert lookalike_ids("מס' עוסק $22-177-484") == ["$22-177-484"]
        assert id_from_lookalikes("$22-177-484") == "522177484"
        assert id_from_lookalikes("$2024231-4") == "520242314"
        assert lookalike_ids("$2-345-678-9 SS-2261827 $2024231-4§") == []  # no id's grouping, two signs


class TestInTheDecision:
    def test_hebrew_vendor_id_with_five_read_as_dollar(self) -> None:
        text = 'צוקים טכנולוגיות בע"מ\nעמ: $12261827\nסה"כ לתשלום 100.00'
        result = extract_with_rules([(1, text)])
        assert result.vendor_tax_id == "512261827" and result.confidence["vendor_tax_id"] <= 0.8

    def test_not_on_an_english_page(self) -> None:
        result = extract_with_rules([(1, "Orion Works Co.\nTax ID: S12261827\nTotal 100.00")])
        assert result.vendor_tax_id != "512261827"


class TestDamagedOrdinalLabels:
    """'Nº' as photo OCR reads it, in a label whose value sits in another cell or under it."""

    def test_factura_n2_ending_its_cell(self) -> None:
        result = extract_with_rules([(1, "Mar SA\nFactura n2\nFAC-11007\nTotal 5,00")])
        assert result.invoice_number == "FAC-11007"

    def test_n_degree_of_de_facture_read_as_letters_and_a_quote(self) -> None:
        result = extract_with_rules([(1, 'Etoile SARL\nnN" de facture\n2026-0580\nTotal 5,00')])
        assert result.invoice_number == "2026-0580"

    def test_number_split_after_its_prefix_hyphen(self) -> None:
        result = extract_with_rules([(1, "Mar SA\nFactura nº\nFAC- 11007\nTotal 5,00")])
        assert result.invoice_number == "FAC-11007"


class TestIdConfidence:
    def test_hebrew_id_failing_its_check_digit_is_doubted(self) -> None:
        # 581200517 fails the check digit and has several one-digit repairs: kept as read, doubted
        result = extract_with_rules([(1, 'כרמל סחר בע"מ\nעוסק מורשה 581200517\nסה"כ לתשלום 100.00')])
        assert result.vendor_tax_id == "581200517" and result.confidence["vendor_tax_id"] <= 0.7

    def test_a_valid_id_keeps_its_confidence(self) -> None:
        result = extract_with_rules([(1, 'כרמל סחר בע"מ\nעוסק מורשה 531200517\nסה"כ לתשלום 100.00')])
        assert result.vendor_tax_id == "531200517" and result.confidence["vendor_tax_id"] >= 0.9


def test_letter_o_inside_an_eu_vat_number() -> None:
    assert normalize_tax_id("ESAO6568467") == "ESA06568467"
    assert normalize_tax_id("DE 136 695 976") == "DE136695976"


def test_number_split_after_its_slash() -> None:
    result = extract_with_rules([(1, "Summit Ltd\nReceipt No.\n89 King Street, Dublin 83/ 1808\nTotal 5.00")])
    assert result.invoice_number == "83/1808"


def test_the_d_of_de_read_as_a_zero() -> None:
    """'0E136695976': a German VAT number's D read as 0 (or O), before its nine digits only."""
    assert normalize_tax_id("0E136695976") == "DE136695976"
    assert normalize_tax_id("OE136695976") == "DE136695976"
    page = "Sonnen Technik GmbH\nUSt-IdNr. 0E136695976\nRECHNUNG\nGesamt 10,00"
    assert extract_with_rules([(1, page)]).vendor_tax_id == "DE136695976"
    assert normalize_tax_id("0E1366959761") != "DE1366959761"  # ten digits: not a German number

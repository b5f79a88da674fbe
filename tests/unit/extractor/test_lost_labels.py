"""Totals whose labels OCR lost, read from the arithmetic of nearby amounts; currency from what the
page states rather than from marks OCR may have invented."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules


def extract(text: str):  # type: ignore[no-untyped-def]
    return extract_with_rules([(1, text)])


class TestLostLabels:
    def test_base_and_total_around_a_vat_line(self) -> None:
        text = 'אור בע"מ\nD130 ביניים 28,259.53\nמע"מ 18% 5,086.72\nסה ש"ח 33,346.25'
        result = extract(text)
        assert (result.subtotal, result.vat_amount, result.total) == (28259.53, 5086.72, 33346.25)
        assert result.confidence["total"] < 0.9

    def test_cash_minus_change_is_the_total(self) -> None:
        result = extract("קפה בע\"מ\nמס' פריטים 16\nשולם במזומן 650.00\nעודף 30.40")
        assert result.total == 619.6 and result.confidence["total"] < 0.9

    def test_amount_in_the_total_labels_own_cell_beats_the_column_under_it(self) -> None:
        result = extract("Shop\nTotal (Inclusive GST 6%) RM 31.80\nCASH 50.00\nCHANGE RM 18.20")
        assert result.total == 31.8


class TestCurrency:
    def test_stated_currency_beats_stray_marks(self) -> None:
        assert extract("Acme Ltd\nTotal ₪ 6,296.38\n₪ ₪\nAll amounts in GBP").currency == "GBP"

    def test_iso_code_outweighs_an_ocr_shekel_on_an_english_page(self) -> None:
        assert extract("Acme Ltd\nSKU ]₪ Description\nTotal ₪ 6,296.38 USD").currency == "USD"


class TestTotalThatWasTheNet:
    """A sum line whose 'before'/'including' word OCR lost reads as the total until the VAT and a
    later unlabelled amount show it was the net."""

    def test_net_plus_vat_printed_after_it(self) -> None:
        text = 'חשבונית מס\nסה"כ 357+ מע"מ 20,130.60\nמע"מ 3,422.20\nRe 2° 23,552.80 לט'
        result = extract_with_rules([(1, text)])
        assert (result.subtotal, result.vat_amount, result.total) == (20130.6, 3422.2, 23552.8)
        assert result.confidence["total"] < 0.9

    def test_a_total_including_vat_stays_the_total(self) -> None:
        text = 'חשבונית מס\nמע"מ 3,422.20\nסה"כ 357+ מע"מ 23,552.80\nתודה'
        assert extract_with_rules([(1, text)]).total == 23552.8


class TestPartWithItsPointLost:
    """A row of net, VAT and total whose labels OCR lost, the VAT read as a bare run of digits
    ('4,922.62' as ')492262('): its last two digits are the cents when it makes the total."""

    def test_hebrew_strip_row(self) -> None:
        result = extract_with_rules([(1, 'אור בע"מ\n(27,347.90) )492262( ₪32,270.52(')])
        assert (result.subtotal, result.vat_amount, result.total) == (27347.9, 4922.62, 32270.52)
        assert result.confidence["vat_amount"] < 0.9

    def test_english_row(self) -> None:
        result = extract_with_rules([(1, "Acme Ltd\n2,500.00 | 50000 | 3,000.00")])
        assert (result.subtotal, result.vat_amount, result.total) == (2500.0, 500.0, 3000.0)

    def test_two_digit_runs_make_no_parts(self) -> None:
        result = extract_with_rules([(1, "Acme Ltd\nRef 100000 17000\n1,170.00")])
        assert result.subtotal is None and result.vat_amount is None

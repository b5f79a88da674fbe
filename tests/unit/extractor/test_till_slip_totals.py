"""Till slip totals where OCR kept the right amounts but damaged what points at them: a 5 read as a
section sign before the cents, a payment row under a total whose amount is garbled, a tax-inclusive
total read as the VAT, a cash rounding whose own amount is misread, and the amount due after groups
of supplies at their rates."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import candidates
from invoiceme_extractor.rules.amounts import amounts_in
from invoiceme_extractor.rules.lines import Line, document_lines
from invoiceme_extractor.rules.totals import find_totals

from .wordbox import page


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


def _total(*texts: str) -> float | None:
    total = find_totals(_lines(*texts)).total
    return total.value if total else None


class TestSectionSignForFive:
    """A bold 5 read as '§' right before the decimal point is still the amount's 5."""

    def test_the_cents_after_the_sign(self) -> None:
        assert [value for value, _ in amounts_in("Total Sales (Inclusive of GST) : §.30")] == [5.3]


class TestUForZero:
    """A 0 read as U between a digit and the decimal mark ('RM10U. 00') is still the amount's 0."""

    def test_tendered_less_change_is_read(self) -> None:
        assert [value for value, _ in amounts_in("CASH RM10U. 00")] == [100.0]
        assert _total("SUBTOTAL RMS6. 20", "CASH RM10U. 00", "YOUR CHANGE RM3. 80") == 96.2

    def test_a_u_in_a_word_stays(self) -> None:
        assert amounts_in("UNIT 4U") == [] or all(value != 40.0 for value, _ in amounts_in("UNIT 4U"))


class TestSlashGluedToAmount:
    """A rule or colon OCR read as a slash glued to the amount ('—/18.00') is no date or fraction."""

    def test_after_a_mark(self) -> None:
        assert [value for value, _ in amounts_in("CASH ~~: —/18.00")] == [18.0]

    def test_after_a_digit_or_a_word_it_stays_unread(self) -> None:
        assert amounts_in("12/18.00") == [] and amounts_in("A/18.00") == []


class TestPaymentRowUnderTotal:
    """The row under a total label whose amount OCR garbled is the cash tendered, not the total."""

    def test_the_tendered_amount_is_no_total(self) -> None:
        layer = page(
            ("SUB TOTAL", 100, 400),
            ("10.00", 600, 400),
            ("GRAND TOTAL", 100, 440),
            ("10 08", 600, 440),
            ("CASH 20.00 MYR", 100, 480),
            ("20.90", 600, 480),
            ("CHANGE DUE 10.00", 100, 520),
        )
        found = candidates(document_lines([layer]))
        assert all(value != 20.0 and value != 20.9 for value, _, _ in found.get("total_strong", []))


class TestCashUnderTotal:
    def test_cash_tendered_under_a_stacked_label_is_no_total(self) -> None:
        found = candidates(_lines("Item 1 10.00", "TOTAL", "CASH 20.00", "CHANGE 10.00"))
        assert found.get("total_plain", []) == []

    def test_cash_without_change_under_a_stacked_label_is_its_amount(self) -> None:
        found = candidates(_lines("Item 1 10.00", "TOTAL", "CASH 10.00", "Thank you"))
        assert [value for value, _, _ in found.get("total_plain", [])] == [10.0]

    def test_cash_without_change_under_the_label_is_the_total(self) -> None:
        assert _total("Transaction No: 1-8046", "TOTAL AMOUNT", "CASH RM 6.00", "Thank You") == 6.0

    def test_cash_with_change_under_it_is_what_was_tendered(self) -> None:
        assert _total("Item 2 3.20 6.40", "TOTAL AMOUNT", "CASH RM 10.00", "CHANGE RM 3.60") != 10.0


class TestDiscountAfterLostTotal:
    def test_a_discount_is_no_largest_last_amount(self) -> None:
        lines = ("Price Amount", "330 4.70", "Total Sales Inclusive GST :", "Total Item Discount: 6.00")
        assert _total(*lines) == 4.7


class TestImplausibleVat:
    """A 'VAT' as large as the net is a tax-inclusive total whose label OCR damaged: the total is not
    their sum."""

    def test_a_zero_rated_slip_whose_inclusive_total_read_as_vat(self) -> None:
        assert _total("Total (Excluding GST): 4.80", "Total (Ine lusive of GST): 4.80") == 4.8

    def test_a_subtotal_standing_for_the_total_is_not_repaired_by_its_vat(self) -> None:
        lines = ("SUB TOTAL 10.00", "GRAND TOTAL 10 08", "ZRL:0% GOODS:10.00 TAX: 6.00")
        assert _total(*lines) == 10.0


class TestRoundingAmountMisread:
    """An exact total off the coin's step under a rounding line, and cash paid a coin from it on the
    step: the rounded total, whatever amount OCR read on the rounding line."""

    def test_cash_paid_gives_the_rounded_total(self) -> None:
        lines = ("TOTAL 60,34", "ROUNDING ADJ -0.01", "CASH 70.30", "CHANGE 10.00")
        assert _total(*lines) == 60.3

    def test_without_a_rounding_line_the_total_stands(self) -> None:
        assert _total("TOTAL 60,34", "CASH 70.30", "CHANGE 10.00") == 60.34


class TestDueAfterGroups:
    """The amount due after groups of supplies at their rates is the total, not the taxed group's sum."""

    def test_a_return_group_taken_off(self) -> None:
        lines = (
            "Total 6% supplies (excl. GST): 28.32",
            "GST: 1.69",
            "Total 6% supplies (Inc. GST): 30.01",
            "Total 0% supplies: 7.43",
            "Total Payable: 22.58",
        )
        assert _total(*lines) == 22.58

    def test_a_prepayment_taken_off_leaves_the_total(self) -> None:
        lines = (
            "Total HT 100.00",
            "TVA 20% 20.00",
            "Total TTC 120.00",
            "Acompte 100.00",
            "Net à payer 20.00",
        )
        assert _total(*lines) == 120.0


class TestPointLost:
    """A total's amount read with its decimal point lost ('30 45.') is taken where another row prints
    that amount; alone it says nothing."""

    def test_a_tax_summary_repeats_it(self) -> None:
        lines = (
            "Discount 0.00",
            "Total Sales inclusive GST@0.00%: = =~ 30 45.",
            "Cash 50.00",
            "Change 19.55",
            "S 0.00 30.45",
        )
        assert _total(*lines) == 30.45

    def test_no_other_reading_no_total(self) -> None:
        assert _total("Discount 0.00", "Total Sales inclusive GST@0.00%: = =~ 30 45.", "Thank you") is None


class TestPaidAsPrinted:
    """'Paid 4.00' with no change and no total read, the same amount printed on another row."""

    def test_the_paid_amount_is_the_total(self) -> None:
        lines = (
            "Parking Fee Rate A RM4.00",
            "Amount [4.118 77",
            "GST 6.00 * 7",
            'Total 700 "0',
            "Paid aa) 4.00",
        )
        assert _total(*lines) == 4.0


class TestPaymentAndDiscountAgree:
    """What was paid and the subtotal less its discount agree to the cent: they outvote a total read
    two digits wrong."""

    def test_two_sums_outvote_the_total(self) -> None:
        lines = (
            "Sub-Total 3 57.00",
            "Coupon Discount : 17.40",
            "Grand Total : 33.80",
            "Payment : 40.00",
            "Change Due ; 00.40",
        )
        assert _total(*lines) == 39.6

    def test_a_payment_alone_does_not(self) -> None:
        lines = ("Sub-Total 3 57.00", "Grand Total : 33.80", "Payment : 40.00", "Change Due ; 00.40")
        assert _total(*lines) == 33.8

"""Totals that three (or two) printed amounts settle to the cent when labels are lost or misread: a
credit note's VAT lines per rate, a VAT line whose label OCR garbled beside a net read alone, a net
whose label still reads as a total's, and amounts OCR split with a space after a currency sign."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amounts import adds_up, money_in
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.totals import Totals, find_totals

from .wordbox import page


def _totals(text: str) -> Totals:
    return find_totals(document_lines([(1, text)]))


def _values(totals: Totals) -> tuple[float | None, float | None, float | None]:
    return tuple(item.value if item else None for item in (totals.subtotal, totals.vat_amount, totals.total))  # type: ignore[return-value]


class TestAddsUp:
    """Net + VAT = total to the cent, the one check every rule of the three amounts asks."""

    def test_float_error_is_no_difference(self) -> None:
        assert 0.1 + 0.2 != 0.3 and adds_up(0.1, 0.2, 0.3)
        assert adds_up(22409.87, 4254.47, 26664.34) and adds_up(-22409.87, -4254.47, -26664.34)

    def test_one_cent_of_rounding_agrees_two_do_not(self) -> None:
        assert adds_up(100.00, 18.00, 118.01)
        assert not adds_up(100.00, 18.00, 118.02)


class TestCreditNoteWithSeveralRates:
    """A credit note's VAT lines per rate are summed as an invoice's are: all parts negative."""

    def test_negative_vat_lines_at_two_rates_add_up_with_the_net(self) -> None:
        totals = _totals(
            "GUTSCHRIFT\nZwischensumme 22.409,87-\nUmsatzsteuer 19% 4.252,49-\n"
            "Umsatzsteuer 7% 1,98-\nSumme €26.664,34-"
        )
        assert _values(totals) == (-22409.87, -4254.47, -26664.34)

    def test_an_invoices_lines_still_add_up(self) -> None:
        totals = _totals(
            "RECHNUNG\nZwischensumme 22.409,87\nUmsatzsteuer 19% 4.252,49\n"
            "Umsatzsteuer 7% 1,98\nSumme €26.664,34"
        )
        assert _values(totals) == (22409.87, 4254.47, 26664.34)


class TestVatBesideALoneNet:
    """The net read alone: the amount after it that is its VAT to the cent is the VAT."""

    def test_a_bare_rate_and_amount_after_the_net_is_its_vat(self) -> None:
        totals = _totals("Rechnung\nZwischensumme 21.945,01\n19% 4.169,55\nVielen Dank")
        assert _values(totals) == (21945.01, 4169.55, 26114.56)
        assert totals.vat_rate is not None and totals.vat_rate.value == pytest.approx(0.19)

    def test_an_amount_that_is_no_vat_of_the_net_is_not_taken(self) -> None:
        totals = _totals("Rechnung\nZwischensumme 21.945,01\n19% 4.170,55\nVielen Dank")
        assert totals.vat_amount is None

    def test_an_item_above_the_net_is_not_taken(self) -> None:
        totals = _totals("Rechnung\nBeratung 4.169,55\nZwischensumme 21.945,01\nVielen Dank")
        assert totals.vat_amount is None


class TestNetUnderATotalsLabel:
    """A net whose label reads as a total's, followed by its VAT and the sum of both."""

    def test_the_vat_and_gross_after_it_make_it_the_net(self) -> None:
        totals = _totals('חשבונית מס זיכוי\nסך הכל חייב במע"ם -5,282.57\nמט"מ -898.04\n1א 6,180.61-')
        assert _values(totals) == (-5282.57, -898.04, -6180.61)

    def test_a_total_followed_by_unrelated_amounts_stays_the_total(self) -> None:
        totals = _totals("Invoice\nTotal 5,282.57\nPaid 898.04\nBalance 6,100.00")
        assert _values(totals)[2] == 5282.57


class TestSpacesOcrPutInAmounts:
    """A space after a thousands comma or around a decimal mark, after a currency sign."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [("₪20, 534.32-", -20534.32), ("€2188 , 50", 2188.5), ("€379, 82", 379.82), ("$1, 234.50", 1234.5)],
    )
    def test_after_a_currency_sign_the_amount_is_read_whole(self, text: str, value: float) -> None:
        assert [found for found, _ in money_in(text)] == [value]

    @pytest.mark.parametrize("text", ["Qty 12, 345.67", "1.00, 345.00"])
    def test_without_a_sign_a_comma_and_space_part_two_numbers(self, text: str) -> None:
        assert len(money_in(text)) <= 2 and all(found < 1000 for found, _ in money_in(text))


class TestTotalBesideARateRow:
    """A total read alone and a row that proves itself by its rate (a till slip's VAT breakdown)."""

    def test_a_total_smaller_than_the_rows_net_is_derived_from_the_row(self) -> None:
        totals = _totals('צוקים סחר בע"מ\nסה"כ לתשלום 2.01\nשולם במזומן 500.00\nפירוט מע"מ\n18% 399.16 71.85')
        assert _values(totals) == (399.16, 71.85, 471.01)

    def test_a_total_the_row_adds_up_to_keeps_its_reading(self) -> None:
        totals = _totals(
            'צוקים סחר בע"מ\nסה"כ לתשלום 471.01\nשולם במזומן 500.00\nפירוט מע"מ\n18% 399.16 71.85'
        )
        assert _values(totals) == (399.16, 71.85, 471.01)

    def test_a_larger_total_that_disagrees_stays_alone(self) -> None:
        totals = _totals(
            'צוקים סחר בע"מ\nסה"כ לתשלום 980.00\nשולם במזומן 1000.00\nפירוט מע"מ\n18% 399.16 71.85'
        )
        assert _values(totals)[2] == 980.00


class TestTotalLabelWithASpeck:
    """'Zu .zahlen': a speck between the label's words; the total it labels repairs a misread VAT."""

    def test_the_labelled_total_and_net_repair_the_vat(self) -> None:
        laid_out = page(
            ("RECHNUNG", 100, 100),
            ("Summe netto", 100, 600),
            ("USt. 19%", 500, 600),
            ("Zu .zahlen", 900, 600),
            ("15846,51", 100, 640),
            ("3910,84", 500, 640),
            ("18857,35", 900, 640),
        )
        extracted = extract_with_rules([laid_out])
        assert (extracted.subtotal, extracted.vat_amount, extracted.total) == (15846.51, 3010.84, 18857.35)


class TestDigitOcrInserted:
    """A total with a digit OCR inserted ('717,441.80' for 77,441.80): net and VAT agree to the cent with
    the total less that digit."""

    def test_the_total_without_the_inserted_digit_adds_up(self) -> None:
        totals = _totals('Invoice\nSub-total 65,628.64\nVAT 11,813.16\nTOTAL 717,441.80 ש"ח')
        assert _values(totals) == (65628.64, 11813.16, 77441.80)

    def test_a_total_no_single_digit_explains_stays_as_read(self) -> None:
        totals = _totals('Invoice\nSub-total 65,628.64\nVAT 11,813.16\nTOTAL 712,345.80 ש"ח')
        assert _values(totals)[2] != 77441.80

"""OCR misreads undone only where the arithmetic proves them: a currency sign read as a digit, a lost
decimal point; a consistent reading is never changed."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.repair import misread_variants, plus_for_minus, split_thousands


class TestMisreadVariants:
    def test_shekel_sign_read_as_one(self) -> None:
        assert 2480.0 in misread_variants(12480.0, "12480.00")

    def test_dollar_read_as_nine(self) -> None:
        assert 1995.2 in misread_variants(91995.2, "91,995.20")

    def test_lost_decimal_point(self) -> None:
        assert 19220.94 in misread_variants(1922094.0, "1922094")

    def test_short_amounts_are_left_alone(self) -> None:
        assert misread_variants(8.5, "8.50") == []


class TestSplitThousands:
    """A thousands group OCR set apart by a wide gap ('2 998.71' read as 998.71) is one reading."""

    def test_group_before_the_amount_is_its_thousands(self) -> None:
        assert split_thousands(998.71, "998.71", "Montant TTC 2 998.71") == [2998.71]

    def test_millions_and_a_minus(self) -> None:
        assert split_thousands(-567.89, "-567.89", "Total -1 234 567.89") == [-1234567.89]

    def test_hebrew_line(self) -> None:
        assert split_thousands(480.0, "480.00", 'סה"כ לתשלום 2 480.00 ₪') == [2480.0]

    def test_a_minus_before_the_thousands(self) -> None:
        assert split_thousands(365.26, "365.26", "Montant HT -2 365.26 6") == [-2365.26]

    def test_no_group_before_or_already_grouped(self) -> None:
        assert split_thousands(998.71, "998.71", "Total 998.71") == []
        assert split_thousands(1998.71, "1,998.71", "Total 2 1,998.71") == []
        assert split_thousands(98.71, "98.71", "Total 2 98.71") == []


class TestPlusForMinus:
    """A credit note's minus read as a plus is one reading of the amount; a bare amount is not."""

    def test_plus_before_the_amount(self) -> None:
        assert plus_for_minus(2678.69, "2,678.69", "+2,678.69") == [-2678.69]
        assert plus_for_minus(2678.69, "2,678.69", "Total + 2,678.69 EUR") == [-2678.69]

    def test_no_plus_or_already_negative(self) -> None:
        assert plus_for_minus(2678.69, "2,678.69", "Total 2,678.69") == []
        assert plus_for_minus(-2678.69, "-2,678.69", "+-2,678.69") == []
        assert plus_for_minus(678.69, "678.69", "+2,678.69") == []


class TestCreditNoteSignsInTheDecision:
    """The parts of a credit note agree at a standard rate once a misread sign is undone."""

    def test_total_minus_read_as_plus(self) -> None:
        result = extract_with_rules([(1, "Zwischensumme -2,251.00\nGesamtbetrag +2,678.69")])
        assert (result.subtotal, result.vat_amount, result.total) == (-2251.0, -427.69, -2678.69)

    def test_net_with_its_thousands_apart(self) -> None:
        result = extract_with_rules([(1, "Montant HT -2 365.26 6\nMontant TTC -2 838,31 €")])
        assert (result.subtotal, result.vat_amount, result.total) == (-2365.26, -473.05, -2838.31)
        assert result.vat_rate == 0.2


class TestRepairInTheDecision:
    def test_total_with_sign_read_as_digit(self) -> None:
        text = 'אור בע"מ\nסה"כ לפני מע"מ 2,101.69\nמע"מ 18% 378.31\nסה"כ לתשלום 12480.00'
        result = extract_with_rules([(1, text)])
        assert result.total == 2480.0 and result.confidence["total"] < 0.9

    def test_total_with_its_thousands_set_apart_agrees_with_the_included_vat(self) -> None:
        result = extract_with_rules([(1, "Dupont SARL\nMontant TTC 2 998.71\ndont TVA 20% 499,79")])
        assert result.total == 2998.71 and result.confidence["total"] < 0.9

    def test_hebrew_total_with_its_thousands_set_apart(self) -> None:
        text = 'אור בע"מ\nסה"כ לפני מע"מ 2,101.69\nמע"מ 18% 378.31\nסה"כ לתשלום 2 480.00'
        result = extract_with_rules([(1, text)])
        assert result.total == 2480.0 and result.confidence["total"] < 0.9

    def test_a_quantity_before_a_price_stays_apart_without_agreement(self) -> None:
        result = extract_with_rules([(1, "Acme Ltd\nSubtotal 2 150.00\nVAT 18% 27.00\nTotal 177.00")])
        assert result.subtotal == 150.0

    def test_inconsistent_amounts_stay_as_printed(self) -> None:
        result = extract_with_rules([(1, "Acme Ltd\nSubtotal 100.00\nVAT 18% 18.00\nTotal 128.00")])
        assert result.total != 118.0 or result.confidence["total"] < 0.7


class TestLostLabels:
    def test_subtotal_and_vat_without_labels_above_the_total(self) -> None:
        text = (
            "Shop Ltd\nConsulting 1 x $903.31 $903.31\nSupport 1 x $437.69 $437.69\n"
            "$1,341.00\n$107.28\nTotal .... $1,448.28"
        )
        result = extract_with_rules([(1, text)])
        assert (result.subtotal, result.vat_amount, result.total) == (1341.0, 107.28, 1448.28)
        assert result.confidence["vat_amount"] < 0.9  # the items confirm the subtotal, not the VAT

    def test_invoice_number_with_one_read_as_lowercase_l(self) -> None:
        assert extract_with_rules([(1, "Shop Ltd\nInvoice No: Al648\nTotal 5.00")]).invoice_number == "A1648"


class TestReceiptTotals:
    """What is paid is the total; a card charge stands in when the total line is lost; an items
    table's 'Total' column holds line amounts, not the invoice total."""

    def test_net_a_payer_is_the_total(self) -> None:
        text = "Dupont SARL\nSous-total HT 4 432,89\nTVA (10%) 443,29\nNet à payer €4 876,18"
        result = extract_with_rules([(1, text)])
        assert (result.subtotal, result.total) == (4432.89, 4876.18)

    def test_card_charge_when_no_total_is_printed(self) -> None:
        result = extract_with_rules(
            [(1, "Shop\nCoffee 1 x 43.24 43.24\nItem count 11\nVISA ****4024 406.20")]
        )
        assert result.total == 406.2 and result.confidence["total"] < 0.7

    def test_items_total_column_is_not_the_total(self) -> None:
        text = "Shop Ltd\nItem Units Price Total\nToner 3 16441.16 49323.48\nPaper 1 3648.43 3648.43"
        assert extract_with_rules([(1, text)]).total != 49323.48

    def test_dollar_sign_read_for_a_letter_s_in_an_id(self) -> None:
        assert (
            extract_with_rules([(1, "Shop Ltd\nDocument No. $529672\nTotal 5.00")]).invoice_number
            == "S529672"
        )


class TestLineItemsConfirm:
    def test_items_adding_up_to_the_subtotal_raise_its_confidence(self) -> None:
        text = "Shop Ltd\nDesk 2 x 100.00 200.00\nLamp 1 x 50.00 50.00\nNet amount 250.00\nTotal 295.00"
        result = extract_with_rules([(1, text)])
        assert result.subtotal == 250.0 and result.confidence["subtotal"] >= 0.9

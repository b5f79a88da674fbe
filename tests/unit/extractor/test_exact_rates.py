"""Amounts agreeing through a VAT rate to the cent outweigh amounts that only come close, and a bare
column of three amounts counts when it is exact; EU VAT numbers a photo damaged (glued letters, a
letter read for one digit, E read as £)."""

from __future__ import annotations

from invoiceme_common.tax_id_formats import eu_vat_well_formed as well_formed
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.exact_rates import bare_column_triple, exact_pair, exact_rate, on_rate_step
from invoiceme_extractor.rules.lines import Line, document_lines
from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id, valid_head


def extract(text: str):  # type: ignore[no-untyped-def]
    return extract_with_rules([(1, text)])


class TestExactRate:
    """VAT is its base times a standard rate, rounded to the cent."""

    def test_to_the_cent(self) -> None:
        assert exact_rate(14591.28, 69482.29) == 0.21
        assert exact_rate(-3231.18, -17006.23) == 0.19

    def test_close_is_not_exact(self) -> None:
        assert exact_rate(11118.19, 161767.72) is None  # 6.87 %: within 0.2 % of 7 %, 205 away

    def test_signs_and_size(self) -> None:
        assert exact_rate(-19.0, 100.0) is None
        assert exact_rate(0.0, 100.0) is None
        assert exact_rate(150.0, 100.0) is None


class TestRateStep:
    """A local sales tax (8.75 %, 6.25 %) is some quarter-percent step of its base, to the cent."""

    def test_local_rates_to_the_cent(self) -> None:
        assert on_rate_step(57.67, 659.10)  # 8.75 %
        assert on_rate_step(-62.5, -1000.0)  # 6.25 % on a credit note

    def test_off_the_step_or_too_large(self) -> None:
        assert not on_rate_step(57.0, 659.10)  # 8.648 %
        assert not on_rate_step(300.0, 1000.0)  # 30 %
        assert not on_rate_step(-57.67, 659.10)


class TestUnlabelledVatAtALocalRate:
    """A VAT whose label OCR lost, printed between the net and the total it makes, counts at any
    quarter-percent rate when the three add up to the cent."""

    def test_english_panel(self) -> None:
        result = extract("Orion Systems Inc.\nSub-total\nUSD 659.10\nUSD 57.67\nTotal Due\nUSD 716.77")
        assert (result.subtotal, result.vat_amount, result.total, result.vat_rate) == (
            659.1,
            57.67,
            716.77,
            0.0875,
        )

    def test_hebrew_block(self) -> None:
        text = 'אור בע"מ\nסה"כ לפני מע"מ 4,000.00\n250.00\nסה"כ לתשלום 4,250.00'
        result = extract(text)
        assert (result.subtotal, result.vat_amount, result.total) == (4000.0, 250.0, 4250.0)

    def test_a_bystander_off_the_step_is_no_vat(self) -> None:
        result = extract("Shop Ltd\nSub-total 659.10\n57.00\nTotal Due 716.10")
        assert result.vat_amount != 57.0 or result.confidence["vat_amount"] < 0.8


class TestBalanceWithItsSignMisread:
    """A balance due after a deposit, its currency sign read as a digit, is no larger total that
    outranks the invoice's own: one reading of it is smaller."""

    def test_hebrew_balance_after_an_advance(self) -> None:
        text = 'חשבונית מס\nמע"מ 991915.32\nסה"כ לתשלום 13181.91\nמקדמה (1318.00)\nיתרה לתשלום 111863.91'
        result = extract(text)
        assert (result.vat_amount, result.total, result.vat_rate) == (1915.32, 13181.91, 0.17)
        assert result.confidence["total"] < 0.9

    def test_vat_read_right_and_only_the_balance_misread(self) -> None:
        text = 'חשבונית מס\nמע"מ 1915.32\nסה"כ לתשלום 13181.91\nמקדמה (1318.00)\nיתרה לתשלום 111863.91'
        result = extract(text)
        assert (result.subtotal, result.vat_amount, result.total, result.vat_rate) == (
            11266.59,
            1915.32,
            13181.91,
            0.17,
        )
        assert result.confidence["total"] < 0.9

    def test_english_balance_after_a_deposit(self) -> None:
        text = "Acme Ltd\nVAT 81,600.00\nTotal 9,600.00\nDeposit paid (1,000.00)\nBalance due 88,600.00"
        result = extract(text)
        assert (result.vat_amount, result.total) == (1600.0, 9600.0)


def _candidate(value: float, raw: str, index: int) -> tuple[float, str, Line]:
    return (value, raw, Line(f"label {raw}", 1, index))


class TestExactPair:
    def test_a_sign_read_as_digit_undone_for_an_exact_rate(self) -> None:
        found = {
            "vat": [_candidate(11118.19, "11,118.19", 1)],
            "total_strong": [_candidate(172885.91, "172,885.91", 2)],
        }
        (subtotal, vat, total), confidence = exact_pair(found)  # type: ignore[misc]
        assert subtotal is None and vat and total and total[0] == 72885.91 and confidence < 0.85

    def test_a_sum_per_rate_above_the_amount_due_is_no_total(self) -> None:
        found = {
            "vat": [_candidate(0.86, "0.86", 1)],
            "total_plain": [_candidate(15.26, "15.26", 2), _candidate(41.87, "41.87", 4)],
        }
        assert exact_pair(found) is None

    def test_a_total_printed_after_the_pair_keeps_its_word(self) -> None:
        found = {
            "subtotal": [_candidate(100.0, "100.00", 1)],
            "vat": [_candidate(18.0, "18.00", 2)],
            "total_plain": [_candidate(128.0, "128.00", 3)],
        }
        assert exact_pair(found) is None


class TestInTheDecision:
    def test_gross_before_discount_read_as_the_total(self) -> None:
        result = extract(
            "Importe bruto 81.743,87\nDescuento -12.261,58\nBase imponible 69.482,29\nCuota IVA 14.591,28"
        )
        assert (result.subtotal, result.vat_amount, result.total) == (69482.29, 14591.28, 84073.57)

    def test_all_three_signs_read_as_digits(self) -> None:
        result = extract("Subtotal 123,483.42\nVAT 104,227.02\nTotal 127,710.44")
        assert (result.subtotal, result.vat_amount, result.total) == (23483.42, 4227.02, 27710.44)
        assert result.vat_rate == 0.18 and result.confidence["total"] < 0.9


class TestBareColumn:
    """A totals panel whose labels OCR read on other lines: three bare amounts that add up exactly."""

    def test_last_exact_run(self) -> None:
        lines = document_lines(
            [(1, "Sandwich 2 10.00 20.00\n3197.61\n~479.64\n2717.97\n462.05\n3180.02\nThanks")]
        )
        net, vat, gross = bare_column_triple(lines)  # type: ignore[misc]
        assert (net.value, vat.value, gross.value) == (2717.97, 462.05, 3180.02)

    def test_close_is_not_enough(self) -> None:
        assert bare_column_triple(document_lines([(1, "100.00\n18.50\n118.50")])) is None

    def test_in_the_decision(self) -> None:
        result = extract("Facture\nFormation 3 261,26 6 783,78\n6 783,78\n678,38\n7 462,16")
        assert (result.subtotal, result.vat_amount, result.total, result.vat_rate) == (
            6783.78,
            678.38,
            7462.16,
            0.1,
        )


class TestPartsOfALoneTotal:
    """A total read alone: the nearby amount whose difference from it is its VAT to the cent."""

    def test_values_row_under_a_header_row(self) -> None:
        result = extract(
            "Rechnungsbetrag\n-20.237,41\n-17.006,23 3.23118 ES 25) 2\nBeträge in EUR"
        )  # the VAT's decimal comma and minus lost ('3.23118'): derived from the other two
        assert (result.subtotal, result.vat_amount) == (-17006.23, -3231.18)
        assert result.confidence["vat_amount"] < 0.7

    def test_no_amount_at_a_rate_leaves_the_parts_empty(self) -> None:
        result = extract("Widget 2 45.00\nTotal 100.00\nThank you")
        assert result.subtotal is None and result.vat_amount is None

    def test_a_lone_total_that_is_the_columns_net(self) -> None:
        result = extract('חשבונית מס\nשעות 1 373.14 373.14\nסך הכל חייב במע"ח\n405.14\n68.87\n474.01\nתודה')
        assert (result.subtotal, result.vat_amount, result.total) == (405.14, 68.87, 474.01)


class TestTotalOfALoneVat:
    def test_payment_row_above_an_included_vat(self) -> None:
        result = extract(
            "Method Date Amount\nBank transfer 02-Nov-2025 686.00\nVAT included 128.28\nSignature"
        )  # 23 % of 557.72 is 128.28: the 'Total' label OCR lost
        assert (result.total, result.subtotal, result.vat_amount) == (686.0, 557.72, 128.28)
        assert result.confidence["total"] < 0.7

    def test_no_amount_includes_it(self) -> None:
        result = extract("Bank transfer 700.00\nVAT included 128.28")
        assert result.total is None


class TestTotalOfALoneSubtotal:
    """A subtotal read alone: the nearby amount that exceeds it by its VAT to the cent is the total."""

    def test_vat_and_total_labels_garbled(self) -> None:
        result = extract(
            'קבלה\nסכום לפני מע"מ 248.06 ILS\nILS 4217\nמע"\nILS 290.23 - 2 |\nסה"כ שולם: 290.23 ILS'
        )  # the VAT's point lost ('4217') and its label cut ('מע"'): 17 % of 248.06 is 42.17
        assert (result.subtotal, result.vat_amount, result.total) == (248.06, 42.17, 290.23)
        # the cut label 'מע"' is a VAT label now: subtotal and total agree to the cent, an exact pair
        assert result.confidence["total"] < 0.9

    def test_no_amount_exceeds_it_by_a_rate(self) -> None:
        result = extract("Receipt\nSubtotal 248.06\nCash 260.00\nChange 11.94")
        assert result.total == 248.06 and result.vat_amount is None  # the receipt's guess, as before


class TestEuVatNumbers:
    def test_letters_glued_after_the_number(self) -> None:
        assert valid_head("DE715035782S782") == "DE715035782"
        assert eu_vat_ids("Umsatzstever-10 DE715035782S782") == ["DE715035782"]

    def test_more_digits_are_another_number(self) -> None:
        assert valid_head("DE7150357821234") is None

    def test_one_letter_read_for_a_digit(self) -> None:
        assert normalize_tax_id("ESGS8387399") == "ESG58387399"  # S for 5; the G is the number's own

    def test_e_read_as_pound_sign(self) -> None:
        assert normalize_tax_id("I£90237964") == "IE90237964"
        assert normalize_tax_id("1£27764220") == "IE27764220"

    def test_well_formed_ignores_the_check_digit(self) -> None:
        assert well_formed("DE715035782") and not well_formed("DE71503578")

    def test_uk_numbers_are_well_formed_though_no_longer_eu_ones(self) -> None:
        assert well_formed("GB980780684") and well_formed("GB123456789") and not well_formed("GB12345678")

    def test_b_of_gb_read_as_eight(self) -> None:
        assert eu_vat_ids("VAT Registration No. G8145479162") == ["G8145479162"]
        assert normalize_tax_id("G8145479162") == "GB145479162"
        assert eu_vat_ids("Ref G81454791621") == []  # ten digits: not a UK number

    def test_a_letter_glued_to_a_number_of_the_right_length(self) -> None:
        assert eu_vat_ids("NIF ESG79938698S") == ["ESG79938698"]


class TestFrenchRecipientHeading:
    def test_a_without_its_accent_heads_the_customer_block(self) -> None:
        result = extract(
            "Facture\nA:\nAtlantique Conseil SAS\n65 boulevard Voltaire, 92076 Marseille\n"
            "N° TVA FR06214377730\nTotal TTC 120,00\n"
            "Etoile Transports SAS N° TVA FR18296949589"
        )
        assert result.vendor_tax_id == "FR18296949589"


class TestVatBesideALoneTotal:
    """A total read alone with its VAT near it and the net's row lost: the VAT is the nearest amount
    that is the rest's VAT at a standard rate to the cent, the net is derived."""

    def test_boxed_grid_without_its_net(self) -> None:
        result = extract("Orion Ltd\nInvoice 1204\nDesign 3 492.04\n-300.60\nTotal -1,803.60 GBP")
        assert (result.subtotal, result.vat_amount, result.total, result.vat_rate) == (
            -1503.0,
            -300.6,
            -1803.6,
            0.2,
        )

    def test_an_amount_off_every_rate_is_no_vat(self) -> None:
        result = extract("Orion Ltd\nInvoice 1204\n-301.60\nTotal -1,803.60 GBP")
        assert result.vat_amount is None

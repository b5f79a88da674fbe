"""Till slips and receipts as OCR reads them: the issuer at the top, totals among payment lines,
tax-inclusive prices, cash rounding and damaged labels."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amount_agreement import consistent_triple
from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.name_text import trim_name
from invoiceme_extractor.rules.repair import confusion_variants

from .wordbox import page


def extract(text: str):  # type: ignore[no-untyped-def]
    return extract_with_rules([(1, text)])


class TestIssuerName:
    """The name at the top of a receipt, without what OCR or the layout glued to it."""

    @pytest.mark.parametrize(
        ("printed", "name"),
        [
            ("GARDENIA BAKERIES (KL) SDN BHD 7 139386 (", "GARDENIA BAKERIES (KL) SDN BHD"),
            ("99 SPEED MART S/B (519537-X)", "99 SPEED MART S/B"),
            ("FOUR QUARTERS SDN BHD ( lu/SJ&69-P)", "FOUR QUARTERS SDN BHD"),
            ("Northwind Trading Ltd.", "Northwind Trading Ltd"),
            ("נגה מזון (1998)", "נגה מזון (1998)"),  # a year is part of the name
            ("Acme GmbH & Co. KG", "Acme GmbH & Co. KG"),
        ],
    )
    def test_registration_numbers_and_debris_after_the_name_are_cut(self, printed: str, name: str) -> None:
        assert trim_name(printed) == name

    def test_a_registration_line_is_not_the_name(self) -> None:
        result = extract(
            "TAX INVOICE\nBHPetrol Subang Airport\nJalan Lapangan Terbang\n47200 Subang\nSelangor\n"
            "CO. REG. NO: 000948487-V\nGST REG NO: 000768122880\nTOTAL 41.95"
        )
        assert result.vendor_name == "BHPetrol Subang Airport"

    def test_a_line_under_the_address_is_a_town_not_the_name(self) -> None:
        layer = page(
            ("TAX INVOICE", 300, 100),
            ("Bluebird Bakery", 300, 150),
            ("12 Harbour Road", 300, 200),
            ("4100 Portmore", 300, 250),
            ("Kingsford", 300, 300),
            ("TOTAL 12.50", 300, 400),
        )
        big = [w.model_copy(update={"height": 40}) if w.text == "Kingsford" else w for w in layer.words]
        assert extract_with_rules([layer.model_copy(update={"words": big})]).vendor_name == "Bluebird Bakery"

    def test_a_name_ending_on_an_ampersand_goes_on_in_the_next_line(self) -> None:
        result = extract("HOME MASTER HARDWARE &\nELECTRICAL\nNO. 113G, JALAN SETIA\nTOTAL 15.90")
        assert result.vendor_name == "HOME MASTER HARDWARE & ELECTRICAL"

    @pytest.mark.parametrize(
        ("header", "name"),
        [
            ("WESTERN EASTERN\nSTATIONERY SDN. BHD", "WESTERN EASTERN STATIONERY SDN. BHD"),
            ("POPULAR BOOK\nCO. (M) SDN BHD", "POPULAR BOOK CO. (M) SDN BHD"),
            ("Sunrise Bakery Malaysia\nSdn Bhd", "Sunrise Bakery Malaysia Sdn Bhd"),
        ],
    )
    def test_a_legal_name_wrapped_before_its_legal_form_is_joined(self, header: str, name: str) -> None:
        assert extract(f"{header}\n(Co. No. 113825-W)\n12 Jalan Razak\nTOTAL 9.90").vendor_name == name

    @pytest.mark.parametrize(
        "header",
        [
            "Park City\nGolden Scoop Sdn Bhd (169669-A)",  # complete on its row: its registration ends it
            "Mid Valley\nSunrise Bakery Sdn Bhd",  # two words of its own: a name, not a tail
            "Servizi Generali\nRossi Forniture S.p.A.",  # a division over its company
            "TAX INVOICE\nGolden Scoop Sdn Bhd",  # a title over the name
        ],
    )
    def test_a_whole_legal_name_takes_nothing_from_the_row_above(self, header: str) -> None:
        vendor = extract(f"{header}\n12 Jalan Razak\nTOTAL 9.90").vendor_name
        assert vendor is not None and header.split("\n")[0] not in vendor

    def test_a_town_under_a_numbered_address_row_is_not_the_name(self) -> None:
        # '109, SS21/1A,' opens the address (a house number and a comma); the town under it is no name
        address = ("109, SS21/1A,", "DAMANSARA UTAMA", "GST ID : 001661886464", "ORDER : 00012916")
        rows = ("FOUR SEASONS", "BISTRO & CAFE", *address, "TOTAL 9.90")
        layer = page(*((text, 300, 100 + 50 * row) for row, text in enumerate(rows)))
        # the town printed a little larger than the name, as a receipt's print comes out
        taller = [w.model_copy(update={"height": 31}) if w.top == 250 else w for w in layer.words]
        assert extract_with_rules([layer.model_copy(update={"words": taller})]).vendor_name == "FOUR SEASONS"

    def test_malaysian_legal_suffix_beats_a_line_above(self) -> None:
        result = extract("for stay: healthy\nFarmasi Maluri S/B(587969-U)\n23, Jln Burung\nTOTAL 79.35")
        assert result.vendor_name == "Farmasi Maluri S/B"

    def test_registration_bracket_after_a_name_with_digits_marks_the_name(self) -> None:
        # "S/B" read as "5/8", "MART" as "KART": no legal suffix or trade word left, digits instead
        result = extract("99 SPEED KART 5/8 (519537-X)\nTAMAN BERKELEY\n41150 KLANG\nTOTAL 22.90")
        assert result.vendor_name == "99 SPEED KART 5/8"

    @pytest.mark.parametrize(
        "header",
        [
            "THANK YOU FOR SHOPPING\nSUNRISE BAKERY",  # a greeting over the name
            "OWNED BY SUNRISE HOLDINGS SDN BHD\nSUNRISE BAKERY",  # the owner, not the trade name
            "*** SUNRISE BAKERY ***",  # a slip's decoration around the name
        ],
    )
    def test_greetings_owners_and_decoration_are_not_the_name(self, header: str) -> None:
        assert extract(f"{header}\n12 High Street\nTOTAL 4.50").vendor_name == "SUNRISE BAKERY"

    def test_a_logo_read_as_scattered_letters_is_no_name(self) -> None:
        layer = page(("N VV | FE", 300, 100), ("Bluebird Bakery", 300, 150), ("TOTAL 12.50", 300, 400))
        big = [w.model_copy(update={"height": 60}) if w.top == 100 else w for w in layer.words]
        assert extract_with_rules([layer.model_copy(update={"words": big})]).vendor_name == "Bluebird Bakery"

    def test_a_letter_spaced_name_is_not_scattered_letters(self) -> None:
        layer = page(("S T U D I O", 300, 100), ("12 High Street", 300, 150), ("TOTAL 12.50", 300, 400))
        big = [w.model_copy(update={"height": 60}) if w.top == 100 else w for w in layer.words]
        vendor = extract_with_rules([layer.model_copy(update={"words": big})]).vendor_name
        assert vendor is not None and vendor.replace(" ", "") == "STUDIO"

    def test_large_logo_debris_is_no_name(self) -> None:
        layer = page(("7 Nong %", 300, 100), ("Bluebird Bakery", 300, 150), ("TOTAL 12.50", 300, 400))
        big = [w.model_copy(update={"height": 60}) if w.top == 100 else w for w in layer.words]
        assert extract_with_rules([layer.model_copy(update={"words": big})]).vendor_name == "Bluebird Bakery"

    @pytest.mark.parametrize(("confidence", "name"), [(0.2, "Bluebird Bakery"), (0.9, "Fodosy Fine")])
    def test_large_print_ocr_could_not_read_is_no_name(self, confidence: float, name: str) -> None:
        # An eng read turns a logo into Latin-looking words ("Fodosy"), only its confidence tells.
        layer = page(("Fodosy Fine", 300, 100), ("Bluebird Bakery", 300, 150), ("TOTAL 12.50", 300, 400))
        logo = {"height": 60, "confidence": confidence}
        words = [w.model_copy(update=logo) if w.top == 100 else w for w in layer.words]
        assert extract_with_rules([layer.model_copy(update={"words": words})]).vendor_name == name


class TestSellerHeading:
    """'SELLER TRADE NAME' heads the seller's block: the name is under it, not the heading's words."""

    def test_name_under_a_seller_heading(self) -> None:
        layer = page(
            ("SELLER TRADE NAME", 100, 400),
            ("Adresse du Client", 1300, 400),
            ("LE FOURNISSEUR", 100, 440),
            ("Buyer contact name", 1300, 440),
            ("35 rue d'ici", 100, 480),
            ("N° TVA : FR 11 123 456 782", 100, 520),
        )
        assert extract_with_rules([layer]).vendor_name == "LE FOURNISSEUR"


class TestReceiptTotals:
    """The total among tax lines, payment lines and rounding."""

    def test_tax_payable_is_the_vat_not_the_total(self) -> None:
        result = extract("Restoran Wan Sheng\nMilo 2.80\nTeh 2.20\nGST payable (6%): 0.28\nTotal: 5.00")
        assert (result.total, result.vat_amount) == (5.0, 0.28)

    def test_tax_included_in_a_printed_amount_is_vat_and_that_amount_the_total(self) -> None:
        # 25.15 x 6 / 106 = 1.42: the line names the GST inside the total, not the total
        result = extract("Total Qty 8 25.15\nPay 25.15\nChange 0.00\n(Total Included GST @ 6%: 1.42)")
        assert (result.total, result.vat_amount) == (25.15, 1.42)

    def test_tax_included_line_after_the_total(self) -> None:
        result = extract(
            "Total Incl. GST@6% <RM_34.80\nCASH RM 100.00\nCHANGE RM 65.20\nGST @6% included in total RM 1.97"
        )
        assert (result.total, result.vat_amount) == (34.8, 1.97)

    def test_the_rounded_total_is_what_is_paid(self) -> None:
        result = extract(
            "TOTAL INCL. GST RM 8.11\nROUNDING ADJUSTMENT -RM 0.01\nTOTAL ROUNDED RM 8.10\n"
            "CASH RM 50.00\nCHANGE RM 41.90"
        )
        assert result.total == 8.1

    @pytest.mark.parametrize("label", ["Tota!", "TOTAI", "fotal"])
    def test_total_label_damaged_by_ocr(self, label: str) -> None:
        result = extract(f"Acme Store\nItem A 4.50\n{label} 15.90\nThank you")
        assert result.total == 15.9

    def test_card_terminal_line_charges_the_total(self) -> None:
        result = extract("TOTAL AMOUNT PAYABLE =\nRN 41,9578\nEDC MASTER RM 41.95\nGST 6% 2.37")
        assert result.total == 41.95

    def test_one_amount_under_two_labels_is_not_an_agreement(self) -> None:
        line = Line("Total 6% supplies (excl. GST): 16.80", 1, 0)
        payable = Line("Total Payable: 48.04", 1, 1)
        found = {
            "subtotal": [(16.8, "16.80", line)],
            "total_plain": [(16.8, "16.80", line)],
            "total_strong": [(48.04, "48.04", payable)],
        }
        assert consistent_triple(found) is None


class TestTaxSummary:
    """A till slip's tax summary itemises the total: amount and tax at a rate, side by side."""

    def test_summary_row_that_adds_up_to_the_total_gives_subtotal_and_vat(self) -> None:
        layer = page(
            ("ABC MART", 100, 100),
            ("Total", 100, 140),
            ("42.40", 700, 140),
            ("CASH", 100, 180),
            ("50.00", 700, 180),
            ("CHANGE", 100, 220),
            ("7.60", 700, 220),
            ("GST SUMMARY", 100, 260),
            ("AMOUNT(RM) TAX(RM)", 700, 260),
            ("SR", 100, 300),
            ("40.00 2.40", 700, 300),
            ("Total", 100, 340),
            ("40.00 2.40", 700, 340),  # the summary's own total row repeats the one rate's row
        )
        result = extract_with_rules([layer])
        assert (result.total, result.subtotal, result.vat_amount) == (42.4, 40.0, 2.4)


class TestRoundingLine:
    """Cash rounding printed between the tax and the total is part of the sum."""

    @pytest.mark.parametrize("rounding", ["Arrondi 0,02", "Rounding -0,02", "ROUNDING ADJ 0.02"])
    def test_subtotal_vat_and_rounding_add_up_to_the_total(self, rounding: str) -> None:
        result = extract(
            f"Lumière Distribution SAS\nMontant HT 343,48 €\nTVA 20% 68,70 €\n{rounding}\nTotal TTC 412,20 €"
        )
        assert (result.subtotal, result.vat_amount, result.total) == (343.48, 68.7, 412.2)
        assert result.confidence["total"] < 0.97  # surer than a guess, less than a plain sum


class TestPaymentArithmetic:
    """Tendered minus change is what was paid: a second reading of the total, apart from its line."""

    def test_the_total_that_tendered_minus_change_equals_wins(self) -> None:
        result = extract("Acme Mart\nTOTAL 12.40\nTOTAL 42.40\nCASH 20.00\nCHANGE 7.60\nThank you")
        assert result.total == 12.4

    def test_payment_word_names_the_tendered_amount(self) -> None:
        result = extract("Acme Mart\nTotal 12.40\nTotal 42.40\nPayment : 20.00\nChange Due : 7.60")
        assert result.total == 12.4

    def test_a_total_the_payment_confirms_is_surer(self) -> None:
        result = extract("Acme Mart\nItem 12.40\nTOTAL 12.40\nCASH 20.00\nCHANGE 7.60")
        assert result.total == 12.4
        assert result.confidence["total"] >= 0.9

    def test_the_total_before_cash_rounding_is_not_what_was_paid(self) -> None:
        result = extract(
            "Acme Mart\nTotal Sales (Inclusive GST) 22.91\nRounding Adjustment -0.01\nTotal 22.90\n"
            "CASH 50.00\nCHANGE 27.10"
        )
        assert result.total == 22.9

    def test_a_card_charge_equal_to_the_total_confirms_it(self) -> None:
        result = extract("Acme Mart\nTotal 48.95\nVISA 48.95\nTotal promotional saving 20.97")
        assert result.total == 48.95 and result.confidence["total"] >= 0.9

    def test_two_readings_one_confused_digit_away_outvote_the_printed_total(self) -> None:
        # '62.00' read as '62.06' on the total line; the subtotal and the tax summary say 62.00
        summary = "GST Summary Amount Tax\nSR @ 6% 58.49 3.51"
        result = extract(f"Acme Books\nSUB-TOTAL 62.00\nTOTAL INCL GST RM 62.06\n{summary}")
        assert result.total == 62.0 and result.confidence["total"] < 0.9
        # one other reading alone does not outvote the printed total
        assert extract("Acme Books\nSUB-TOTAL 62.00\nTOTAL INCL GST RM 62.06").total == 62.06

    def test_parts_that_no_longer_add_up_are_doubted(self) -> None:
        # subtotal 75.90 + VAT 6.00 once made 81.90; the payment says 15.90 was the total
        result = extract(
            "Subtotal : 75.90\nGST 6.00\nTotal Incl. GST 15.90\nTotal 81.90\nPayment : 50.00\nChange : 34.10"
        )
        assert result.total == 15.9
        assert result.confidence["subtotal"] <= 0.5 and result.confidence["vat_amount"] <= 0.5


class TestReceiptDates:
    """A date before a time survives a separator OCR damaged; elsewhere mixed separators are no date."""

    def test_damaged_separator_before_a_time(self) -> None:
        assert [d.value.isoformat() for d in dates_in("25. 03-18 18:47 SH01 ZJ86")] == ["2018-03-25"]

    def test_mixed_separators_without_a_time_are_not_a_date(self) -> None:
        assert dates_in("Ref 25. 03-18 A") == []

    def test_an_impossible_month_and_year_with_one_confused_digit_each(self) -> None:
        # 24/10/2017 with both 0s read as 6: each part has one possible repair
        found = dates_in("Date: 24/16/2617")
        assert [(d.value.isoformat(), d.repaired) for d in found] == [("2017-10-24", True)]
        assert dates_in("Date: 15/00/2018") == []  # month 00 -> 06, 08 or 09: no single repair

    @pytest.mark.parametrize(
        ("printed", "iso"),
        [("2O/O3/2Ol8", "2018-03-20"), ("l5.0l.2019", "2019-01-15"), ("O7-11-2S", "2025-11-07")],
    )
    def test_letters_read_for_digits(self, printed: str, iso: str) -> None:
        assert [d.value.isoformat() for d in dates_in(f"Date: {printed}")] == [iso]

    @pytest.mark.parametrize(
        ("printed", "iso"),
        [("15 févr. 2018", "2018-02-15"), ("7. Mär 2019", "2019-03-07"), ("3 déc 2021", "2021-12-03")],
    )
    def test_abbreviated_month_names_with_accents(self, printed: str, iso: str) -> None:
        assert [d.value.isoformat() for d in dates_in(printed)] == [iso]

    def test_a_date_glued_to_its_labels_colon(self) -> None:
        assert [d.value.isoformat() for d in dates_in("DATE:25/03/2018TIME:10:22")] == ["2018-03-25"]

    def test_both_separators_lost_with_a_four_digit_year(self) -> None:
        assert [(d.value.isoformat(), d.repaired) for d in dates_in("Date: 25 03 2018")] == [
            ("2018-03-25", True)
        ]

    @pytest.mark.parametrize(
        ("printed", "iso"),
        [
            ("25MAR2018", "2018-03-25"),  # OCR lost the spaces
            ("7 Ogos 2019", "2019-08-07"),  # Malay
            ("25 Mac 2018", "2018-03-25"),
            ("3 Desember 2020", "2020-12-03"),  # Indonesian
            ("10 de março de 2020", "2020-03-10"),  # Portuguese
            ("5 giugno 2021", "2021-06-05"),  # Italian
        ],
    )
    def test_written_months_in_more_languages_and_glued(self, printed: str, iso: str) -> None:
        assert [d.value.isoformat() for d in dates_in(printed)] == [iso]

    def test_malay_date_label(self) -> None:
        result = extract("Kedai Runcit Ali\nNo. 5 Jalan Besar\nTarikh: 25/03/2018\nJUMLAH 12.40")
        assert result.confidence["invoice_date"] >= 0.9

    def test_both_slashes_read_as_ones_only_when_no_date_reads_otherwise(self) -> None:
        result = extract("Acme Mart\n41622 557463 27103124 02-5784810\nTOTAL 12.40")
        assert str(result.invoice_date) == "2024-03-27" and result.confidence["invoice_date"] < 0.5
        result = extract("Acme Mart\nRef 27103124\nDate: 05/04/2024\nTOTAL 12.40")
        assert str(result.invoice_date) == "2024-04-05"

    @pytest.mark.parametrize(
        ("printed", "iso"),
        [
            ("252 Januar 2025", "2025-01-25"),  # the day's period read as a digit
            ("26. Marx 2025", "2025-03-26"),  # 'März' with two letters OCR changed, one edit from 'Mars'
            ("3 Jull 2020", "2020-07-03"),
        ],
    )
    def test_written_month_dates_with_ocr_damage(self, printed: str, iso: str) -> None:
        assert [(d.value.isoformat(), d.repaired) for d in dates_in(printed)] == [(iso, True)]

    def test_a_misread_month_is_read_only_between_a_day_and_a_year(self) -> None:
        assert dates_in("Mark 5, 2019") == []
        assert [d.value.isoformat() for d in dates_in("5 Mark 2019")] == ["2019-03-05"]

    def test_a_repaired_date_is_said_with_less_confidence(self) -> None:
        result = extract("Acme Mart\nDate: 24/16/2617\nTOTAL 12.40")
        assert str(result.invoice_date) == "2017-10-24"
        assert result.confidence["invoice_date"] < 0.9


class TestArithmeticOverLabels:
    """Amounts that add up decide where OCR damaged a digit or a label."""

    def test_confused_digit_undone_when_three_amounts_then_agree(self) -> None:
        assert 0.28 in confusion_variants(9.28, "9.28")
        result = extract(
            "Total (Excluding GST): 4.72\nGST @ 6%: 9.28\nTotal (Inclusive of GST): 5.00\nThank you"
        )
        assert (result.subtotal, result.vat_amount, result.total) == (4.72, 0.28, 5.0)

    def test_vat_with_a_lost_label_found_by_its_rate(self) -> None:
        result = extract("SUBTOTAL: 43.90\nTotal (Excluding GST) 41.42\n6%GS 2.48\nCASH 100.00\nCHANGE 56.10")
        assert (result.subtotal, result.vat_amount, result.total) == (41.42, 2.48, 43.9)

    def test_an_amount_due_above_one_rates_sum_stays_the_total(self) -> None:
        result = extract(
            "Total 6% supplies (excl. GST): 14.40\nGST: 0.86\nTotal 6% supplies (Inc. GST): 15.26\n"
            "Total 0% supplies: 26.61\nTotal Payable: 41.87"
        )
        assert result.total == 41.87


class TestVatInsideATotal:
    """'dont TVA 20%' without its amount: the VAT inside the total at that rate."""

    def test_of_which_vat_at_a_rate(self) -> None:
        result = extract("Dupont Conseil SARL\nTotal à payer 2,357.37 €\ndont TVA 20%\nSignature")
        assert (result.total, result.subtotal, result.vat_amount) == (2357.37, 1964.48, 392.89)

    def test_a_rate_beside_a_printed_amount_is_read_as_printed(self) -> None:
        result = extract("Dupont Conseil SARL\nTotal à payer 2,357.37 €\ndont TVA 20% 392.90 €")
        assert result.vat_amount == 392.9


class TestFullNameBesideTheTaxId:
    """A logo word at the top, the full name beside the issuer's tax id in the footer."""

    def test_logo_word_expands_to_the_footer_name(self) -> None:
        layer = page(
            ("דקל", 2000, 100),
            ("חשבון עסקה", 300, 100),
            ("מספר חשבונית: 61469", 1500, 200),
            ("שם הלקוח:", 1800, 300),
            ("רימון ייעוץ ושות'", 1700, 350),
            ('סה"כ לתשלום 8,714.93', 1500, 900),
            ("דקל תקשורת", 1900, 3200),
            ("ח.פ. 538194234", 600, 3200),
            rtl=True,
        )
        big = [
            w.model_copy(update={"height": 60}) if w.top == 100 and w.text == "דקל" else w
            for w in layer.words
        ]
        result = extract_with_rules([layer.model_copy(update={"words": big})])
        assert (result.vendor_tax_id, result.vendor_name) == ("538194234", "דקל תקשורת")


@pytest.mark.parametrize(
    ("language", "seed", "row"),
    [
        ("he", 11000, "43.39 255.21 S @ 17%"),  # right to left: the tax first
        ("he", 11002, "36.56 215.07 A @ 17%"),  # ... and the total paid after a cash rounding
        ("en", 11006, "S @ 23% 276.57 63.61"),  # a rate of its own (23 %), the total rounded
    ],
)
def test_a_till_slips_tax_summary_row_gives_net_and_vat(language: str, seed: int, row: str) -> None:
    """A till slip's text layer (generated dev slips of seed 11): the tax summary row's amount and tax
    are the net and the VAT, whichever order the row reads in, whatever rate it prints, and when they
    add up to the total before its cash rounding; a net derived from the rounded total gives way."""
    from invoiceme_extractor.rules import extract_with_rules
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.pdf import read_pdf_page
    from tests.corpus.compose import compose
    from tests.corpus.pdf import to_pdf

    page, truth = compose("till_slip", language, seed)
    text_layer = read_pdf_page(to_pdf(page), 0, OcrOptions())
    assert row in text_layer.text  # the layout this test is about
    extraction = extract_with_rules([text_layer])
    assert (extraction.subtotal, extraction.vat_amount) == (truth["subtotal"], truth["vat_amount"])


class TestRoundingLineMisread:
    """A cash-rounded total under a rounding line whose amount OCR misread is still what is paid."""

    def test_total_one_coin_from_the_exact_one(self) -> None:
        result = extract(
            "Net 348.01-\nVAT 23% 80.04-\nTotal Incl. Tax 428.05-\nRounding Adj. 8.85-\nTotal 428.10- EUR"
        )
        assert result.total == -428.1 and result.confidence["total"] <= 0.8

    def test_not_a_coin_step_away(self) -> None:
        result = extract("Net 100.00\nVAT 18% 18.00\nTotal 118.00\nRounding 8.85\nTotal 118.03")
        assert result.total == 118.0

"""Layout concepts the DEV families `ledger` and `panel` brought in: VAT summary tables of several
rates, amounts told in sentences, bank accounts beside tax ids, amounts restated in another currency,
side columns level with item rows. Each rule on small hand-made text."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amounts import without_restatement
from invoiceme_extractor.rules.id_context import (
    under_another_party,
    under_issuer_name,
    without_bank_accounts,
)
from invoiceme_extractor.rules.id_shapes import ids_in
from invoiceme_extractor.rules.lines import Line, document_lines
from invoiceme_extractor.rules.prose import pay_amount, prose_candidates, vat_sentence
from invoiceme_extractor.rules.references import conversion_weight
from invoiceme_extractor.rules.tables import header_columns, is_header_row
from invoiceme_extractor.rules.vat_table import rate_row, vat_summary

from .wordbox import page


def _lines(text: str) -> list[Line]:
    return document_lines([(1, text)])


class TestVatSummaryTable:
    """Rows of rate, net, VAT and gross that agree add up to the invoice's amounts."""

    TWO_RATES = "\n".join(
        [
            "VAT rate Net VAT Gross",
            "19% 1,000.00 190.00 1,190.00",
            "7% 200.00 14.00 214.00",
            "Total due 1,404.00 EUR",
        ]
    )

    def test_a_row_proves_itself_by_arithmetic(self) -> None:
        row = rate_row(_lines("19% 1,000.00 190.00 1,190.00")[0])
        assert row is not None and (row.rate, row.net, row.vat, row.gross) == (0.19, 1000.0, 190.0, 1190.0)

    def test_a_row_that_does_not_agree_is_no_rate_row(self) -> None:
        assert rate_row(_lines("19% 1,000.00 150.00 1,150.00")[0]) is None

    def test_right_to_left_row_read_backwards(self) -> None:
        row = rate_row(_lines("250.26 36.36 213.90 17%")[0])
        assert row is not None and (row.net, row.vat) == (213.9, 36.36)

    def test_two_rates_sum_to_the_invoice(self) -> None:
        summary = vat_summary(_lines(self.TWO_RATES))
        assert summary is not None and (summary.net, summary.vat, summary.gross) == (1200.0, 204.0, 1404.0)

    def test_sums_need_the_gross_printed_elsewhere(self) -> None:
        assert vat_summary(_lines(self.TWO_RATES.replace("Total due 1,404.00 EUR", "Thank you"))) is None

    def test_one_rate_is_left_to_the_labelled_reading(self) -> None:
        assert vat_summary(_lines("19% 1,000.00 190.00 1,190.00\nTotal 1,190.00")) is None

    def test_an_empty_zero_rate_row_is_no_second_rate(self) -> None:
        assert vat_summary(_lines("19% 1,000.00 190.00 1,190.00\n0% 0.00 0.00 0.00\nTotal 1,190.00")) is None

    def test_the_total_is_rounded_as_the_page_rounds_it(self) -> None:
        text = "\n".join(
            [
                "Total Sales Incl. GST 48.93",
                "Total After Rounding 48.95",
                "GST Summary Amount Tax",
                "SR @ 6% 40.00 2.40",
                "ZR @ 0% 6.53 0.00",
            ]
        )
        assert extract_with_rules([(1, text)]).total == 48.95

    def test_extraction_takes_the_sums(self) -> None:
        extraction = extract_with_rules([(1, "INVOICE\n" + self.TWO_RATES)])
        assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (1200.0, 204.0, 1404.0)


class TestAmountsInSentences:
    """A payment request names the total; a sentence's VAT arithmetic names its amounts."""

    def test_payment_request(self) -> None:
        assert pay_amount("Please pay 1,234.50 EUR by 3 March 2025 to the account below.") == (
            1234.5,
            "1,234.50",
        )

    def test_german_payment_request(self) -> None:
        text = "Bitte überweisen Sie 53.436,55 EUR bis zum 3. März auf das unten genannte Konto."
        assert pay_amount(text) == (53436.55, "53.436,55")

    def test_a_short_label_is_no_sentence(self) -> None:
        assert pay_amount("Pay 1,234.50") is None

    def test_vat_inside_the_amount(self) -> None:
        stated = vat_sentence("Le montant de 301,42 EUR comprend la TVA à 10 % (27,40 EUR).")
        assert stated == {"total_strong": (301.42, "301,42"), "vat": (27.4, "27,40")}

    def test_vat_on_the_amount(self) -> None:
        stated = vat_sentence("The amount of 1,000.00 is subject to VAT at 19% (190.00).")
        assert stated == {"subtotal": (1000.0, "1,000.00"), "vat": (190.0, "190.00")}

    def test_amounts_that_do_not_agree_state_nothing(self) -> None:
        assert vat_sentence("The amount of 1,000.00 includes VAT at 19% (120.00).") == {}

    def test_sentence_replaces_its_last_amount_reading(self) -> None:
        lines = _lines("The amount of 1,190.00 includes VAT at 19% (190.00) on 1,000.00 net.")
        found = prose_candidates(lines, {"vat": [(1000.0, "1,000.00", lines[0])]})
        assert [c[0] for c in found["vat"]] == [190.0]
        assert [c[0] for c in found["total_strong"]] == [1190.0]

    def test_a_row_of_labels_and_values_is_no_sentence(self) -> None:
        layer = page(
            ("Date d'échéance :", 100, 500),
            ("02/03/2022", 600, 500),
            ("NET A PAYER", 1300, 500),
            ("90,00 EUR", 1900, 500),
        )
        assert prose_candidates(document_lines([layer]), {}) == {}

    def test_extraction_reads_a_letter(self) -> None:
        text = "\n".join(
            [
                "Dupont Conseil SAS",
                "Facture N° 73168",
                "Le montant de 301,42 EUR comprend la TVA à 10 % (27,40 EUR).",
                "Merci de virer 301,42 EUR sur le compte ci-dessous.",
            ]
        )
        extraction = extract_with_rules([(1, text)])
        assert (extraction.total, extraction.vat_amount, extraction.vat_rate) == (301.42, 27.4, 0.1)


class TestBankAccountsAreNoTaxIds:
    """An IBAN's country prefix and digits look like a VAT number."""

    def test_labelled_iban_is_blanked(self) -> None:
        assert ids_in("Bank IBAN DE76 3056 9480 2914 9588 28") == []

    @pytest.mark.parametrize("label", ["BAN", "1BAN", "lBAN"])
    def test_an_iban_label_missing_its_i_still_labels_it(self, label: str) -> None:
        # a photo's cut-off account number fails the IBAN check: only its label tells it apart
        assert without_bank_accounts(f"KG {label} DE21 9735 6735").strip() == "KG"

    def test_a_word_ending_in_ban_is_no_iban_label(self) -> None:
        # (four-digit groups after DE21 are an IBAN whatever the word: test_iban_head_no_vat_number)
        assert without_bank_accounts("Urban DE21 9735 673") == "Urban DE21 9735 673"

    def test_valid_iban_without_label_is_blanked(self) -> None:
        assert without_bank_accounts("GB29NWBK60161331926819").strip() == ""

    def test_vat_number_after_an_iban_stays(self) -> None:
        assert ids_in("IBAN: IE13WXSY51428095027968 VAT IE1234567X") == ["IE1234567X"]

    def test_text_without_an_iban_is_untouched(self) -> None:
        assert without_bank_accounts("USt-IdNr. DE123456789") == "USt-IdNr. DE123456789"

    def test_vendor_id_in_the_footer_beside_an_iban(self) -> None:
        text = "\n".join(
            [
                "Granite Trading Ltd",
                "INVOICE",
                "Invoice No. 51/1314",
                "Total 1,190.00",
                "Granite Trading Ltd | GSTIN: IE6564334K",
                "Bank IBAN IE86 AIBK 9311 5212 3456 78 | Company No. 68805599",
            ]
        )
        assert extract_with_rules([(1, text)]).vendor_tax_id == "IE6564334K"


class TestRestatedAmounts:
    """An amount restated in another currency in brackets is not the labelled amount."""

    def test_bracket_in_another_currency(self) -> None:
        assert without_restatement("Total 1,234.50 EUR (≈ 1,345.67 USD)") == "Total 1,234.50 EUR"

    def test_bracket_moved_by_right_to_left_order(self) -> None:
        assert without_restatement('סך הכל לתשלום 176.00 ש"ח (= )USD 45.38') == 'סך הכל לתשלום 176.00 ש"ח'

    def test_negative_in_brackets_inside(self) -> None:
        assert without_restatement("Zu zahlen (7196,97) EUR (= (7626,28) USD)") == "Zu zahlen (7196,97) EUR"

    def test_bracket_read_right_to_left_mirrored_or_not_last(self) -> None:
        equated = 'סה"כ לתשלום 6,725.69 ש"ח )= 1,873.27 (USD'
        assert without_restatement(equated).split() == ['סה"כ', "לתשלום", "6,725.69", 'ש"ח']
        inside = 'סה"כ לתשלום 6,725.69 (USD 1,873.27 =) ש"ח'
        assert without_restatement(inside).split() == ['סה"כ', "לתשלום", "6,725.69", 'ש"ח']

    def test_same_currency_or_no_amount_stays(self) -> None:
        for text in (
            "Total € 100.00 (€ 27.00)",
            "Discount (50.00)",
            "Total 117.00 (incl. VAT)",
            "Discount (=10%) 50.00",
            "Balance (150.00) = 0",
        ):
            assert without_restatement(text) == text

    def test_conversion_line_weighs_a_quarter(self) -> None:
        assert conversion_weight("For information: 443.74 USD (exchange rate 0.2792)") == 0.25
        assert conversion_weight("Total 1,234.50 EUR") == 1.0

    def test_extraction_keeps_the_invoice_currency_and_total(self) -> None:
        text = "INVOICE\nSubtotal 1,000.00\nVAT 19% 190.00\nTotal 1,190.00 EUR (= 1,285.20 USD)"
        extraction = extract_with_rules([(1, text)])
        assert (extraction.total, extraction.currency) == (1190.0, "EUR")


class TestSideColumns:
    """A side column's labels share their rows with the main column's item rows."""

    def test_header_leaves_out_a_side_columns_label_and_value(self) -> None:
        layer = page(
            ("2026-5777", 100, 500),
            ("SKU", 900, 500),
            ("Details", 1100, 500),
            ("Units", 1600, 500),
            ("Total", 2000, 500),
            ("Tax ID", 2300, 500),
        )
        line = document_lines([layer])[0]
        assert [cell.text for cell in header_columns(line)] == ["SKU", "Details", "Units", "Total"]
        assert is_header_row(line)

    def test_label_level_with_an_item_row_reads_the_value_under_it(self) -> None:
        layer = page(
            ("Maple Systems Limited", 100, 100),
            ("INVOICE", 900, 200),
            ("Details", 900, 500),
            ("Units", 1600, 500),
            ("Amount", 2000, 500),
            ("Development hours", 900, 560),
            ("2", 1600, 560),
            ("34,307.62", 2000, 560),
            ("Net", 100, 620),
            ("Office desk", 900, 620),
            ("3", 1600, 620),
            ("1,031.25", 2000, 620),
            ("35,338.87", 100, 660),
            ("Tax (20%)", 100, 720),
            ("AC repair", 900, 720),
            ("2", 1600, 720),
            ("971.54", 2000, 720),
            ("7,067.77", 100, 760),
            ("Total Due", 100, 820),
            ("42,406.64", 100, 860),
        )
        extraction = extract_with_rules([layer])
        assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (35338.87, 7067.77, 42406.64)

    def test_tax_id_label_beside_another_columns_number(self) -> None:
        layer = page(
            ("Granite & Blue Ltd", 100, 100),
            ("Doc #", 900, 300),
            ("39/2640", 900, 340),
            ("VAT Reg No", 100, 340),
            ("GB 252 5162 07", 100, 380),
        )
        assert extract_with_rules([layer]).vendor_tax_id == "GB252516207"


class TestStreetLines:
    """A line that is only a continental address is no vendor name."""

    def test_street_under_the_name(self) -> None:
        layer = page(
            ("Montaña Construcciones S.L.U.", 100, 100),
            ("Calle del Sol 34", 100, 160),
            ("Factura", 1500, 160),
            ("20605 Barcelona", 100, 200),
            ("NIF", 100, 260),
            ("Destinatario", 900, 290),
            ("ESG76036180", 100, 300),
            ("García Construcciones S.A.", 900, 330),
        )
        assert extract_with_rules([layer]).vendor_name == "Montaña Construcciones S.L.U."

    def test_name_with_its_address_on_one_line(self) -> None:
        text = "Au bon moulin SARL - 1242 chemin de l'olive - 84340 Malaucène\nFACTURE N° 12\nTotal 10,00"
        assert extract_with_rules([(1, text)]).vendor_name.startswith("Au bon moulin SARL")


class TestRecipientBlockWithoutLabel:
    """A letter's recipient block carries no 'Bill to': the issuer's id is the one under its name."""

    LETTER = (
        ("Weber Druck GmbH", 100, 100),
        ("RECHNUNG", 1600, 100),
        ("Weber Druck GmbH · Industriestraße 171, 17350 München", 100, 300),
        ("Weber Logistik AG", 100, 360),
        ("Gartenweg 52", 100, 410),
        ("96667 Berlin", 100, 460),
        ("USt-IdNr.: DE254346069", 100, 510),
        ("Summe 406,53 EUR", 1500, 900),
        ("Weber Druck GmbH", 100, 3000),
        ("Hauptstraße 69, 46260 Berlin", 100, 3050),
        ("USt-IdNr. DE158547641", 900, 3050),
    )

    def test_the_issuers_id_in_the_footer(self) -> None:
        assert extract_with_rules([page(*self.LETTER)]).vendor_tax_id == "DE158547641"

    def test_block_signs(self) -> None:
        lines = document_lines([page(*self.LETTER)])
        by_text = {line.text: line for line in lines}
        recipient = by_text["USt-IdNr.: DE254346069"]
        footer = next(line for line in lines if "DE158547641" in line.text)
        assert under_another_party(lines, recipient, "Weber Druck GmbH")
        assert not under_issuer_name(lines, recipient, "Weber Druck GmbH")
        assert under_issuer_name(lines, footer, "Weber Druck GmbH")
        assert not under_another_party(lines, footer, "Weber Druck GmbH")

    def test_a_legal_form_wrapped_to_its_own_line_names_no_other_company(self) -> None:
        """The issuer's name broken over two lines ('Weber Druck' / 'GmbH · Tel ...') above its id:
        the legal form heading a line is the issuer's, not another company's."""
        footer = (
            ("Weber Druck GmbH", 100, 100),
            ("Summe 406,53 EUR", 1500, 900),
            ("IBAN DE89 3704 0044 0532 0130 00 Weber Druck", 100, 2950),
            ("GmbH Tel. 089 123456", 100, 3000),
            ("Hauptstraße 69, 46260 Berlin", 100, 3050),
            ("USt-IdNr. DE158547641", 100, 3100),
        )
        lines = document_lines([page(*footer)])
        id_line = next(line for line in lines if "DE158547641" in line.text)
        assert not under_another_party(lines, id_line, "Weber Druck GmbH")


def test_spanish_item_column_articulo() -> None:
    """'Artículo | Cantidad | Subtotal' heads an item table (Spanish for the item column)."""
    text = "FACTURA\nArtículo Cantidad Subtotal\nInstalación 3 24,567.00\nTotal a pagar 24,567.00 EUR"
    items = extract_with_rules([(1, text)]).line_items
    assert [(item.description, item.amount) for item in items] == [("Instalación", 24567.0)]

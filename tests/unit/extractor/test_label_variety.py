"""Label words and placements real invoices use beyond the first vocabulary: the vendor's id under
other names, a customer block named otherwise or labelled after its value, a bare 'document' label."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import document_labels, extract_with_rules, party_labels

from .wordbox import page


class TestTaxIdLabels:
    """An id under a label the first vocabulary lacked is still the vendor's id."""

    def test_tin_label_with_a_us_employer_number(self) -> None:
        layer = page(
            ("Summit & Granite", 100, 100),
            ("17 Elm Avenue, Boston", 100, 150),
            ("Receipt No.: B385736", 100, 300),
            ("TIN: 72-7049738", 100, 350),
        )
        assert extract_with_rules([layer]).vendor_tax_id == "727049738"

    @pytest.mark.parametrize(
        "label",
        ["TIN", "Taxpayer ID", "Business Number", "Registration Number", "מס' חברה", "ת.ז.", 'ת"ז'],
    )
    def test_label_words(self, label: str) -> None:
        assert party_labels.TAX_ID.search(label)

    def test_allocation_number_in_the_same_row_leaves_the_company_id(self) -> None:
        layer = page(
            ("כרמל לוגיסטיקה ושות'", 1500, 100),
            ("חשבונית מס", 1500, 200),
            ("מס' הקצאה:", 1900, 300),
            ("728627101", 1500, 300),
            ("ח.פ. 091953802", 300, 300),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_tax_id == "091953802"


class TestCustomerBlocks:
    """The customer's name is never taken for the vendor's, however its label reads or sits."""

    def test_customer_details_label_with_its_value_beside_it(self) -> None:
        layer = page(
            ("TAX INVOICE", 100, 100),
            ("Invoice No:", 100, 300),
            ("74/6099", 400, 300),
            ("Customer Details:", 1300, 300),
            ("Orion Supplies Ltd", 1750, 300),
            ("Summit & Vista Group", 100, 500),
            ("38 Market Street, Austin", 100, 550),
        )
        assert extract_with_rules([layer]).vendor_name == "Summit & Vista Group"

    def test_label_after_its_value(self) -> None:
        layer = page(
            ("Credit Memo", 100, 100),
            ("North & North Group", 100, 200),
            ("80 Elm Avenue, Springfield", 100, 250),
            ("S821816", 100, 400),
            ("Document No.:", 880, 400),
            ("02/08/2024", 100, 460),
            ("Date of issue:", 880, 460),
            ("Harbor Supplies Co.", 1300, 460),
            ("Client:", 2200, 460),
        )
        assert extract_with_rules([layer]).vendor_name == "North & North Group"

    @pytest.mark.parametrize(
        "label", ["Bill-to", "Attention", "Deliver To", "Prepared for", "Issued to", "לכב'", "מזמין", "נמען"]
    )
    def test_label_words(self, label: str) -> None:
        assert party_labels.BUYER_BLOCK.search(label)

    def test_french_amount_due_label_is_no_customer_label(self) -> None:
        assert not party_labels.BUYER_BLOCK.search("À payer avant le")


class TestDocumentNumberLabels:
    def test_bare_document_cell_with_the_number_under_it(self) -> None:
        layer = page(
            ("אלון ייעוץ בעמ", 1500, 100),
            ("מסמך", 2000, 300),
            ("שדרות רוטשילד 138, נתניה", 300, 300),
            ("8380543", 1950, 360),
            rtl=True,
        )
        assert extract_with_rules([layer]).invoice_number == "8380543"

    def test_due_date_label_is_not_the_issue_date(self) -> None:
        assert not document_labels.DATE_INVOICE.fullmatch("תאריך לתשלום")
        assert document_labels.DATE_DUE.search("תאריך לתשלום")


class TestHeaderBesideACustomerLabel:
    def test_large_vendor_name_beside_the_label_heading_the_customer_block(self) -> None:
        layer = page(
            ("Dupont Informatique SARL", 100, 100),
            ("Facturé à:", 1360, 110),
            ("Martin Distribution SA", 1360, 160),
            ("15 avenue Victor Hugo, 85571 Lyon", 1360, 210),
            ("Tél. 09-8063389", 100, 400),
        )
        big = [w.model_copy(update={"height": 56, "top": 92}) if w.line == 0 else w for w in layer.words]
        assert extract_with_rules([layer.model_copy(update={"words": big})]).vendor_name == (
            "Dupont Informatique SARL"
        )


def _large(layer, line: int, height: int = 60):  # type: ignore[no-untyped-def]
    """The page with unit `line` printed larger (a logo word, a header name)."""
    words = [w.model_copy(update={"height": height}) if w.line == line else w for w in layer.words]
    return layer.model_copy(update={"words": words})


class TestVendorNames:
    """The issuer's name from a brand on top and its legal name at the page's end."""

    def test_capitalised_brand_extends_to_the_legal_name_beside_the_tax_id(self) -> None:
        layer = page(
            ("SOL", 100, 100),
            ("Nº factura", 1700, 100),
            ("2026-9466", 1700, 150),
            ("Facturar a", 100, 400),
            ("Sol Servicios S.A.", 100, 450),
            ("Sol Construcciones S.L.U. | CIF ESB69507188", 100, 3200),
        )
        assert extract_with_rules([_large(layer, 0)]).vendor_name == "Sol Construcciones S.L.U."

    def test_two_letter_hebrew_brand_extends_to_the_legal_name(self) -> None:
        layer = page(
            ("גל", 2200, 100),
            ("קבלה - מקור", 300, 100),
            ("מספר מסמך", 1900, 300),
            ("22908", 1900, 350),
            ("לקוח", 1900, 500),
            ("רימון ייעוץ בעמ", 1900, 550),
            ("רחוב הרצל 41, תל אביב", 1700, 600),
            ("פריט", 2100, 800),
            ("סכום", 300, 800),
            *[(f"שורה {n}", 2100, 860 + 60 * n) for n in range(8)],
            ("גל סחר", 2000, 3200),
            ("ע.מ 534412135", 1000, 3200),
            rtl=True,
        )
        assert extract_with_rules([_large(layer, 0)]).vendor_name == "גל סחר"

    def test_bare_german_an_heads_the_customer_block(self) -> None:
        layer = page(
            ("Nordlicht Bau", 200, 100),
            ("An", 1360, 110),
            ("Umsatzsteuer-ID DE831583804", 200, 170),
            ("Weber Handel UG", 1360, 170),
        )
        assert extract_with_rules([_large(layer, 0, 44)]).vendor_name == "Nordlicht Bau"

    def test_payer_beside_a_received_from_label_over_a_table(self) -> None:
        layer = page(
            ("Maple Systems", 100, 100),
            ("53 Main St., Tel Aviv", 100, 250),
            ("Received from:", 100, 500),
            ("North Systems Co.", 1200, 500),
            ("Item", 100, 560),
            ("Price", 1600, 560),
            ("Total", 2100, 560),
            ("A4 paper", 100, 610),
            ("26.00", 1600, 610),
            ("26.00", 2100, 610),
        )
        assert extract_with_rules([layer]).vendor_name == "Maple Systems"


class TestAllocationAndCurrency:
    def test_allocation_number_before_its_label(self) -> None:
        layer = page(
            ("Invoice Number:", 100, 300),
            ("56374", 600, 300),
            ("267409836", 1300, 300),
            ("Allocation Number:", 1800, 300),
        )
        assert extract_with_rules([layer]).allocation_number == "267409836"

    def test_allocation_number_under_its_label_not_the_id_beside_it(self) -> None:
        layer = page(
            ('אופק שירותים בע"מ', 1500, 100),
            ("מספר הקצאה", 1400, 300),
            ("ח.פ.", 2150, 300),
            ("514641257", 2100, 350),
            ("320663018", 1450, 350),
            rtl=True,
        )
        assert extract_with_rules([layer]).allocation_number == "320663018"

    def test_currency_named_in_hebrew_words(self) -> None:
        layer = page(
            ('סה"כ לתשלום', 1800, 300), ("1,250.00", 1200, 300), ("הסכומים בדולר", 1700, 400), rtl=True
        )
        assert extract_with_rules([layer]).currency == "USD"


class TestTotalsPlacements:
    """Totals labels over their amounts in a row of cells, or after their amounts."""

    def test_row_of_amount_labels_over_the_amounts(self) -> None:
        layer = page(
            ("Acme Ltd", 100, 100),
            ("Description", 100, 400),
            ("Qty", 1200, 400),
            ("Amount", 1800, 400),
            ("Cleaning supplies", 100, 460),
            ("1", 1200, 460),
            ("21.14", 1800, 460),
            ("Total of items", 100, 700),
            ("Amount excl. VAT", 700, 700),
            ("VAT", 1300, 700),
            ("Amount Due", 1800, 700),
            ("100.00", 100, 760),
            ("100.00", 700, 760),
            ("20.00", 1300, 760),
            ("120.00", 1800, 760),
        )
        extraction = extract_with_rules([layer])
        assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (100.0, 20.0, 120.0)

    def test_sum_of_items_before_the_discount_is_not_the_total(self) -> None:
        layer = page(
            ("Acme Ltd", 100, 100),
            ("$70.91", 1500, 700),
            ("Total of items", 1900, 700),
            ("$3.55-", 1500, 760),
            ("Promo discount", 1900, 760),
            ("$67.36", 1500, 820),
            ("TOTAL", 1900, 820),
        )
        assert extract_with_rules([layer]).total == 67.36


class TestMoreDocumentNumberLabels:
    @pytest.mark.parametrize("label", ["Nº documento", "Dokument-Nr.", "Numéro de document"])
    def test_label_words(self, label: str) -> None:
        assert document_labels.INVOICE_NUMBER.search(label)

    def test_order_number_cell_beside_a_bare_document_cell(self) -> None:
        layer = page(
            ('שקד ייעוץ בע"מ', 1500, 100),
            ("הזמנה מס'", 2000, 400),
            ("מסמך", 1400, 400),
            ("תאריך הנפקה", 700, 400),
            ("153812", 2000, 460),
            ("20995", 1400, 460),
            ("25-01-2024", 700, 460),
            rtl=True,
        )
        assert extract_with_rules([layer]).invoice_number == "20995"

    def test_bare_hebrew_to_heads_the_customer_block(self) -> None:
        assert party_labels.BUYER_BLOCK.search("אל")


class TestCustomerReferences:
    def test_id_stacked_with_the_customer_number_is_the_customers(self) -> None:
        rows = [
            ("Hetzner Online GmbH • Industriestr. 25 • 91710 Gunzenhausen", 100, 100),
            ("Kundennummer: K0100077603", 1956, 873),
            ("USt-IdNr.: DE199952957", 2042, 932),
            ("Rechnungsnummer: R0005532486", 1900, 991),
        ]
        rows += [(f"Position {n}", 100, 1200 + 60 * n) for n in range(12)]
        rows.append(("USt-IdNr. DE812871812", 100, 3300))
        assert extract_with_rules([page(*rows)]).vendor_tax_id == "DE812871812"

    def test_a_label_ending_in_a_colon_is_no_name(self) -> None:
        layer = page(
            ("FACTURA", 100, 100),
            ("768731", 100, 300),
            ("Factura nº:", 700, 300),
            ("04-5547985", 1300, 300),
            ("Teléfono:", 2000, 300),
            ("12/06/2024", 100, 360),
            ("Fecha de factura:", 700, 360),
            ("García Distribuciones S.L.U.", 100, 500),
            ("Avenida de la Constitución 57, 20844 Barcelona", 100, 560),
        )
        assert extract_with_rules([layer]).vendor_name == "García Distribuciones S.L.U."


class TestLabelsStayInTheirCell:
    """A label never runs from one cell into the next."""

    def test_tax_invoice_title_is_no_number_label(self) -> None:
        layer = page(
            ("חשבונית מס קבלה", 1700, 100),
            ("מאז 1987", 1900, 200),
            ("כרמל מערכות (1998)", 1700, 300),
            ("מס' הקצאה:", 300, 500),
            ("991983924", 700, 500),
            ("מסמך", 1700, 500),
            ("41660", 2100, 500),
            rtl=True,
        )
        assert extract_with_rules([layer]).invoice_number == "41660"

    def test_id_label_split_over_two_cells(self) -> None:
        layer = page(
            ("צוקים מערכות", 1800, 100),
            ("חשבונית מס מס'", 1900, 400),
            ("עוסק מורשה מספר", 1000, 400),
            ("2024-9102", 2000, 460),
            ("53-397815-1", 1100, 460),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_tax_id == "533978151"


class TestDateLabelsOcrDamaged:
    """Spanish date labels as OCR prints them: the accented vowel misread, the last letter lost."""

    @pytest.mark.parametrize(
        "label", ["Fecha de emisión:", "Fecha de emisién:", "Fecha de emisi6n", "fecha expedicion"]
    )
    def test_issue_date_labels(self, label: str) -> None:
        assert document_labels.DATE_INVOICE.search(label)
        assert not document_labels.DATE_OTHER.search(label)

    @pytest.mark.parametrize(
        "label", ["Fecha de pedido", "Fecha de pedid", "Fecha de entreg", "Fecha del servici"]
    )
    def test_other_dates_labels(self, label: str) -> None:
        assert document_labels.DATE_OTHER.search(label)

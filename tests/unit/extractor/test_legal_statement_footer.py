"""A footer's statement of the company's legal identity (share capital, registered office, registry:
'Sarl au capital de 10 000€ - RCS Paris B 530 848 134', 'Siège social : ...', 'Stammkapital ...')
is no name: the legal form it opens with ('Sarl') names no one. The words before the statement are
the name ('Quintal SAS au capital de ...'), and so is the short line right over it."""

from __future__ import annotations

from dataclasses import replace

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.legal_footer import (
    LEGAL_STATEMENT,
    bare_legal_form,
    heads_legal_statement,
    name_after_office_label,
)
from invoiceme_extractor.rules.lines import Line, document_lines
from invoiceme_extractor.rules.parties import find_vendor_name

from .wordbox import page


def _page(footer: list[str]) -> list[Line]:
    head = ["Facture n° 2022089083", "Date : 28/11/2022", "Total TTC : 56,02 €"]
    return [Line(text, 1, index) for index, text in enumerate(head + footer)]


class TestLegalStatementFooter:
    def test_statements_in_several_languages(self) -> None:
        for text in (
            "Sarl au capital de 10 000€",
            "Capital social: 3.000 €",
            "Share capital GBP 1,000",
            "Stammkapital 25.000 EUR",
            "Registered Office: 4 Market Lane",
            "Siège social : 16 rue Mollien",
            "KvK Rotterdam 24330087",
            "Amtsgericht Köln HRB 12345",
        ):
            assert LEGAL_STATEMENT.search(text), text

    def test_a_legal_form_alone_is_no_name(self) -> None:
        assert bare_legal_form("Sarl") and not bare_legal_form("Quintal SAS")

    def test_the_statement_line_names_no_one(self) -> None:
        lines = _page(["Sarl au capital de 10 000€ - RCS Paris B 530 848 134 – Siret 53084813400017"])
        assert find_vendor_name(lines, None) is None

    def test_the_name_before_the_statement(self) -> None:
        lines = _page(["Quintal SAS au capital de 3.441.812 Euros - B 421 938 861 RCS Paris"])
        found = find_vendor_name(lines, None)
        assert found is not None and found.value == "Quintal SAS"

    def test_the_line_over_the_statement_names_the_company(self) -> None:
        lines = _page(
            ["MERIDIAN", "Siège social : 16 rue Mollien - 92100 BOULOGNE", "Sarl au capital de 10 000€"]
        )
        assert heads_legal_statement(lines[3], lines)
        found = find_vendor_name(lines, None)
        assert found is not None and found.value == "MERIDIAN"


class TestFooterColumns:
    """In a footer of columns, a statement in one column ('Registergericht ...' under 'Geschäftsführer:
    ...') says nothing of the bank's name in another column above the next row."""

    def test_a_bank_beside_the_statement_is_no_footer_name(self) -> None:
        laid_out = page(
            ("Rechnung R0005532486", 100, 400),
            ("Nordlicht Online GmbH", 100, 3000),
            ("Bankverbindung:", 1700, 3000),
            ("Geschäftsführer: Martin Lenz", 100, 3040),
            ("Sparkasse Bank AG Nürnberg", 1700, 3040),
            ("Registergericht Ansbach, HRB 6089", 100, 3080),
            ("IBAN: DE92 7607 0012 0750 0077 00", 1700, 3080),
        )
        lines = document_lines([laid_out])
        row = next(line for line in lines if line.text.startswith("Geschäftsführer"))
        for cell in row.cells:
            assert not heads_legal_statement(replace(row, text=cell.text), lines), cell.text


class TestNameAfterOfficeLabel:
    """'Regd. office: Kestrel Retail Private Limited, Ozone Tech Park, ...': the registered office's
    statement opens with the company's legal name, before its address."""

    def test_the_legal_name_before_the_address(self) -> None:
        text = "Regd. office: Kestrel Retail Private Limited, Ozone Tech Park, Bangalore-560068"
        assert name_after_office_label(text) == "Kestrel Retail Private Limited"

    def test_an_address_after_the_label_is_no_name(self) -> None:
        text = "Siège social : 16 rue Mollien - 92100 BOULOGNE"
        assert name_after_office_label(text) == text

    def test_the_footer_names_the_issuer(self) -> None:
        text = (
            "TAX INVOICE\nInvoice No: 123\nDate: 01/02/2024\nBill To:\nRavi Kumar\n12 MG Road\n"
            "Bangalore 560001\nIndia\nItem 1 Rs 500.00\nTotal Rs 500.00\n"
            "Regd. office: Kestrel Retail Private Limited, Ozone Tech Park, Bangalore-560068"
        )
        assert extract_with_rules([(1, text)]).vendor_name == "Kestrel Retail Private Limited"

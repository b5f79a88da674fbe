"""OCR glues what follows a number to it (a fresh draw's French scan and photo, seed 41): a VAT
number's last digit read as I and joined to its label ('FR7038507466IIVA intracommunautaire' for
FR70385074661 TVA), and a currency code joined to the total's cents ('9841,80EUR.')."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amounts import amounts_in
from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id

_PAGE = """ATLANTIQUE Facture
60432 Facture N°:
5 mars 2024 . Date:
{vat_line}
Destinataire:
Etoile Informatique SA
69 rue de la Paix, 53418 Nantes
8 201,50 Total HT
1 640,30 TVA (20%)
9841,80EUR. Total TTC
Atlantique Informatique SA | 120 boulevard Voltaire, 17981 Nantes
"""


def test_a_vat_numbers_last_digit_read_as_a_letter_joined_to_its_label() -> None:
    found = eu_vat_ids("FR7038507466IIVA intracommunautaire:")
    assert found == ["FR7038507466I"]
    assert normalize_tax_id(found[0]) == "FR70385074661"
    assert eu_vat_ids("FR7038507465IIVA intracommunautaire:") == []  # the key fails: no id


def test_the_page_reads_the_id_glued_to_its_label() -> None:
    extraction = extract_with_rules([(1, _PAGE.format(vat_line="FR7038507466IIVA intracommunautaire:"))])
    assert extraction.vendor_tax_id == "FR70385074661"


def test_a_code_joined_to_the_cents_names_the_currency() -> None:
    extraction = extract_with_rules([(1, _PAGE.format(vat_line="4 avril 2024 . A payer avant le:"))])
    assert extraction.vendor_tax_id is None  # the issuer's country says nothing here
    assert extraction.currency == "EUR"


def test_an_amount_in_pounds_is_no_vat_number() -> None:
    # 'GBP 17836.14' read as GB + 'P1783614' (a fresh draw's scan, seed 43)
    assert eu_vat_ids("Total Due GBP 17836.14") == []
    assert eu_vat_ids("VAT Reg GB 721 8993 09") == ["GB 721 8993 09"]


def test_a_speck_read_as_a_point_before_an_amount_in_groups() -> None:
    # 'סה"כ ללא מע"מ .18,621.95' (a fresh draw's Hebrew scan, seed 44)
    assert amounts_in('סה"כ ללא מע"מ .18,621.95') == [(18621.95, "18,621.95")]
    assert amounts_in("Summe .1.234,56") == [(1234.56, "1.234,56")]
    assert amounts_in("Tax .50") == []  # fifty cents or a speck: left as it was


def test_a_german_register_number_is_no_croatian_vat_number() -> None:
    # 'Amtsgericht München HRB 26308481' (a fresh draw's photo, seed 46)
    assert eu_vat_ids("Amtsgericht München HRB 26308481") == []
    assert eu_vat_ids("OIB HR 12345678901") == ["HR 12345678901"]

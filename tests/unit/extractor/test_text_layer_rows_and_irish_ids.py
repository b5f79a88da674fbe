"""Four things a fresh draw of born-digital and scanned invoices showed (seed 41):
- PDFium joins text drawn without a line break into one line: the customer's id line with the item
  table's rows under it. Words that share no height are never one row, so 'Client VAT ID' stays
  beside its own id and the issuer's id under its label is the vendor's.
- An EU VAT number printed with a space after its country code ('IE 1873758S') across the row from a
  number label is no document number, though its digits alone pass no check.
- 3.80 VAT on a 16.50 net is 23 % (the ratio 0.2303 strays from the rate by rounding to the cent).
- An Irish number's check letter J read as a bracket ('IE2983469]', 'IE2983469]J')."""

from __future__ import annotations

from invoiceme_common.events import OcrPage, OcrWord
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.layout import page_units, vertical_bands
from invoiceme_extractor.rules.printed_rate import rate_of
from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id

from .wordbox import tall_page

# One PDFium line as stored: the customer's id line, the table's header and its rows, in this order
_JOINED_LINE = (
    ("Client", 803, 928, 74, 33), ("VAT", 885, 928, 56, 33), ("ID", 950, 928, 29, 33),
    ("510294754", 987, 928, 145, 33), ("#", 821, 1085, 17, 35), ("Item", 930, 1085, 63, 35),
    ("Rate", 1916, 1085, 67, 35), ("Total", 2236, 1085, 73, 35), ("1", 821, 1170, 17, 35),
    ("A4", 930, 1170, 38, 35), ("paper", 976, 1170, 79, 35), ("₪34.00", 1876, 1169, 106, 37),
    ("₪102.00", 2186, 1169, 123, 37), ("2", 821, 1255, 17, 35), ("Consulting", 930, 1255, 145, 35),
    ("services", 1083, 1255, 113, 35), ("₪18101.00", 1825, 1254, 158, 37), ("₪27151.50", 2151, 1254, 158, 37),
)  # fmt: skip


def _customer_line_over_items() -> OcrPage:
    page = tall_page(
        ("Blue Works", 80, 80, 40),
        ("115 Elm Avenue, Manchester", 80, 140, 33),
        ("Invoice ID: A928283", 1700, 200, 33),
        ("VAT Registration No.", 80, 200, 33),
        ("Issued on: 27-Jul-2025", 1700, 260, 33),
        ("529347874", 80, 260, 33),
        ("Deliver To:", 803, 700, 33),
        ("Blue Systems Ltd", 803, 786, 39),
        ("Net ₪23165.48", 80, 1600, 33),
        ("VAT ₪4169.79", 80, 1740, 33),
        ("TOTAL ₪27335.27", 80, 1890, 40),
    )
    joined = [
        OcrWord(text=text, left=left, top=top, width=width, height=height, confidence=1.0, line=99)
        for text, left, top, width, height in _JOINED_LINE
    ]
    text = page.text + "\n" + " ".join(word.text for word in joined)
    return page.model_copy(update={"words": page.words + joined, "text": text})


def test_words_at_other_heights_of_one_stored_line_are_rows_of_their_own() -> None:
    units = page_units(_customer_line_over_items())
    texts = [" ".join(word.text for word in unit.words) for unit in units]
    assert "Client VAT ID 510294754" in texts
    assert "1 A4 paper ₪34.00 ₪102.00" in texts


def test_a_band_keeps_overlapping_words_in_their_order() -> None:
    placed = (("Total due", 80, 100, 30, 0), ("12.50", 400, 104, 30, 0), ("paid", 80, 300, 30, 0))
    words = tall_page(*placed).words
    assert [[w.text for w in band] for band in vertical_bands(words)] == [["Total", "due", "12.50"], ["paid"]]


def test_the_customers_id_line_merged_with_the_items_is_still_the_customers() -> None:
    extraction = extract_with_rules([_customer_line_over_items()])
    assert extraction.vendor_tax_id == "529347874"


def test_an_eu_vat_number_across_the_row_from_a_number_label_is_no_number() -> None:
    page = tall_page(
        ("Bright Works", 80, 80, 40),
        ("VAT Number", 80, 150, 33),
        ("Inv. No", 80, 220, 33, 2),
        ("IE 1873758S", 2000, 216, 35, 2),
        ("68/2069", 80, 280, 40),
        ("Invoice Issued 2024-01-02", 80, 360, 33),
        ("Sub-total 4196.33", 1500, 900, 33),
        ("VAT @ 23% 965.16", 1500, 960, 33),
        ("Total 5161.49", 1500, 1020, 33),
    )
    assert extract_with_rules([page]).invoice_number == "68/2069"


def test_a_small_vat_rounded_to_the_cent_has_its_quarter_step_rate() -> None:
    assert rate_of(3.80, 16.50, None) == (0.23, "")
    assert rate_of(380.00, 1650.00, None) is None  # 23.03 % on large amounts is no rate
    assert rate_of(0.23, 1.00, None) == (0.23, "")


def test_an_irish_check_letter_j_read_as_a_bracket() -> None:
    assert eu_vat_ids("Taxpayer ID IE2983469] - 67 Market Street") == ["IE2983469]"]
    assert normalize_tax_id("IE2983469]") == "IE2983469J"
    assert normalize_tax_id("IE2983469]J") == "IE2983469J"
    assert eu_vat_ids("Taxpayer ID IE2983469]J") == ["IE2983469]J"]
    assert normalize_tax_id("IE2983460]") == "IE2983460]"  # J fails the check: left as read

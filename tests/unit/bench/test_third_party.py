"""bench.extraction.third_party: the truth of a real invoice from its machine-readable twin or from
invoice2data's test labels, and folders read into manifest rows."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from bench.extraction.third_party import folder_rows, items_from_cii, truth_from_cii, truth_from_invoice2data
from bench.extraction.third_party_sets import refaelcodes_row, sroie_date, sroie_row

_FACTUR_X = b"""<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
    xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocument>
    <ram:ID>F-2024-17</ram:ID>
    <ram:IssueDateTime><udt:DateTimeString format="102">20240315</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty>
        <ram:Name>Lieferant GmbH</ram:Name>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="FC">201/113/40209</ram:ID>
        </ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">DE123456789</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:Name>Kunden AG</ram:Name>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">DE987654321</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">19.00</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>119.00</ram:GrandTotalAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
"""


def test_a_factur_x_invoice_gives_the_sellers_fields_not_the_buyers() -> None:
    assert truth_from_cii(_FACTUR_X) == {
        "vendor": "Lieferant GmbH",
        "vat_id": "DE123456789",  # the VAT id (VA), not the tax number (FC), and not the buyer's
        "invoice_number": "F-2024-17",
        "date_iso": "2024-03-15",
        "total_num": "119.00",
        "net_num": "100.00",
        "tax_num": "19.00",
        "currency": "EUR",
    }


def test_zugferd_1_names_its_header_differently() -> None:
    zugferd_1 = _FACTUR_X.replace(b"CrossIndustryInvoice", b"CrossIndustryDocument").replace(
        b"rsm:ExchangedDocument", b"rsm:HeaderExchangedDocument"
    )
    truth = truth_from_cii(zugferd_1)
    assert truth is not None
    assert (truth["invoice_number"], truth["date_iso"]) == ("F-2024-17", "2024-03-15")


def test_an_order_or_broken_xml_is_no_invoice() -> None:
    assert truth_from_cii(b"<rsm:SCRDMCCBDACIOMessageStructure xmlns:rsm='x'/>") is None
    assert truth_from_cii(b"<not xml") is None


def test_invoice2data_labels() -> None:
    labels = [
        {
            "issuer": "OYO",
            "amount": 1939.0,
            "date": "2017-12-31",
            "invoice_number": "IBZY2087",
            "currency": "INR",
        }
    ]
    truth = truth_from_invoice2data(labels)
    assert truth["total_num"] == "1939.0"
    assert (truth["date_iso"], truth["currency"], truth["net_num"]) == ("2017-12-31", "INR", "")


def test_a_folder_reads_labels_beside_each_document_and_skips_the_unlabelled(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 not really")  # no attachment to read: skipped
    (tmp_path / "b.png").write_bytes(b"")
    (tmp_path / "b.json").write_text(json.dumps([{"issuer": "Shop", "amount": 5}]))
    rows = folder_rows(tmp_path)
    assert [(Path(row["file"]).name, row["source"], row["total_num"]) for row in rows] == [
        ("b.png", f"{tmp_path.name}/image", "5")
    ]


def test_sroie_dates_are_day_first_and_two_digit_years_are_this_century() -> None:
    assert sroie_date("04/01/2018") == "2018-01-04"
    assert sroie_date("24-01-16") == "2016-01-24"
    assert sroie_date("02/JAN/2017") == "2017-01-02"
    assert sroie_date("25 Dec 2018") == "2018-12-25"
    assert sroie_date("31/02/2018") == ""  # no such day: left unlabelled rather than guessed
    assert sroie_date("12:30 PM") == ""


def test_a_sroie_label_becomes_a_manifest_row() -> None:
    labels = {"company": "BOOK TA .K SDN BHD", "date": "25/12/2018", "total": "RM9.00", "address": "JOHOR"}
    row = sroie_row(labels, "sroie_000.jpg", "sroie_check")
    assert (row["vendor"], row["date_iso"], row["total_num"]) == ("BOOK TA .K SDN BHD", "2018-12-25", "9.00")


def test_a_refaelcodes_label_gives_the_sellers_fields() -> None:
    labels = {
        "fields": {
            "doc_number": 65195,
            "issue_date": "06/09/2025",
            "seller": {"name": 'סחר המרכז בע"מ', "vat_id": "529352361"},
            "customer": {"name": "פתרונות גלובל", "id": "473438141"},
            "currency": "ILS",
            "subtotal": 6970,
            "vat_amount": 1254.6,
            "total": 8224.6,
            "line_items": [
                {"description": "הדרכת צוות", "quantity": 4, "unit_price": 480, "line_total": 1920}
            ],
        }
    }
    row = refaelcodes_row(labels, "01_invoice_tax_2.pdf", "hebrew_rc/pdf")
    assert json.loads(row["items_json"]) == [{"description": "הדרכת צוות", "amount": 1920.0}]
    assert (row["vendor"], row["vat_id"], row["invoice_number"]) == ('סחר המרכז בע"מ', "529352361", "65195")
    assert (row["date_iso"], row["total_num"], row["net_num"]) == ("2025-09-06", "8224.6", "6970")


def test_the_invoice_lines_are_its_printed_items() -> None:
    line = b"""<ram:IncludedSupplyChainTradeLineItem>
      <ram:SpecifiedTradeProduct><ram:Name>%s</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeSettlementLineMonetarySummation>
        <ram:LineTotalAmount>%s</ram:LineTotalAmount>
      </ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>"""
    lines = line % (b"Trennbl\xc3\xa4tter A4", b"198.00") + line % (b"Joghurt Banane", b"9.90")
    opening = b"<rsm:SupplyChainTradeTransaction>"
    xml = _FACTUR_X.replace(opening, opening + lines)
    assert items_from_cii(xml) == [
        {"description": "Trennblätter A4", "amount": 198.0},
        {"description": "Joghurt Banane", "amount": 9.9},
    ]
    assert items_from_cii(_FACTUR_X) == []


def test_the_fields_a_row_labels_are_the_scorers_and_not_sroies_implicit_currency() -> None:
    from bench.extraction.external import labelled_fields

    scorer = SimpleNamespace(FIELDS={"vendor": "vendor_name", "total_num": "total", "currency": "currency"})

    sroie = {"source": "sroie", "vendor": "BOOK TA .K", "total_num": "9.00", "currency": "MYR (implicit)"}
    assert list(labelled_fields(scorer, sroie)) == [("vendor", "vendor_name"), ("total_num", "total")]
    other = {**sroie, "source": "zugferd_corpus", "currency": "EUR", "vendor": ""}
    assert list(labelled_fields(scorer, other)) == [("total_num", "total"), ("currency", "currency")]

"""Fields found when their label is a word no lexicon knows: by value shape (an Israeli id's check
digit), by arithmetic between printed amounts (net + VAT = total, a VAT that is a rate of the total
it is part of, items that add up to a printed sum), and no digit repairs on a text layer, where the
characters are the PDF's own (bench/extraction/unseen_labels.py measures all of it)."""

from __future__ import annotations

import pytest

from invoiceme_extractor.contract import LineItem
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.id_shapes import ISRAELI_ID
from invoiceme_extractor.rules.items_totals import without_total_row
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.repair import may_be_misread
from invoiceme_extractor.rules.tax_ids import unlabelled_id_plausible


def _extract(text: str):
    return extract_with_rules([(1, text)])


HEADER = "Orion Partners Ltd\n12 King Street, Leeds\n{id_line}\nINVOICE\nInvoice No. 4471\nDate: 05/03/2025\n"


class TestTaxIdWithoutItsLabel:
    def test_a_valid_israeli_id_in_an_english_header_is_the_vendors_at_review_confidence(self) -> None:
        extraction = _extract(HEADER.format(id_line="Brouzai: 51-381656-1") + "Total 130.00")
        assert extraction.vendor_tax_id == "513816561"
        assert extraction.confidence["vendor_tax_id"] <= 0.6  # worth a look: the label is unknown

    def test_a_9_digit_number_failing_the_check_digit_is_not_taken_without_a_label(self) -> None:
        extraction = _extract(HEADER.format(id_line="Brouzai: 51-381656-2") + "Total 130.00")
        assert extraction.vendor_tax_id is None

    def test_plausibility_needs_the_issuers_place_on_a_page_not_in_hebrew(self) -> None:
        assert unlabelled_id_plausible("513816561", 2.0, hebrew=False, where_issuer_prints=True)
        assert not unlabelled_id_plausible("513816561", 2.0, hebrew=False, where_issuer_prints=False)
        assert unlabelled_id_plausible("513816561", 2.0, hebrew=True, where_issuer_prints=False)
        assert not unlabelled_id_plausible("1234567", 0.0, hebrew=True, where_issuer_prints=True)

    def test_the_us_ein_grouping_is_an_id_shape(self) -> None:
        assert [m.group(1) for m in ISRAELI_ID.finditer("Firm: 51-3816561 | Tel 03-5257040")] == [
            "51-3816561"
        ]


class TestTotalsWithoutTheirLabels:
    def test_net_and_vat_add_up_to_a_printed_amount_whose_label_is_unknown(self) -> None:
        page = "Acme Ltd\nINVOICE\nSubtotal 100.00\nVAT 17% 17.00\nZorblat 117.00\n"
        extraction = _extract(page)
        assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (100.0, 17.0, 117.0)

    def test_the_printed_sum_beats_a_labelled_gross_before_a_discount(self) -> None:
        page = "Acme Ltd\nINVOICE\nTotal 120.00\nDiscount 20.00\nSubtotal 100.00\nVAT 17% 17.00\nZorb 117.00"
        extraction = _extract(page)
        assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (100.0, 17.0, 117.0)
        assert extraction.vat_rate == 0.17

    def test_a_net_under_an_unknown_label_is_total_minus_vat_printed_above(self) -> None:
        page = "Acme Ltd\nINVOICE\nZofai 6725.21\nVAT 1546.80\nTotal Due 8272.01\n"
        extraction = _extract(page)
        assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (6725.21, 1546.80, 8272.01)

    def test_vat_inside_a_tax_inclusive_total_under_an_unknown_label(self) -> None:
        page = "Acme Ltd\nRECEIPT\nTotal 74982.02\nBerogo 12497.00\n"
        extraction = _extract(page)
        assert (extraction.total, extraction.vat_amount) == (74982.02, 12497.00)
        assert extraction.vat_rate == 0.2

    def test_an_amount_no_rate_makes_of_the_total_is_not_vat(self) -> None:
        extraction = _extract("Acme Ltd\nRECEIPT\nTotal 74982.02\nBerogo 12000.00\n")
        assert extraction.vat_amount is None

    def test_a_closing_row_that_sums_the_items_is_the_total_not_an_item(self) -> None:
        page = (
            "Acme Ltd\nINVOICE\nDescription Qty Price Amount\nDesk 2 50.00 100.00\nChair 1 30.00 30.00\n"
            "Zorblat 130.00\nThank you\n"
        )
        extraction = _extract(page)
        assert extraction.total == 130.0
        assert [item.amount for item in extraction.line_items] == [100.0, 30.0]


class TestTotalRow:
    def test_two_equal_bare_rows_stay_two_items(self) -> None:
        items = [LineItem(description="Desk", amount=182.0), LineItem(description="Chair", amount=182.0)]
        assert without_total_row(items) == items

    def test_a_last_row_with_a_quantity_is_an_item(self) -> None:
        items = [
            LineItem(description="Desk", quantity=1, amount=50.0),
            LineItem(description="Chair", quantity=1, amount=50.0),
            LineItem(description="Table", quantity=1, amount=100.0),
        ]
        assert without_total_row(items) == items


class TestNoRepairOnATextLayer:
    def test_a_text_layer_line_is_read_exactly_and_an_ocr_line_may_be_misread(self) -> None:
        box = Box(0, 0, 10, 10)
        exact = Line("2,708.10", 1, 0, box, (Cell("2,708.10", box, 10.0, 1.0),))
        ocr = Line("2,708.10", 1, 0, box, (Cell("2,708.10", box, 10.0, 0.91),))
        assert not may_be_misread(exact)
        assert may_be_misread(ocr)
        assert may_be_misread(Line("2,708.10", 1, 0))  # plain text: origin unknown


class TestInvoiceNumberWithoutItsLabel:
    def test_a_code_after_an_unknown_word_and_a_colon(self) -> None:
        page = "Orion & Summit Ltd\n173 King Street, Dublin\nGastou: A147104\nDate: 05/15/2025\nTotal 10.00"
        extraction = _extract(page)
        assert extraction.invoice_number == "A147104"
        assert extraction.confidence["invoice_number"] <= 0.5

    def test_a_code_under_an_unknown_word(self) -> None:
        page = 'תמר שירותים\nחשבונית מס/קבלה\nח.פ. 513816561\nסצתאפמ\n7377243\nתאריך\n25/09/2024\nסה"כ 10.00'
        assert _extract(page).invoice_number == "7377243"

    def test_numbers_other_words_name_are_not_taken(self) -> None:
        page = "Acme Ltd\nCashier: 3412\nTable: 1207\nTel: 035257040\nDate: 05/03/2025\nTotal 10.00"
        assert _extract(page).invoice_number is None

    def test_dates_amounts_and_short_numbers_are_no_document_code(self) -> None:
        from invoiceme_extractor.rules.unknown_number_label import document_code

        assert document_code("25/09/2024") is None
        assert document_code("1,250") is None
        assert document_code("530") is None
        assert document_code("RE-43918") == "RE-43918"


class TestTotalsWithEveryLabelUnknown:
    def test_the_largest_amount_with_its_net_and_vat_printed_above(self) -> None:
        page = "Acme Ltd\nDesk 2 50.00 100.00\nChair 1 30.00 30.00\nBrou 130.00\nZofai 22.10\nKlem 152.10\n"
        extraction = _extract(page)
        assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (130.0, 22.10, 152.10)
        assert extraction.vat_rate == 0.17
        assert extraction.confidence["total"] <= 0.7

    def test_only_a_guess_when_no_two_amounts_make_the_largest_at_a_rate(self) -> None:
        # the largest amount, printed last, is the total only as a guess; no parts are made up
        extraction = _extract("Acme Ltd\nBrou 130.00\nZofai 20.00\nKlem 152.10\n")
        assert extraction.total == 152.10 and extraction.confidence["total"] <= 0.5
        assert extraction.subtotal is None and extraction.vat_amount is None

    def test_no_total_when_a_smaller_amount_follows_the_largest(self) -> None:
        extraction = _extract("Acme Ltd\nBrou 130.00\nKlem 152.10\nZofai 20.00\n")
        assert extraction.total is None

    def test_a_labelled_totals_net_and_vat_under_unknown_labels(self) -> None:
        extraction = _extract("Acme Ltd\nBrou 130.00\nZofai 22.10\nTotal 152.10\n")
        assert (extraction.subtotal, extraction.vat_amount) == (130.0, 22.10)


def test_a_printed_rate_over_30_percent_is_an_ocr_misreading() -> None:
    extraction = _extract("Acme Ltd\nSubtotal 13724.75\nVAT 179% 2333.21\nTotal 16057.96\n")
    assert extraction.vat_rate == 0.17


def test_a_credit_notes_negative_amounts_by_arithmetic_alone() -> None:
    extraction = _extract("Acme Ltd\nBrou -130.00\nZofai -29.90\nKlem -159.90\n")
    assert (extraction.subtotal, extraction.vat_amount, extraction.total) == (-130.0, -29.90, -159.90)
    assert extraction.vat_rate == 0.23  # a standard rate in Ireland, Poland and Portugal


@pytest.mark.parametrize(
    ("family", "seed", "unseen"), [("payment_receipt", 11003, {"date"}), ("strip", 7007, set())]
)
def test_a_payment_tables_date_column_is_not_the_documents_date(
    family: str, seed: int, unseen: set[str]
) -> None:
    """A generated dev page's text layer: the payment table's 'Date' column over a cheque's date is the
    payment's; the document's own date is the one under a label we may not know. A row of the
    header's own labels ('PO Number | Payment Due Date | Invoice Dt.') is no table: its date stays."""
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.pdf import read_pdf_page
    from tests.corpus.compose import compose
    from tests.corpus.pdf import to_pdf

    page, truth = compose(family, "en", seed, frozenset(unseen))
    extraction = extract_with_rules([read_pdf_page(to_pdf(page), 0, OcrOptions())])
    assert extraction.invoice_date == truth["invoice_date"]


class TestMoreTotalsWithoutTheirLabels:
    def test_the_rounded_total_under_the_rounding_line_is_what_is_paid(self) -> None:
        slip = "Acme Foods\nSubtotal 215.07\nVAT 17% 36.56\nBrou 251.63\nROUNDING -0.03\nZofai 251.60\n"
        assert _extract(slip).total == 251.60

    def test_one_items_amount_printed_again_below_it_is_the_total(self) -> None:
        page = "Acme Ltd\nDescription Qty Price Amount\nCloud hosting 5 16.15 80.75\nKlem NIS 80.75\n"
        assert _extract(page).total == 80.75

    def test_one_item_alone_gives_no_total(self) -> None:
        page = "Acme Ltd\nDescription Qty Price Amount\nCloud hosting 5 16.15 80.75\nThank you\n"
        assert _extract(page).total is None

    def test_the_gross_just_above_an_included_vat_without_a_printed_rate(self) -> None:
        page = "Acme Ltd\nRECEIPT\nCash 12 29 Dec 2024 5,233.30\nBerebru 5,233.30\nVAT included 872.22\n"
        extraction = _extract(page)
        assert (extraction.total, extraction.vat_amount) == (5233.30, 872.22)


class TestMoreInvoiceNumbersWithoutTheirLabel:
    @pytest.mark.parametrize(
        ("family", "language", "seed"),
        [
            ("panel", "de", 11001),  # two columns' lines interleave between the label and its value
            ("classic", "he", 11000),  # a right-to-left row read value first: '1142 | סצתאפמ:'
            ("classic", "en", 11001),  # 'Allocation No.: 337619105' names another number
        ],
    )
    def test_generated_pages_with_the_number_label_made_up(
        self, family: str, language: str, seed: int
    ) -> None:
        from invoiceme_ocr.engine import OcrOptions
        from invoiceme_ocr.pdf import read_pdf_page
        from tests.corpus.compose import compose
        from tests.corpus.pdf import to_pdf

        page, truth = compose(family, language, seed, frozenset({"number"}))
        extraction = extract_with_rules([read_pdf_page(to_pdf(page), 0, OcrOptions())])
        assert extraction.invoice_number == truth["invoice_number"]

    def test_a_phone_numbers_shape_is_never_the_documents_number(self) -> None:
        """A generated Hebrew panel page with its number label made up: the phone under 'טלפון'
        ('02-9378372') was taken for the number before."""
        from invoiceme_ocr.engine import OcrOptions
        from invoiceme_ocr.pdf import read_pdf_page
        from tests.corpus.compose import compose
        from tests.corpus.pdf import to_pdf

        page, _ = compose("panel", "he", 11004, frozenset({"number"}))
        text_layer = read_pdf_page(to_pdf(page), 0, OcrOptions())
        assert "02-9378372" in text_layer.text
        assert extract_with_rules([text_layer]).invoice_number != "02-9378372"

    def test_a_phone_shaped_code_under_an_unknown_word_is_no_number(self) -> None:
        assert _extract("Acme Ltd\nZorblat\n03-5235735\nGesamt 10,00").invoice_number is None


def _row(index: int, top: float, *cells: tuple[str, float, float]) -> Line:
    boxes = tuple(Cell(text, Box(left, top, right, top + 10), 10.0) for text, left, right in cells)
    text = " ".join(cell.text for cell in boxes)
    return Line(text, 1, index, Box(boxes[0].box.left, top, boxes[-1].box.right, top + 10), boxes)


def test_an_items_catalogue_number_beside_its_description_is_no_document_number() -> None:
    """A Hebrew item row ('52405 | ארוחת צהריים | 3 | 10285.00 | 30855.00', its table's header
    lost): the description read as an unknown label and the catalogue number beside it as the
    document's number (9 documents of 7 seeds); a code under an unknown label stays."""
    from invoiceme_extractor.rules.unknown_number_label import numbers_by_unknown_label

    item = _row(
        0,
        0,
        ("52405", 0, 40),
        ("ארוחת צהריים", 60, 140),
        ("3", 160, 170),
        ("10285.00", 190, 250),
        ("30855.00", 270, 330),
    )
    assert [r.value for r in numbers_by_unknown_label([item])] == []
    label = _row(0, 0, ("Zorblat", 400, 460), ("2 Coffee 3 17,741.22 53,223.66", 0, 330))
    under = _row(1, 20, ("RE-14401", 400, 460))
    assert [r.value for r in numbers_by_unknown_label([label, under])] == ["RE-14401"]


def test_a_code_beside_its_own_label_is_not_the_value_of_a_word_above_it() -> None:
    """'DE' (a seller's country) over 'Steuernummer: | 201/113/40209': the tax number is its own
    label's, not a document number under an unknown word; a code alone under the word stays."""
    from invoiceme_extractor.rules.unknown_number_label import numbers_by_unknown_label

    country = _row(0, 0, ("DE", 400, 430))
    labelled = _row(1, 20, ("Steuernummer:", 0, 120), ("201/113/40209", 380, 480))
    assert [r.value for r in numbers_by_unknown_label([country, labelled])] == []
    made_up = _row(1, 20, ("Zorblat:", 0, 120), ("201/113/40209", 380, 480))  # its own unknown label's
    readings = numbers_by_unknown_label([country, made_up])
    assert [(r.value, r.label) for r in readings] == [("201/113/40209", "Zorblat")]
    alone = _row(1, 20, ("201/113/40209", 380, 480))
    assert [r.value for r in numbers_by_unknown_label([country, alone])] == ["201/113/40209"]

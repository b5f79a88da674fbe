"""Fields from two OCR reads of one page: per group of fields, the read the rules are surer of."""

from __future__ import annotations

import asyncio
from datetime import date

from invoiceme_common.events import OcrPage, OcrWord
from invoiceme_extractor.contract import Evidence, Extraction
from invoiceme_extractor.pipeline import extract_invoice
from invoiceme_extractor.two_reads import DOUBT_LEFT_WHEN_AGREED, merge_reads, second_reads

# A till slip as OCR boxes it: (row top, [(word, left)])
_SLIP = (
    (40, [("KEDAI", 60), ("MAJU", 160), ("SDN", 250), ("BHD", 320)]),
    (90, [("Date:", 60), ("{date}", 160)]),
    (160, [("Bread", 60), ("2.50", 420)]),
    (200, [("Milk", 60), ("{milk}", 420)]),
    (300, [("TOTAL", 60), ("{total}", 420)]),
    (340, [("CASH", 60), ("20.00", 420)]),
    (380, [("CHANGE", 60), ("4.10", 420)]),
)  # fmt: skip


def _read(total: str, date: str = "12/03/2018", **values: str) -> OcrPage:
    fill = {"total": total, "date": date, "milk": "13.40", **values}
    words = [
        OcrWord(text=text.format(**fill), left=left, top=top, width=12 * len(text), height=20,
                confidence=0.85, line=line)
        for line, (top, row) in enumerate(_SLIP)
        for text, left in row
    ]  # fmt: skip
    lines = range(len(_SLIP))
    text = "\n".join(" ".join(word.text for word in words if word.line == line) for line in lines)
    return OcrPage(
        number=1, text=text, method="ocr", confidence=0.85, width=600, height=500, words=words,
    )  # fmt: skip


def _extract(first: OcrPage, second: OcrPage | None) -> Extraction:
    page = first.model_copy(update={"second_read": second})
    return asyncio.run(extract_invoice([page]))


def test_a_misread_total_gives_way_to_the_read_that_cash_and_change_confirm() -> None:
    misread = _read("15.96")  # cash minus change and the items say 15.90
    alone = _extract(misread, None)
    assert alone.total == 15.96  # the first read alone: as misread
    both = _extract(misread, _read("15.90"))
    assert both.total == 15.90
    assert both.evidence["total"].text == "15.90"


def _fields(confidence: float, **values: object) -> Extraction:
    return Extraction(
        **values,
        confidence=dict.fromkeys(values, confidence),
        source=dict.fromkeys(values, "rules"),
        evidence={name: Evidence(text=str(value), page=1) for name, value in values.items()},
    )


def test_the_money_fields_move_together_from_one_read() -> None:
    first = _fields(0.6, total=15.96, subtotal=15.96, vendor_name="KEDAI MAJU")
    second = _fields(0.8, total=15.90, subtotal=13.25, vendor_name="KEDAI MAJV")
    second.confidence["vendor_name"] = 0.5
    result = merge_reads(({}, first), ({}, second), [_read("15.96")], [_read("15.90")])
    merged, taken = result.extraction, result.from_second
    assert (merged.total, merged.subtotal, merged.vendor_name) == (15.90, 13.25, "KEDAI MAJU")
    assert "subtotal" in taken and "vendor_name" not in taken
    assert merged.evidence["subtotal"].text == "13.25"


def test_the_surer_first_read_stays_when_the_second_misreads() -> None:
    assert _extract(_read("15.90"), _read("15.96")).total == 15.90


def test_a_field_only_the_second_read_found_is_taken_with_its_place_on_the_page() -> None:
    first = _read("15.90", date="1?/0?/2-?8")
    assert _extract(first, None).invoice_date is None
    both = _extract(first, _read("15.90"))
    assert both.invoice_date == "2018-03-12"
    assert both.evidence["invoice_date"].box is not None


def test_a_tie_stays_with_the_first_read() -> None:
    both = _extract(_read("15.90", date="12/03/2018"), _read("15.90", date="12/08/2018"))
    assert both.invoice_date == "2018-03-12"


def test_pages_read_once_have_no_second_reads() -> None:
    page = _read("15.90")
    assert second_reads([page]) == []
    layer = page.model_copy(update={"method": "text_layer"})
    second = _read("15.96")
    assert second_reads([page.model_copy(update={"second_read": second}), layer]) == [second, layer]


def test_a_total_and_a_date_both_reads_gave_are_surer() -> None:
    alone = _extract(_read("15.90"), None)
    agreed = _extract(_read("15.90"), _read("15.90"))
    for name in ("total", "invoice_date"):
        doubt_alone, doubt_agreed = 1 - alone.confidence[name], 1 - agreed.confidence[name]
        assert abs(doubt_agreed - doubt_alone * DOUBT_LEFT_WHEN_AGREED) <= 0.01
    assert agreed.confidence["vendor_name"] == alone.confidence["vendor_name"]  # names: not counted


def test_reads_that_differ_add_no_certainty() -> None:
    alone = _extract(_read("15.90"), None)
    differ = _extract(_read("15.90"), _read("15.96", date="12/08/2018"))
    assert differ.confidence["total"] == alone.confidence["total"]
    assert differ.confidence["invoice_date"] == alone.confidence["invoice_date"]


def test_where_the_reads_disagree_the_other_reading_is_offered_next() -> None:
    both = _extract(_read("15.96"), _read("15.90"))
    offered = [alternative.value for alternative in both.evidence["total"].alternatives]
    assert offered[:2] == [15.90, 15.96]  # the kept value, then the first read's
    assert both.evidence["total"].alternatives[1].box is not None  # marked on the page too
    agreed = _extract(_read("15.90"), _read("15.90"))
    assert [a.value for a in agreed.evidence["total"].alternatives].count(15.90) == 1


def test_reads_that_disagree_on_a_year_give_the_later_one_not_after_today() -> None:
    """'2016-04-10' and '2018-04-10', '2027-10-25' and '2017-10-25': a document is read soon after it
    is issued; without today's date the surer read keeps the date."""
    pages = [_read("15.90")]
    for sure, other, today, kept in (
        ("2016-04-10", "2018-04-10", date(2018, 5, 1), "2018-04-10"),
        ("2018-04-10", "2016-04-10", date(2018, 5, 1), "2018-04-10"),
        ("2027-10-25", "2017-10-25", date(2018, 5, 1), "2017-10-25"),
    ):
        first, second = _fields(0.9, invoice_date=sure), _fields(0.5, invoice_date=other)
        assert merge_reads(({}, first), ({}, second), pages, pages, today).extraction.invoice_date == kept
        assert merge_reads(({}, first), ({}, second), pages, pages).extraction.invoice_date == sure


def test_reads_that_disagree_on_one_digit_give_the_date_without_a_filled_in_8() -> None:
    """'2018-08-11' and '2018-05-11': blur closes a 5's gaps into an 8; the surer read's 8 gives way.
    Any other digit, or dates that differ in more than one, stay with the surer read."""
    pages = [_read("15.90")]
    for sure, other, kept in (
        ("2018-08-11", "2018-05-11", "2018-05-11"),
        ("2018-05-11", "2018-08-11", "2018-05-11"),
        ("2018-06-18", "2018-06-16", "2018-06-16"),
        ("2018-07-11", "2018-01-11", "2018-07-11"),  # neither is an 8
        ("2018-08-18", "2018-05-16", "2018-08-18"),  # two digits differ
    ):
        first, second = _fields(0.9, invoice_date=sure), _fields(0.5, invoice_date=other)
        assert merge_reads(({}, first), ({}, second), pages, pages).extraction.invoice_date == kept


def _slip_printing(*amounts: str) -> list[OcrPage]:
    return [_read("6.50").model_copy(update={"text": "\n".join(f"TOTAL {amount}" for amount in amounts)})]


def test_a_total_printed_more_often_over_both_reads_wins_over_the_surer_reads_copy() -> None:
    """'6.60' tied to 'Total (Inclusive of GST)' in the surer read; '6.50' under TOTAL, CASH and the tax
    summary in both reads."""
    first = _fields(0.8, total=6.60, subtotal=6.50, vat_amount=6.50)
    second = _fields(0.7, total=6.50, subtotal=6.50)
    first_pages = _slip_printing("6.60", "6.50", "6.50")
    second_pages = _slip_printing("6.50", "6.50", "6.50")
    merged = merge_reads(({}, first), ({}, second), first_pages, second_pages)
    assert merged.extraction.total == 6.50 and "total" in merged.from_second
    # 6.50 printed three times, 6.60 twice: once more is not enough
    kept = merge_reads(
        ({}, first), ({}, second), _slip_printing("6.60", "6.50"), _slip_printing("6.50", "6.50", "6.60")
    )
    assert kept.extraction.total == 6.60
    # the other way round: the surer second read's copy gives way to the first read's
    flipped = merge_reads(({}, second), ({}, first), second_pages, first_pages)
    assert flipped.extraction.total == 6.50 and "total" not in flipped.from_second


def test_the_surer_reads_net_beside_its_vat_is_no_total_however_often_printed() -> None:
    """8.90 + 0.53 = 9.45 to a coin's rounding: 8.90 repeats on the item row and in the tax summary."""
    first = _fields(0.8, total=9.45, subtotal=8.90, vat_amount=0.53)
    second = _fields(0.6, total=8.90, subtotal=8.90)
    pages = _slip_printing("8.90", "8.90", "8.90", "9.45", "0.53")
    assert merge_reads(({}, first), ({}, second), pages, pages).extraction.total == 9.45
    unchecked = first.model_copy(update={"vat_amount": 2.00})  # net + VAT is not the total
    assert merge_reads(({}, unchecked), ({}, second), pages, pages).extraction.total == 8.90

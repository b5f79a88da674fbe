"""Fields from two OCR reads of the same pages: per group of fields, the read the rules are surer of.

OCR reads small, noisy pages a second time at another size (`invoiceme_ocr.second_reads`): its digit
misreads differ from the first read's. Which read is right is judged here by the rules' own
confidence, which weighs the checks a value passed (the total printed twice, cash minus change,
net plus VAT, a plausible date), times each read's word confidence. Fields that constrain each other
move together, so a total never comes from one read and its net from the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from invoiceme_common.evidence import MAX_ALTERNATIVES

from .contract import Alternative, Extraction
from .evidence import add_boxes
from .rules.amounts import adds_up, money_in
from .rules.cash_rounding import moved_by_a_coin
from .rules.lines import Found
from .rules.repair import CONFUSED_DIGITS

# Two reads that give a total or a date the same value: on ten SROIE draws such values the rules gave
# >= 0.834 were right 99 % of the time (229 of 231), where the reads differed about half the time
# (docs/BENCHMARKS.md, `tworeads25`). Agreement cuts their doubt by 40 %, so those reach 0.9, the
# web app's "sure". Vendor names agreeing were right 96 % of the time: not counted.
AGREEMENT_COUNTS = ("total", "invoice_date")
DOUBT_LEFT_WHEN_AGREED = 0.6

_DATES = ("invoice_date", "due_date")
_MONEY = ("total", "subtotal", "vat_amount", "vat_rate", "currency")
# Each group moves from one read to the other as a whole, judged by its first field.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("vendor_name",),
    ("vendor_tax_id",),
    ("invoice_number",),
    ("allocation_number",),
    _DATES,
    _MONEY,
)
# A slip prints its total again (cash paid, the tax summary, 'total inclusive'); a misread copy is
# printed once. A total the two reads print at least this many more times than the surer read's total
# is the total (docs/BENCHMARKS.md, `receipts27`).
PRINTED_MORE_OFTEN_BY = 2
# Blur and ink spread close a digit's gaps: the digits OCR confuses with an 8 read as one, an 8 seldom
# opens into one of them
FILLED_INTO_EIGHT = frozenset(CONFUSED_DIGITS["8"])


def weighed_confidence(extraction: Extraction, pages: Sequence[Any]) -> dict[str, float]:
    """Each field's confidence times how well OCR read the page it came from."""
    page_confidence = {page.number: page.confidence for page in pages}
    weighed = dict(extraction.confidence)
    for name, evidence in extraction.evidence.items():
        reading = page_confidence.get(evidence.page) if evidence.page is not None else None
        if name in weighed and reading is not None:
            weighed[name] = round(weighed[name] * (0.6 + 0.4 * reading), 2)
    return weighed


def second_reads(pages: Sequence[Any]) -> list[Any]:
    """The pages as read the second time ([] when none was): a page read once (a text layer) is
    the same in both."""
    if not any(getattr(page, "second_read", None) is not None for page in pages):
        return []
    return [getattr(page, "second_read", None) or page for page in pages]


def surer_groups(
    first: Extraction, second: Extraction, first_pages: Sequence[Any], second_pages: Sequence[Any]
) -> list[tuple[str, ...]]:
    """The groups whose leading field the second read has surer (ties stay with the first read)."""
    first_weighed = weighed_confidence(first, first_pages)
    second_weighed = weighed_confidence(second, second_pages)
    taken = []
    for group in GROUPS:
        lead = group[0]
        if getattr(second, lead) is None:
            continue
        if getattr(first, lead) is None or second_weighed.get(lead, 0.0) > first_weighed.get(lead, 0.0):
            taken.append(group)
    return taken


@dataclass
class Merged:
    found: dict[str, Found]
    extraction: Extraction
    from_second: set[str]  # fields taken from the second read: weighed by its pages
    agreed: set[str]  # of AGREEMENT_COUNTS, the fields both reads gave the same value


def merge_reads(
    first: tuple[dict[str, Found], Extraction],
    second: tuple[dict[str, Found], Extraction],
    first_pages: Sequence[Any],
    second_pages: Sequence[Any],
    today: date | None = None,
) -> Merged:
    """The first read's fields with the surer groups of the second's (dates whose years the reads
    disagree on: `by_recent_year`, given `today`)."""
    found, extraction = dict(first[0]), first[1].model_copy(deep=True)
    second_found, second_extraction = second
    add_boxes(second_extraction.evidence, second_pages)  # its boxes are in the first read's pixels
    taken: set[str] = set()
    groups = surer_groups(first[1], second_extraction, first_pages, second_pages)
    if today is not None:
        groups = by_recent_year(groups, first[1].invoice_date, second_extraction.invoice_date, today)
    groups = by_gap_filled(groups, first[1].invoice_date, second_extraction.invoice_date)
    texts = [page.text for page in (*first_pages, *second_pages)]
    groups = by_times_printed(groups, first[1], second_extraction, texts)
    for group in groups:
        for name in group:
            taken.add(name)
            setattr(extraction, name, getattr(second_extraction, name))
            _move(name, found, second_found)
            _move(name, extraction.confidence, second_extraction.confidence)
            _move(name, extraction.source, second_extraction.source)
            _move(name, extraction.evidence, second_extraction.evidence)
    for group in GROUPS:
        for name in group:
            other = first[1] if name in taken else second_extraction
            offer_other_reading(extraction, other, name)
    agreed = {
        name
        for name in AGREEMENT_COUNTS
        if getattr(first[1], name) is not None and getattr(first[1], name) == getattr(second_extraction, name)
    }
    return Merged(found, extraction, taken, agreed)


def by_recent_year(
    groups: list[tuple[str, ...]], first: str | None, second: str | None, today: date
) -> list[tuple[str, ...]]:
    """`groups` with the dates from the read whose issue date has the later year not after today's
    date, where the two reads read its year differently ('2018' and '2016', '2017' and '2027'): a
    document is read soon after it is issued, and a misread year is no likelier later than earlier.
    Of seven such disagreements on dev receipts, five had a right reading and this chose it each time
    (docs/BENCHMARKS.md, `receipts26`)."""
    if first is None or second is None or first[:4] == second[:4]:
        return groups
    past = [value for value in (first, second) if date.fromisoformat(value) <= today]
    if not past:
        return groups
    return _taken_from_second(groups, _DATES, max(past) == second)


def by_gap_filled(
    groups: list[tuple[str, ...]], first: str | None, second: str | None
) -> list[tuple[str, ...]]:
    """`groups` with the dates from the read whose issue date has one of FILLED_INTO_EIGHT where the
    other read's has an 8, the dates differing in that one digit of the day or month ('2018-05-11'
    over '2018-08-11'). On the four SROIE dev draws: 2 won, 1 lost (docs/BENCHMARKS.md, `gaps30`)."""
    if first is None or second is None or first[:4] != second[:4] or len(first) != len(second):
        return groups
    differing = [(mine, theirs) for mine, theirs in zip(first, second, strict=True) if mine != theirs]
    if len(differing) != 1:
        return groups
    mine, theirs = differing[0]
    if mine == "8" and theirs in FILLED_INTO_EIGHT:
        return _taken_from_second(groups, _DATES, True)
    if theirs == "8" and mine in FILLED_INTO_EIGHT:
        return _taken_from_second(groups, _DATES, False)
    return groups


def by_times_printed(
    groups: list[tuple[str, ...]], first: Extraction, second: Extraction, texts: Sequence[str]
) -> list[tuple[str, ...]]:
    """`groups` with the money fields from the read whose total both reads' `texts` print at least
    PRINTED_MORE_OFTEN_BY more times than the other read's, where the reads' totals differ:
    the surer read's rules may have tied a misread copy to the total's label ('6.60' beside
    'Total (Inclusive of GST)') while '6.50' stands under TOTAL, CASH and the tax summary. Not where
    that total is the surer read's net beside a VAT (a net repeats on item rows and in the summary)."""
    if first.total is None or second.total is None or first.total == second.total:
        return groups
    kept, other = (second, first) if _MONEY in groups else (first, second)
    if times_printed(other.total, texts) < times_printed(kept.total, texts) + PRINTED_MORE_OFTEN_BY:
        return groups
    if other.total == kept.subtotal and _net_beside_a_vat(kept):
        return groups
    return _taken_from_second(groups, _MONEY, _MONEY not in groups)  # the other read's, whichever it is


def _taken_from_second(
    groups: list[tuple[str, ...]], group: tuple[str, ...], from_second: bool
) -> list[tuple[str, ...]]:
    """`groups` (those taken from the second read) with `group` among them or not."""
    others = [taken for taken in groups if taken != group]
    return [*others, group] if from_second else others


def _net_beside_a_vat(extraction: Extraction) -> bool:
    """The read's net plus a VAT above zero make its total, to the cent or a cash coin's rounding."""
    net, vat, total = extraction.subtotal, extraction.vat_amount, extraction.total
    if net is None or vat is None or total is None or vat <= 0:
        return False
    return adds_up(net, vat, total) or moved_by_a_coin(total, net + vat)


def times_printed(amount: float | None, texts: Sequence[str]) -> int:
    """How many money amounts in `texts` (cents printed) are `amount`."""
    if amount is None:
        return 0
    return sum(
        abs(value - amount) < 0.005
        for text in texts
        for line in text.splitlines()
        for value, _ in money_in(line)
    )


def offer_other_reading(extraction: Extraction, other: Extraction, name: str) -> None:
    """Where the reads disagree on a field, the other read's value is offered right after the kept one
    (the web app offers an unsure field's alternatives for a one-click correction)."""
    kept, value = getattr(extraction, name), getattr(other, name)
    evidence, offered = extraction.evidence.get(name), other.evidence.get(name)
    if kept is None or value is None or value == kept or evidence is None or offered is None:
        return
    rest = [alternative for alternative in evidence.alternatives if alternative.value != value]
    reading = next((a for a in offered.alternatives if a.value == value), None) or Alternative(
        value=value, score=0.0, text=offered.text, page=offered.page, box=offered.box
    )
    evidence.alternatives = [*rest[:1], reading, *rest[1:]][:MAX_ALTERNATIVES]


def surer_when_agreed(extraction: Extraction, agreed: set[str]) -> None:
    """Less doubt for a rules' value both reads gave (after weighing by OCR confidence)."""
    for name in agreed:
        if name in extraction.confidence and extraction.source.get(name) == "rules":
            doubt = 1.0 - extraction.confidence[name]
            extraction.confidence[name] = round(1.0 - doubt * DOUBT_LEFT_WHEN_AGREED, 2)


def _move(name: str, into: dict[str, Any], source: dict[str, Any]) -> None:
    into.pop(name, None)
    if name in source:
        into[name] = source[name]

"""Amount candidates: every amount a subtotal/VAT/total label points at, on the label's line, in its
next cell, or in the column under it (pages with word boxes), or on the lines after it."""

from __future__ import annotations

import functools
import re

from . import labels, party_labels
from .amounts import amounts_in, money_in, without_restatement
from .geometry import BELOW_REACH, cell_at, column_below, spots_after_label
from .id_context import without_iban_digits
from .lines import Line, following
from .side_labels import side_label_amounts
from .tables import header_continuations, is_header_row

# 'à payer' with its accent lost or misread ('Net a payer', 'Net á payer') still names what is paid
_PAYABLE = re.compile(r"(?:[àá]|\ba)\s*payer|payable|to\s*pay|zu\s*zahlen|a\s*pagar|לתשלום", re.I)
_BEFORE_TAX = re.compile(r"\bht\b|excl|before|ohne|sin\s*iva|sans|לפני|ללא", re.I)
_INCLUSIVE = re.compile(r"incl|[כב]ולל|brutto|ttc|total\s*with\b", re.I)  # its kaf read as bet ('בולל')
# the title 'Tax Invoice' (or 'Tax Invoice No.') names the document, not its tax: the number under
# it read with its S as a dollar sign ('$974295') is no VAT amount
_TAX_INVOICE = re.compile(r"\btax\s*invoice", re.I)
_NOT_AMOUNT = re.compile(r'[\d.,\s₪$€£%-]|ש"ח|NIS|ILS|EUR|USD')  # what is left of a line besides its amount

# 'Tax 15% on $ 112.90 | $ 16.94', 'TVA 20 % sur 46,68': the base a rate applies to, printed after the
# rate in the tax's label, is not the tax
_RATE_BASE = re.compile(
    r"(?<=%)\s*(?:on|of|over|sur|auf|von|van|op|su|sobre|de)\s+(?:[A-Z]{3}\s?|[$€£₪₹]\s?)?"
    r"\d[\d.,']*\d(?:\s?(?:[A-Z]{3}\b|[$€£₪₹]))?",
    re.I,
)


def _without_rate_base(text: str) -> str:
    return _RATE_BASE.sub(" ", text)


Candidate = tuple[float, str, Line]  # amount, its raw text, the line it was read from
Candidates = dict[str, list[Candidate]]  # by kind: subtotal, vat, total_strong, total_plain


# OCR reads an n as 'ri' ('Balarice Due' for Balance Due): a line no label names may name one read back
_RI_FOR_N = re.compile(r"(?<=[a-z])ri(?=[a-z])")


@functools.lru_cache(maxsize=4096)  # pure; asked again of the same lines by totals, items and prose
def classify(text: str) -> str | None:
    """Which amount a labelled line states: subtotal, vat, total_strong, total_plain, or None."""
    kind = _classify(text)
    if kind is None and _RI_FOR_N.search(text):
        return _classify(_RI_FOR_N.sub("n", text))
    return kind


def _classify(text: str) -> str | None:
    if party_labels.TAX_ID.search(text) and not money_in(text):
        return None  # "VAT No. 123456789" names an id, not an amount
    if _PAYABLE.search(text) and not _BEFORE_TAX.search(text):
        if labels.VAT.search(text) and not (labels.TOTAL_PLAIN.search(text) or _INCLUSIVE.search(text)):
            return "vat"  # "GST payable (6%)", 'מע"מ לתשלום': the tax due, not the total
        return "total_strong"  # "Net à payer", "Netto zu zahlen": what is paid, not the net amount
    if labels.SUBTOTAL.search(text) and not _INCLUSIVE.search(text):
        return "subtotal"
    if labels.NOT_A_TOTAL.search(text) and not labels.TOTAL_STRONG.search(text):
        return None
    if labels.ALLOWANCES_OR_CHARGES.search(text):
        return None
    if labels.TOTAL_STRONG.search(text) or (_INCLUSIVE.search(text) and labels.TOTAL_PLAIN.search(text)):
        return "total_strong"
    if labels.VAT.search(_TAX_INVOICE.sub(" ", text)):
        return "vat"
    if labels.TOTAL_PLAIN.search(text):
        return "total_plain"
    return None


# a till slip's payment rows: the amount tendered, the change, a card's charge
_PAYMENT_ROW = labels.any_of(labels.PAID.pattern, labels.CHANGE.pattern, labels.CARD_PAYMENT.pattern)


def _tendered(lines: list[Line], row: Line) -> bool:
    """A payment row with change given on it or under it ('CASH 20.00' / 'CHANGE DUE 10.00'): what
    was tendered, more than the total. Cash without change under a total's label is its amount."""
    if not _PAYMENT_ROW.search(row.text):
        return False
    return any(labels.CHANGE.search(nxt.text) for nxt in [row, *following(lines, row, 2)])


def _line_amount(line: Line, lines: list[Line]) -> tuple[float, str, Line] | None:
    text = without_restatement(without_iban_digits(_without_rate_base(line.text)))
    found = _money_or_whole(text)
    if found:
        return (*found[-1], line)
    for nxt in following(lines, line, 2):  # stacked layout: the value sits under its label
        if classify(nxt.text) or _tendered(lines, nxt):
            return None  # the next label's value, or what was tendered ('Cash 50.00')
        amounts = money_in(nxt.text)
        if amounts and len(_NOT_AMOUNT.sub("", nxt.text)) <= 4:
            return (*amounts[-1], nxt)
    return None


def _amount_in(text: str, first: bool) -> tuple[float, str] | None:
    text = without_restatement(without_iban_digits(_without_rate_base(text)))
    found = _money_or_whole(text)
    return (found[0] if first else found[-1]) if found else None


# 'Grand Total 1939', 'Amount payable: Kč 1939': after a label that names the total only, a lone whole
# number, an unknown currency's word or sign beside it or none, is the total's amount (two digits at
# least: a lone digit there is more often a speck OCR read than an amount)
_LONE_WHOLE = re.compile(
    r"\s*[:=]?\s*(?:[^\w\s%()#]{1,2}\s?|[^\W\d_]{1,3}\.?\s?)?(?P<amount>\d{2,7})"
    r"(?:\s?[^\W\d_]{1,3}\.?|\s?[^\w\s%()#]{1,2})?\s*"
)


def _money_or_whole(text: str) -> list[tuple[float, str]]:
    """Amounts with cents or groups; whole ones beside a currency mark ('Total 118 ₪') or alone
    after a label that names the total only."""
    found = money_in(text)
    if not found and labels.MONEY_MARK.search(text):
        found = amounts_in(text)
    label = None if found else labels.TOTAL_STRONG.search(text)
    if label is None or classify(text) != "total_strong":
        return found
    lone = _LONE_WHOLE.fullmatch(text, label.end())
    return [(float(lone.group("amount")), lone.group("amount"))] if lone else []


def _cell_amounts(lines: list[Line], line: Line, start: int, end: int) -> list[Candidate]:
    """The amounts a labelled cell states: in the cell, in the next cell, or under it (every row of
    its column: a table of per-rate rows ends with the sum row, and the decision picks)."""
    for spot in spots_after_label(lines, line, start, end):
        if spot.relation != "inline" and classify(spot.text):
            continue  # another label: a header row over values, or the next label of a block
        if spot.relation == "below" and _tendered(lines, spot.line):
            continue  # 'CASH 20.00' under a total whose amount OCR garbled: what was tendered
        amount = _amount_in(spot.text, first=spot.relation == "below")
        if amount is None and spot.relation == "next_cell":
            amount = _bare_amount_beside_marked_label(line.text[start:end], spot.text)
        if amount and spot.relation == "below":
            index = cell_at(line, start)
            stack = column_below(lines, line, line.cells[index]) if index is not None else []
            found = [(*a, row) for row, cell in stack if (a := _amount_in(cell.text, first=True))]
            return found or [(*amount, spot.line)]
        if amount:
            return [(*amount, spot.line)]
        if spot.relation == "inline" and sum(ch.isalpha() for ch in spot.text) > 3:
            return []  # the label's own cell goes on with words: a sentence, not a total
    return _minus_wrapped(lines, line) or _lone_value_under(lines, line)


def _bare_amount_beside_marked_label(label: str, cell: str) -> tuple[float, str] | None:
    """An amount without its cents alone in the cell beside a label that names the currency
    ('Steuerbetrag in EUR' | '70', or '21,3' for 21.30): money, as the same text on one line
    ('Steuerbetrag in EUR 70') already is."""
    bare = re.fullmatch(r"\s*(\d{1,7}(?:[.,]\d)?)\s*", cell)
    if bare is None or not labels.MONEY_MARK.search(label):
        return None
    return float(bare.group(1).replace(",", ".")), bare.group(1)


def _minus_wrapped(lines: list[Line], line: Line) -> list[Candidate]:
    """A negative amount whose minus ended the label's line and whose digits wrapped to the next,
    under the minus ('Steuerbetrag in EUR -' / '1,12' on a credit note): the amount with its sign."""
    if not line.cells or line.cells[-1].text.strip() != "-":
        return []
    below = following(lines, line, 1)
    if not below or len(below[0].cells) != 1 or below[0].cells[0].box.x_overlap(line.cells[-1].box) <= 0:
        return []
    amounts = money_in(below[0].text)
    if len(amounts) != 1 or below[0].text.strip() != amounts[0][1]:
        return []  # the next line holds more than the amount: not its wrapped digits
    value, raw = amounts[0]
    return [(-abs(value), f"-{raw}", below[0])]


def _lone_value_under(lines: list[Line], line: Line) -> list[Candidate]:
    """A label alone on its line over an amount alone on the next one, wherever across the block
    it is aligned (a caption over its amount at the block's far edge: 'Total due' / '1,250.00'):
    the stacked layout of lines without word boxes, for lines with them."""
    if len(line.cells) != 1 or line.box is None:
        return []
    for nxt in following(lines, line, 1):
        if nxt.box is None or len(nxt.cells) != 1 or classify(nxt.text):
            return []
        if nxt.box.top - line.box.bottom > BELOW_REACH * max(line.box.height, 1.0):
            return []
        amounts = money_in(nxt.text)
        if len(amounts) == 1 and len(_NOT_AMOUNT.sub("", nxt.text)) <= 4:
            return [(*amounts[0], nxt)]
    return []


def candidates(lines: list[Line]) -> Candidates:
    found: Candidates = {}
    wrapped_header = header_continuations(lines)
    for line in lines:
        if line.index in wrapped_header:
            continue  # 'Ohne | MwSt.' under '... | Zeilenbetrag': the header goes on, as below
        if is_header_row(line):
            for side_kind, side_amount in side_label_amounts(lines, line, classify) if line.cells else ():
                found.setdefault(side_kind, []).append(side_amount)
            continue  # "Item | Qty | Price | Total": the column under 'Total' holds line amounts
        if line.cells:
            start = 0
            for cell in line.cells:
                kind = classify(cell.text)
                in_cell = _amount_in(cell.text, first=False) if kind else None
                if in_cell is not None:  # "Total (incl. 6%) RM 31.80": the label's own cell states it
                    found.setdefault(kind, []).append((*in_cell, line))  # type: ignore[arg-type]  # kind is truthy here: in_cell is None otherwise
                elif kind:
                    found.setdefault(kind, []).extend(
                        _cell_amounts(lines, line, start, start + len(cell.text))
                    )
                start += len(cell.text) + 1
            continue
        kind = classify(line.text)
        if kind is None:
            continue
        amount = _line_amount(line, lines)
        if amount is not None:
            found.setdefault(kind, []).append(amount)
    return found

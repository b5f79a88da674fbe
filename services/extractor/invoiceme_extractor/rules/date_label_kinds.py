"""What kind of date a label names: the issue date's, the due date's, another date's ('Lieferdatum',
'תאריך אספקה') or a weak issue label; also where OCR split one label over two cells or read two
labels as one. Used by `date_fields`, which reads the dates beside and under the labels."""

from __future__ import annotations

import functools
import re

from . import document_labels
from .garbled_labels import garbled_date_kind, two_letters_off
from .hebrew_ocr import date_qualifier_lost
from .layout import Box
from .lines import Line, following
from .prose import pay_deadline

# an amount's label that says "due" ('Change Due', 'Amount Due', 'Balance Due'): no date's label
_MONEY_DUE = re.compile(r"\b(?:amount|total|balance|change|sum)\s*due\b(?!\s*(?:date|by|on)\b)", re.I)


@functools.lru_cache(maxsize=4096)  # pure; lines and cells are asked again by the date rules
def date_kind(text: str) -> str | None:
    text = _MONEY_DUE.sub(" ", text)
    if document_labels.DATE_DUE.search(text) or pay_deadline(text):
        return "due"
    if document_labels.DATE_OTHER.search(text):
        return "other"
    if date_qualifier_lost(text):
        return "weak"  # 'תאריך mown': which date it names OCR lost; a clear issue label beats it
    far = two_letters_off(text)
    if far is not None and far[0] != "invoice" and document_labels.DATE_INVOICE.search(far[1]):
        return far[0]  # 'Fallgketsdatum': its 'datum' is a damaged due date label's, not an issue date's
    if document_labels.DATE_INVOICE.search(text):
        return "invoice"
    if document_labels.DATE_INVOICE_WEAK.search(text):
        # "Rechnung Nr. 5 vom 03.10.2018": beside the invoice number it is the invoice date
        return "invoice" if document_labels.INVOICE_NUMBER.search(text) else "weak"
    # a long label one letter off ('Rechnungsdarum'): an issue date's is weaker than one read whole
    garbled = garbled_date_kind(text)
    return "weak" if garbled == "invoice" else garbled


_KIND_LABELS = {
    "due": document_labels.DATE_DUE,
    "other": document_labels.DATE_OTHER,
    "invoice": document_labels.DATE_INVOICE,
    "weak": document_labels.DATE_INVOICE_WEAK,
}


def label_words(kind: str, text: str) -> re.Match[str] | None:
    pattern = _KIND_LABELS.get(kind)
    return pattern.search(_MONEY_DUE.sub(lambda money: " " * len(money.group(0)), text)) if pattern else None


_BARE_WORD = re.compile(r"[^\W\d_]+")


def continued_kind(line: Line, index: int, lines: list[Line]) -> str | None:
    """The kind of date the cell's label names with the word it runs on into: the next cell or a
    lone cell of the next line that adjoins it (a word of the same row OCR gave a line of its own,
    or a label wrapped under it). One bare word (no digits, no mark, no label of its own) that with
    the cell names another date or the due date ('Fecha' + 'pedid', 'תאריך' + 'פירעון', or a word
    that names another date alone: 'תאריך' + 'אספקה'); None otherwise. Two labels side by side
    ('תאריך' | "הזמנה מס'") are not one."""
    cell = line.cells[index]
    rests = [(line.cells[index + 1], True)] if index + 1 < len(line.cells) else []  # (cell, beside it)
    below = following(lines, line, 1)
    if below and len(below[0].cells) == 1 and _adjoins(cell.box, below[0].cells[0].box):
        rests.append((below[0].cells[0], False))
    for next_cell, beside in rests:
        rest = next_cell.text.strip()
        # a word naming another date alone joins the label only beside it on its row: under a label
        # ('Date:' | date / 'Période' | range) it is the next row's label
        alone = beside and bare_date_word(cell.text, rest)
        if _BARE_WORD.fullmatch(rest) and (date_kind(rest) is None or alone):
            joined = date_kind(f"{cell.text} {rest}")
            if joined in ("other", "due"):
                return joined
    return None


_DATE_WORD = r"(?:date|datum|fecha|data)"  # the date word of a label in the European languages
_ANY_DATE_WORD = re.compile(rf"תאריך|{_DATE_WORD}", re.I)
_LONE_DATE_WORD = re.compile(rf"\W*(?:תאריך|{_DATE_WORD})\W*", re.I)


def bare_date_word(label: str, rest: str) -> bool:
    """The label is a date word alone ('תאריך', 'Date') and the next word names another date by
    itself ('אספקה'): one label OCR split, not an issue date's label beside another's. A next word
    holding a date word of its own ('Datum' | 'Bestelldatum') is the next column's label."""
    own_word = _ANY_DATE_WORD.search(rest)
    return _LONE_DATE_WORD.fullmatch(label) is not None and date_kind(rest) == "other" and not own_word


def _adjoins(label: Box, other: Box) -> bool:
    """`other` sits just under `label` or beside it on its row (OCR gave it a line of its own):
    within two of their heights."""
    reach = 2 * max(label.height, other.height)
    across = min(label.right, other.right) - max(label.left, other.left)  # > 0: they overlap
    along = min(label.bottom, other.bottom) - max(label.top, other.top)
    return (across > 0 and other.top - label.bottom < reach) or (along > 0 and -across < reach)


# the date word of another date's label, beside the word that says which ('Delivery Date', 'Date of
# delivery', 'Leistungs|datum', 'Fecha de entrega'): part of that one label, no issue date's
_OWN_DATE_WORD_AFTER = re.compile(rf"^\W*{_DATE_WORD}\b", re.I)
_OWN_DATE_WORD_BEFORE = re.compile(rf"\b{_DATE_WORD}\s+(?:of|de|du|del|de\s*la|der)\s*$", re.I)


def joins_an_issue_label(text: str) -> bool:
    """'Datum der Rechnung Lieferdatum': another date's label and an issue-date label in one cell
    (not 'Delivery Date' alone: its date word belongs to its own label)."""
    other = document_labels.DATE_OTHER.search(text)
    if other is None:
        return False
    start, end = other.start(), other.end()  # the whole word the other date's label is in
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    before, after = text[:start], text[end:]
    if not re.search(_DATE_WORD, text[start:end], re.I):
        before, after = _OWN_DATE_WORD_BEFORE.sub(" ", before), _OWN_DATE_WORD_AFTER.sub(" ", after)
    return bool(document_labels.DATE_INVOICE.search(before + " " + after))


_DATE_LABELS = (document_labels.DATE_DUE, document_labels.DATE_OTHER, document_labels.DATE_INVOICE)
_HEBREW = re.compile(r"[\u05d0-\u05ea]")


def before_own_label(text: str) -> str:
    """The text before the first date label in it ('' when it opens with one, or none is known)."""
    starts = [found.start() for pattern in _DATE_LABELS if (found := pattern.search(text))]
    return text[: min(starts)] if starts else ""


def labelled_parts(text: str) -> list[str]:
    """A line of text (no word boxes) holding two date labels or more, each before its value
    ('Invoice Date: 05.01.2021 Due Date: 19.01.2021'): cut where each label starts. One part (the
    whole line) when it holds one label, or a right-to-left line whose values may stand first."""
    if _HEBREW.search(text):
        return [text]
    spans = sorted(match.span() for pattern in _DATE_LABELS for match in pattern.finditer(text))
    starts: list[int] = []
    end = -1
    for start, stop in spans:
        if start >= end:  # not inside a longer label ('Date' of 'Due Date')
            starts.append(start)
        end = max(end, stop)
    if len(starts) < 2:
        return [text]
    return [text[start:stop] for start, stop in zip(starts, [*starts[1:], len(text)], strict=True)]

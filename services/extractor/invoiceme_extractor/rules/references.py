"""Invoice number, allocation number, dates, currency and document type."""

from __future__ import annotations

import re

from .. import israel
from . import labels
from .dates import FoundDate, dates_in
from .geometry import cell_at, spots_after_label
from .lines import Found, Line, following
from .tax_ids import ids_in, normalize_tax_id

_NUMBER_TOKEN = re.compile(r"(?<![\w/-])([A-Z]{0,6}[-/#]?\d(?:[\w\-/.]{0,24}\w)?)(?![\w])", re.I)
_ALLOCATION_TOKEN = re.compile(r"(?<!\d)(\d{9})(?!\d)")


# OCR reads a 1 after a capital prefix as a lowercase l: "Al648" is A1648 (ids mix no lowercase l in)
_LOWERCASE_L_AS_ONE = re.compile(r"(?<=[A-Z])l(?=\d{2})")


# OCR reads a letter S opening an id as a dollar sign: "$529672" for S529672 (money has decimals)
_DOLLAR_AS_S = re.compile(r"\$(?=\d{4,}(?![\d.,]))")


def _numbers_in(text: str) -> list[str]:
    text = _DOLLAR_AS_S.sub("S", text)
    ids = {normalize_tax_id(found) for found in ids_in(text, generic=False)}
    tokens = []
    for match in _NUMBER_TOKEN.finditer(text):
        token = match.group(1).rstrip(".")
        if dates_in(token) or re.fullmatch(r"\d{1,2}[.,]\d{2}", token) or len(token) > 24:
            continue
        if re.fullmatch(r"[\d.,]+", token) and re.search(r"[.,]\d{2}$", token):
            continue  # an amount, not a number
        if normalize_tax_id(token) in ids:
            continue
        tokens.append(_LOWERCASE_L_AS_ONE.sub("1", token))
    return tokens


def _number_after(text: str) -> str | None:
    tokens = _numbers_in(text)
    return tokens[0] if tokens else None


def _plausible_below_label(token: str) -> bool:
    """A line under a label holds other columns too: skip OCR crumbs and valid Israeli tax ids."""
    return len(token) >= 3 and not (israel.is_israeli_id_shape(token) and israel.israeli_id_is_valid(token))


def _rest_of_label_cell(line: Line, label: re.Match[str]) -> str:
    index = cell_at(line, label.start()) if line.cells else None
    if index is None:
        return line.text[label.end() : label.end() + 12]
    cell_start = sum(len(c.text) + 1 for c in line.cells[:index])
    return line.cells[index].text[label.end() - cell_start :]


def _refers_elsewhere(line: Line, label: re.Match[str]) -> bool:
    """'For invoice: 325', 'N° de facture associée', 'Order No.': a number of another document
    (judged within the label's cell, so a street named 'דרך בגין' beside it does not count)."""
    index = cell_at(line, label.start()) if line.cells else None
    if index is not None:
        around = line.cells[index].text
    else:
        around = line.text[max(0, label.start() - 25) : label.end() + 12]
    return bool(labels.OTHER_DOCUMENT.search(around))


def find_invoice_number(lines: list[Line]) -> Found | None:
    for line in lines:
        for label in labels.INVOICE_NUMBER.finditer(line.text):
            if labels.TAX_ID.search(_rest_of_label_cell(line, label)) or _refers_elsewhere(line, label):
                continue  # "Document / VAT No. 123" names an id, not the invoice number
            found = (
                _number_in_spots(lines, line, label.start(), label.end())
                if line.cells
                else _number_in_text(lines, line, label)
            )
            if found:
                return found
    return _number_by_weak_label(lines) or _number_after_title(lines)


def _number_in_text(lines: list[Line], line: Line, label: re.Match[str]) -> Found | None:
    """Pages without word boxes: after the label on its line, or on the next line."""
    token = _number_after(line.text[label.end() :].lstrip(" :#.-"))
    if token:
        return Found(token, token, line, 0.9)
    if line.text[label.end() :].strip(" :#.-") == "":
        for nxt in following(lines, line, 1):
            tokens = [t for t in _numbers_in(labels.TAX_ID.sub(" ", nxt.text)) if _plausible_below_label(t)]
            if tokens:
                # A label closing its line heads a right-hand column: its value closes the next line.
                token = tokens[-1] if label.start() > 0 else tokens[0]
                return Found(token, token, nxt, 0.75)
    return None


_SPOT_CONFIDENCE = {
    "inline": 0.9,
    "next_cell": 0.85,
    "row_rest": 0.75,
    "prev_cell": 0.8,
    "below": 0.8,
    "next_line": 0.75,
}


_PHONE = re.compile(r"\btel|phone|fax|mobile|טל|פקס|נייד|tél|teléfono|telefon", re.I)


def _dominates(token: str, text: str) -> bool:
    """A neighbouring cell is a value when the token is most of it (not '151' in a street address)."""
    return len(token) >= 0.5 * len("".join(text.split()))


def _number_in_spots(lines: list[Line], line: Line, start: int, end: int, weak: bool = False) -> Found | None:
    """The first number-shaped token beside or under an invoice-number label (pages with boxes)."""
    for spot in spots_after_label(lines, line, start, end):
        text = spot.text.lstrip(" :#.-")
        if spot.relation != "inline" and (labels.INVOICE_NUMBER.search(text) or labels.TAX_ID.search(text)):
            continue  # the neighbouring cell is another label, not this one's value
        if spot.relation != "inline" and _PHONE.search(text):
            continue  # 'Tel 08-7556970' beside the label
        tokens = [
            t
            for t in _numbers_in(text)
            if spot.relation == "inline" or (_plausible_below_label(t) and _dominates(t, text))
        ]
        if tokens:
            confidence = _SPOT_CONFIDENCE[spot.relation] - (0.15 if weak else 0.0)
            return Found(tokens[0], tokens[0], spot.line, confidence)
    return None


def _bare_or_numbered(rest: str) -> bool:
    """After a weak label: nothing (the value is in another cell) or the value itself ('Ref: 4607')."""
    return not rest.strip() or bool(re.match(r"\s*[A-Z]{0,4}[-/#]?\d", rest))


def _number_by_weak_label(lines: list[Line]) -> Found | None:
    """'Nº', 'Ref', 'No.' alone: an invoice number only when no invoice-number label is printed."""
    for line in lines[:40]:
        for index, cell in enumerate(line.cells):
            match = labels.INVOICE_NUMBER_WEAK.match(cell.text)
            if match and _bare_or_numbered(cell.text[match.end() :]):
                start = sum(len(c.text) + 1 for c in line.cells[:index])
                found = _number_in_spots(lines, line, start, start + match.end(), weak=True)
                if found:
                    return found
        match = None if line.cells else labels.INVOICE_NUMBER_WEAK.match(line.text)
        if match and _bare_or_numbered(line.text[match.end() :]):
            token = _number_after(line.text[match.end() :].lstrip(" :#.-"))
            if token:
                return Found(token, token, line, 0.7)
    return None


def _number_after_title(lines: list[Line]) -> Found | None:
    """'INVOICE 2024-117' / 'Rechnung 4711': a number right after the title (or beside or under the
    title's cell: the largest print naming a document type), when no label names one."""
    title = _title_cell(lines)
    if title is not None:
        line, index = title
        start = sum(len(c.text) + 1 for c in line.cells[:index])
        named = _type_of(line.cells[index].text)
        end = start + (named[1].end() if named else len(line.cells[index].text))
        found = _number_in_spots(lines, line, start, end, weak=True)
        if found and found.line.index - line.index <= 1:
            return Found(found.value, found.raw, found.line, 0.6)
        return None
    for line in lines[:15]:
        for _, pattern in labels.DOCUMENT_TYPES:
            match = pattern.search(line.text)
            if match is None or labels.OTHER_DOCUMENT.search(line.text):
                continue
            rest = line.text[match.end() :].lstrip(" :#.-")
            token = _number_after(rest[:30]) if rest[:1].isalnum() else None
            if token and rest.startswith(token) and any(ch.isdigit() for ch in token):
                return Found(token, token, line, 0.6)
    return None


def _title_cell(lines: list[Line]) -> tuple[Line, int] | None:
    """The document's title on a page with word boxes: the largest-print cell near the top that
    names a document type."""
    titled = [
        (cell.font, -line.index, line, index)
        for line in lines[:15]
        for index, cell in enumerate(line.cells)
        if _type_of(cell.text) and not labels.OTHER_DOCUMENT.search(cell.text)
    ]
    if not titled:
        return None
    _, _, line, index = max(titled, key=lambda item: (item[0], item[1]))
    return line, index


def find_allocation_number(lines: list[Line]) -> Found | None:
    for line in lines:
        label = labels.ALLOCATION.search(line.text)
        if not label:
            continue
        for candidate in [line.text[label.end() :], *(n.text for n in following(lines, line, 1))]:
            match = _ALLOCATION_TOKEN.search(candidate.replace(" ", "").replace("-", ""))
            if match:
                return Found(match.group(1), match.group(1), line, 0.9)
    return None


def _date_kind(text: str) -> str | None:
    if labels.DATE_DUE.search(text):
        return "due"
    if labels.DATE_OTHER.search(text):
        return "other"
    if labels.DATE_INVOICE.search(text):
        return "invoice"
    if labels.DATE_INVOICE_WEAK.search(text):
        # "Rechnung Nr. 5 vom 03.10.2018": beside the invoice number it is the invoice date
        return "invoice" if labels.INVOICE_NUMBER.search(text) else "weak"
    return None


DateReading = tuple[str | None, list[FoundDate], Line]  # label kind, dates, the line they are on


def _line_readings(lines: list[Line], line: Line, month_first: bool) -> list[DateReading]:
    """Pages without word boxes: the line's dates, or the next line's under a label closing its line."""
    kind = _date_kind(line.text)
    found: list[FoundDate] = dates_in(line.text, month_first)
    source = line
    if not found and kind in ("invoice", "due"):
        nxt = following(lines, line, 1)
        if nxt and not _date_kind(nxt[0].text):
            found, source = dates_in(nxt[0].text, month_first), nxt[0]
            label = (labels.DATE_DUE if kind == "due" else labels.DATE_INVOICE).search(line.text)
            if found and label and label.start() > 0:
                found = found[-1:]  # the label heads a right-hand column
    return [(kind, found, source)] if found else []


def _cell_readings(lines: list[Line], line: Line, month_first: bool) -> list[DateReading]:
    """Pages with word boxes: each cell's own dates, or the date beside or under a date label."""
    readings: list[DateReading] = []
    taken: set[int] = set()  # cells read as a label's value are not unlabelled dates too
    start = 0
    for index, cell in enumerate(line.cells):
        kind = _date_kind(cell.text)
        found = dates_in(cell.text, month_first)
        if found and index not in taken:
            readings.append((kind, found, line))
        elif kind is not None and not found:
            for spot in spots_after_label(lines, line, start, start + len(cell.text)):
                if spot.relation != "inline" and _date_kind(spot.text):
                    continue
                value = dates_in(spot.text, month_first)
                if value:
                    readings.append((kind, value[:1], spot.line))
                    if spot.relation == "next_cell":
                        taken.add(index + 1)
                    break
        start += len(cell.text) + 1
    return readings


def find_dates(lines: list[Line], month_first: bool) -> tuple[Found | None, Found | None]:
    invoice: Found | None = None
    due: Found | None = None
    unlabelled: Found | None = None
    weak: Found | None = None
    for line in lines:
        read = _cell_readings if line.cells else _line_readings
        for kind, found, source in read(lines, line, month_first):
            first = found[0]
            if kind == "invoice" and invoice is None:
                invoice = Found(first.value.isoformat(), first.raw, source, 0.75 if first.ambiguous else 0.9)
            elif kind == "due" and due is None:
                due = Found(found[-1].value.isoformat(), found[-1].raw, source, 0.85)
            elif kind == "weak" and weak is None:
                weak = Found(first.value.isoformat(), first.raw, source, 0.6)
            elif kind is None and unlabelled is None:
                unlabelled = Found(first.value.isoformat(), first.raw, source, 0.55)
    return invoice or weak or unlabelled, due


_AMOUNTS_IN = re.compile(
    r"(?:amounts?|beträge|betrage|montants|importes|prices|סכומים|מחירים)\b.{0,12}?\b(?:in|en|ב)\s*:?\s*([A-Z]{3})",
    re.I,
)


def find_currency(lines: list[Line], language: str) -> Found | None:
    """'All amounts in GBP' decides; otherwise marks are counted, ISO codes twice (OCR invents ₪/$ from
    strokes and letters, codes it rarely invents), ₪ half on a non-Hebrew page."""
    for line in lines:
        stated = _AMOUNTS_IN.search(line.text)
        if stated and any(code == stated.group(1).upper() for code, _ in labels.CURRENCIES):
            return Found(stated.group(1).upper(), stated.group(0), line, 0.95)
    weights: dict[str, float] = {}
    first_seen: dict[str, tuple[str, Line]] = {}
    for line in lines:
        for code, pattern in labels.CURRENCIES:
            for match in pattern.finditer(line.text):
                raw = match.group(0)
                weight = 2.0 if raw.isalpha() and raw.isupper() and len(raw) == 3 else 1.0
                if raw == "₪" and language != "he":
                    weight = 0.5
                weights[code] = weights.get(code, 0.0) + weight
                first_seen.setdefault(code, (raw, line))
    if weights:
        code = max(weights, key=lambda name: weights[name])
        raw, line = first_seen[code]
        return Found(code, raw, line, 0.95 if len(weights) == 1 else 0.75)
    if language == "he" and lines:
        return Found("ILS", "", lines[0], 0.5)  # Hebrew invoices without a mark are in shekels
    return None


def _type_of(text: str) -> tuple[str, re.Match[str]] | None:
    """The most specific document type a title names (credit note before receipt before invoice)."""
    for code, pattern in labels.DOCUMENT_TYPES:
        match = pattern.search(text)
        if match:
            return code, match
    return None


_EURO_PREFIXES = frozenset("AT BE CY DE EE EL ES FI FR HR IE IT LT LU LV MT NL PT SI SK".split())


def currency_from_tax_id(tax_id: Found | None) -> Found | None:
    """No currency printed: the issuer's tax id tells the country (an Israeli 9-digit id -> ILS, an
    EU VAT prefix -> EUR/GBP/CHF...). A guess, so said with low confidence."""
    if tax_id is None:
        return None
    value = str(tax_id.value)
    if israel.is_israeli_id_shape(value) and israel.israeli_id_is_valid(value):
        code = "ILS"
    else:
        prefix = value[:2]
        code = {
            "GB": "GBP",
            "XI": "GBP",
            "CH": "CHF",
            "IL": "ILS",
            "PL": "PLN",
            "SE": "SEK",
            "DK": "DKK",
        }.get(prefix, "EUR" if prefix in _EURO_PREFIXES else "")
    return Found(code, "", tax_id.line, 0.5) if code else None


def find_document_type(lines: list[Line]) -> Found | None:
    """The title says it: on pages with word boxes, the largest-print cell near the top that names a
    type (not a label such as 'Invoice No.' in body print); otherwise the first line that does."""
    title = _title_cell(lines)
    if title is not None:
        line, index = title
        code, match = _type_of(line.cells[index].text)  # type: ignore[misc]
        return Found(code, match.group(0), line, 0.9)
    for scope, confidence in ((lines[:15], 0.9), (lines, 0.6)):
        for code, pattern in labels.DOCUMENT_TYPES:
            for line in scope:
                found = pattern.search(line.text)
                if found:
                    return Found(code, found.group(0), line, confidence)
    return None

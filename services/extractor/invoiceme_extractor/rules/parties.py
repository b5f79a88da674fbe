"""Who issued the invoice: the vendor's name and tax id, kept apart from the customer's."""

from __future__ import annotations

import re

from .. import israel
from ..text import HEBREW_LETTER
from . import labels
from .dates import dates_in
from .lines import Found, Line, document_language, following

_EU_VAT = re.compile(
    r"\b(A[TT]U|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|CHE|IL)"
    r"[\s.-]?(\d{3}(?:[\s.]\d{3}){2,3}|[0-9A-Z]{8,12})(?![\w])"
)
_ISRAELI_ID = re.compile(r"(?<![\d-])(\d{9}|\d{2}-\d{6}-\d|\d{3}-\d{3}-\d{3}|\d{8}-\d)(?![\d-])")
_GENERIC_ID = re.compile(r"(?<![\w-])([A-Z]{0,3}\d[\d./-]{4,16}\d[A-Z]?)(?![\w])")
_NOT_A_NAME = re.compile(
    r"@|www\.|https?:|\btel\b|phone|fax|טל|פקס|נייד|e-?mail|דוא\"ל|\bpage\b|seite|עמוד|original|מקור|העתק|copy|"
    r"street|\bst\.|שדרות|שד'|דרך|\broad\b|\bjalan\b|\bave\b|straße|strasse|רחוב|רח'|ת\.?ד|p\.?o\.?\s*box|\bbox\b",
    re.I,
)


def _buyer_lines(lines: list[Line]) -> set[int]:
    """Indexes of lines that describe the customer (a few lines after 'Bill to' / 'לכבוד')."""
    inside: set[int] = set()
    for line in lines:
        if labels.BUYER_BLOCK.search(line.text) and not labels.TAX_ID.search(line.text[:3]):
            for nxt in [line, *following(lines, line, 4)]:
                if nxt is not line and labels.SELLER_BLOCK.search(nxt.text):
                    break
                inside.add(nxt.index)
    return inside


def normalize_tax_id(raw: str) -> str:
    value = re.sub(r"[\s./-]", "", raw).upper()
    if re.fullmatch(r"[A-Z]{2}[0-9O]{8,12}", value):  # OCR reads 0 as O after the country prefix
        value = value[:2] + value[2:].replace("O", "0")
    return value


def ids_in(text: str, generic: bool = True) -> list[str]:
    found = [m.group(0) for m in _EU_VAT.finditer(text) if sum(ch.isdigit() for ch in m.group(2)) >= 7]
    found += [match.group(1) for match in _ISRAELI_ID.finditer(text)]
    if not found and generic:
        found = [match.group(1) for match in _GENERIC_ID.finditer(text) if not dates_in(match.group(1))]
    return found


def find_vendor_tax_id(lines: list[Line]) -> Found | None:
    buyer = _buyer_lines(lines)
    best: tuple[tuple[int, int, int], Found] | None = None
    for line in lines:
        label = labels.TAX_ID.search(line.text)
        if not label:
            continue
        after = (
            line.text[label.end() :]
            if label.group(0)[:1].isalpha() or label.group(0)[:1] in "ח״ע"
            else line.text
        )
        candidates = ids_in(after) or ids_in(line.text)
        if not candidates:
            candidates = [c for nxt in following(lines, line, 1) for c in ids_in(nxt.text)]
        for raw in candidates:
            value = normalize_tax_id(raw)
            if len(re.sub(r"\D", "", value)) < 6:
                continue
            # a VAT-registration shaped id beats a local tax number ("Steuernummer 201/113/40209")
            vat_shaped = bool(_EU_VAT.fullmatch(value) or _ISRAELI_ID.fullmatch(value))
            buyer_label = labels.BUYER_BLOCK.search(line.text)
            before_buyer = buyer_label is not None and 0 <= line.text.find(raw) < buyer_label.start()
            in_buyer = line.index in buyer and not before_buyer
            rank = (0 if in_buyer else 1, int(vat_shaped), -line.index)
            if best is None or rank > best[0]:
                best = (rank, Found(value, raw, line, 0.9 if rank[0] else 0.5))
            break
    if best is None:
        for line in lines:  # an EU VAT id printed without a label
            match = _EU_VAT.search(line.text)
            if match and line.index not in buyer and sum(ch.isdigit() for ch in match.group(2)) >= 7:
                return Found(normalize_tax_id(match.group(0)), match.group(0), line, 0.6)
        return unlabelled_israeli_id(lines, buyer)
    return best[1] if best else None


HEADER_LINES = 8


def unlabelled_israeli_id(lines: list[Line], buyer: set[int]) -> Found | None:
    """A Hebrew document whose id label OCR garbled ("ny 531322816"): the first 9-digit number in the
    header that passes the Israeli check digit, outside the customer's block, not an allocation number."""
    if document_language(lines) != "he":
        return None
    for line in lines[:HEADER_LINES]:
        if line.index in buyer or labels.ALLOCATION.search(line.text):
            continue
        # 9 digits starting with 0 is a landline number (03-5551234 without its dash), not a business
        for match in re.finditer(r"(?<![\d-])[1-9]\d{8}(?![\d-])", line.text):
            if israel.israeli_id_is_valid(match.group(0)):
                return Found(match.group(0), match.group(0), line, 0.4)
    return None


def _clean_name(text: str) -> str:
    text = re.sub(
        r"^(?:name|from|seller|supplier|vendor|שם\s*העסק|שם\s*הספק|ספק|מאת)\s*[:\-]\s*", "", text, flags=re.I
    )
    label = labels.TAX_ID.search(text)
    if label and label.start() > 3:
        text = text[: label.start()]
    return text.strip(" :-|,")


def _strip_title(text: str) -> str:
    """'Acme Ltd   INVOICE' (OCR joined the title to the name) -> 'Acme Ltd'."""
    for _, pattern in labels.DOCUMENT_TYPES:
        text = pattern.sub(" ", text)
    return " ".join(text.split()).strip(" :-|/")


_FIELD_LABELS = (
    labels.INVOICE_NUMBER,
    labels.DATE_INVOICE,
    labels.DATE_DUE,
    labels.TAX_ID,
    labels.BUYER_BLOCK,
)


def cut_at_field_label(text: str) -> str:
    """'North Partners GmbH Document No.' (two columns joined by OCR) -> 'North Partners GmbH'."""
    for pattern in _FIELD_LABELS:
        match = pattern.search(text)
        if match and match.start() > 3:
            text = text[: match.start()]
    return text.strip(" :-|,")


def _name_score(line: Line, position: int, lines: list[Line]) -> float:
    text = line.text
    if _NOT_A_NAME.search(text) or dates_in(text) or labels.INVOICE_NUMBER.search(text):
        return -1
    letters = sum(ch.isalpha() for ch in text)
    if letters < 3 or sum(ch.isdigit() for ch in text) > letters:
        return -1
    if any(pattern.fullmatch(text.strip(" :")) for _, pattern in labels.DOCUMENT_TYPES):
        return -1
    if any(pattern.search(text) for _, pattern in labels.DOCUMENT_TYPES) and len(_strip_title(text)) < 3:
        return -1
    if (
        labels.TAX_ID.match(text)
        or labels.BUYER_BLOCK.search(text)
        or labels.SELLER_BLOCK.fullmatch(text.strip(": "))
    ):
        return -1
    if any(
        p.match(text) for p in (labels.DATE_INVOICE, labels.DATE_DUE, labels.INVOICE_NUMBER, labels.SUBTOTAL)
    ):
        return -1
    score = 2.0 - min(position * 0.25, 2.9)  # far from the top only with a company suffix
    if labels.COMPANY_SUFFIX.search(text):
        score += 3
    elif labels.BUSINESS_WORD.search(text):
        score += 1
    elif any(ch.isdigit() for ch in text):
        score -= 2  # addresses and reference lines carry numbers; names rarely do
    if any(labels.TAX_ID.search(nxt.text) for nxt in following(lines, line, 2)):
        score += 1
    if text.isupper() and letters > 4:
        score += 0.5
    return score


_SEPARATORS = re.compile(r"\s*[●•|·]\s*|\s{3,}")
_LABELLED_VALUE = re.compile(r"^[^\d:]{1,25}:\s*\S")  # "Nummer: 549910", "GLN: 43..."


def _seller_block_name(lines: list[Line]) -> Found | None:
    """'Verkäufer' / 'Seller:' / 'ספק': the name is on that line or within the next few."""
    for line in lines[:60]:
        match = labels.SELLER_BLOCK.match(line.text.strip())
        if not match:
            continue
        rest = line.text.strip()[match.end() :].strip(" :")
        nearby = [n.text for n in following(lines, line, 4)]
        named = [text for text in nearby if re.match(r"(?:name|שם)\s*:", text, re.I)]
        for candidate in named + ([rest] if len(rest) > 2 else []) + nearby:
            name = _clean_name(candidate)
            letters = sum(ch.isalpha() for ch in name)
            digits = sum(ch.isdigit() for ch in name)
            if letters < 3 or digits > 2 or labels.TAX_ID.match(name) or re.match(r"gln\b", name, re.I):
                continue
            if _LABELLED_VALUE.match(candidate) and candidate not in named:
                continue
            return Found(name, candidate, line, 0.85)
    return None


def _before_buyer_label(line: Line) -> Line | None:
    """'Acme Ltd      Bill To: Client Co' (two columns joined): the part before the customer's label."""
    match = labels.BUYER_BLOCK.search(line.text)
    if match is None or match.start() <= 3:
        return None
    return Line(line.text[: match.start()].strip(), line.page, line.index)


def _strip_hebrew(text: str) -> str:
    return " ".join(HEBREW_LETTER.sub("", text).split()).strip(" .:-|")


def find_vendor_name(lines: list[Line]) -> Found | None:
    found = _seller_block_name(lines)
    if found:
        return found
    buyer = _buyer_lines(lines)
    first_page = [line for line in lines if line.page == lines[0].page][:60] if lines else []
    if document_language(lines) == "en":
        # Speckles on English scans come out as stray Hebrew letters under heb+eng OCR.
        first_page = [Line(_strip_hebrew(line.text), line.page, line.index) for line in first_page]
    scored = []
    for position, line in enumerate(first_page):
        if line.index in buyer:
            seller_part = _before_buyer_label(line)
            if seller_part is None:
                continue
            line = seller_part
        # "Acme GmbH ● Street 12 ● 12345 Town": score the part that names the company
        parts = [part for part in _SEPARATORS.split(line.text) if part] or [line.text]
        best_part = max(parts, key=lambda part: bool(labels.COMPANY_SUFFIX.search(part)))
        part_line = Line(cut_at_field_label(best_part), line.page, line.index)
        score = _name_score(part_line, position, lines)
        if score > 0:
            scored.append((score, -position, part_line))
    if not scored:
        return None
    score, _, line = max(scored)
    name = _clean_name(_strip_title(line.text))
    return Found(name, line.text, line, min(0.9, 0.45 + 0.1 * score)) if name else None

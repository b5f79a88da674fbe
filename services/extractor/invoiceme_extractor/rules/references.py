"""Allocation number, currency and document type (the invoice number: invoice_number.py; the dates:
date_fields.py)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .. import israel
from . import document_labels, labels, party_labels
from .amounts import without_restatement
from .currency_noise import (
    RUN_WEIGHT,
    codes_set_apart,
    id_mark_share,
    labelled_misread_code,
    only_converted,
    sign_runs,
    without_invented_marks,
)
from .damaged_titles import misread_type
from .geometry import spots_after_label
from .lines import Found, Line, Reading, first_found, following
from .titles import DOCUMENT_TYPES, names_a_field, specific_first, title_cells

_ALLOCATION_TOKEN = re.compile(r"(?<!\d)(\d{9})(?!\d)")


def _allocation_tokens(text: str) -> list[str]:
    return _ALLOCATION_TOKEN.findall(text.replace(" ", "").replace("-", ""))


def allocation_candidates(lines: list[Line]) -> Iterator[Reading]:
    """Nine digits by an allocation label: after it, or (on pages with word boxes) in the cell
    beside it in any direction or under it, as for every other label; in the rules' order (the
    first is the allocation number, the rest its alternatives)."""
    for line in lines:
        label = party_labels.ALLOCATION.search(line.text)
        if not label:
            continue
        named = label.group(0).strip()
        if line.cells:
            for spot in spots_after_label(lines, line, label.start(), label.end()):
                printed = len(re.sub(r"[\s-]", "", spot.text))
                for token in _allocation_tokens(spot.text):
                    if spot.relation == "inline" or len(token) >= 0.6 * printed:
                        score = 0.9 if spot.relation == "inline" else 0.85
                        yield Reading(token, score, token, spot.line, named)
            continue
        for candidate in [line.text[label.end() :], *(n.text for n in following(lines, line, 1))]:
            for token in _allocation_tokens(candidate):
                yield Reading(token, 0.9, token, line, named)


def find_allocation_number(lines: list[Line]) -> Found | None:
    return first_found(allocation_candidates(lines))


# 'All amounts in GBP', 'הסכומים בש"ח' (its final mem as OCR reads it too), 'Currency: EUR', 'מטבע: ש"ח'
_CURRENCY_NAMED = r'([A-Z]{3}\b|ש"ח|₪|€|\$|£|שקל|דולר|אירו|יורו)'
_AMOUNTS_IN = re.compile(
    r"(?:amounts?|beträge|betrage|montants|importes|prices|סכומי[םס]|מחירי[םס])(?:\b.{0,12}?\b(?:in|en)\s*:?\s*"
    rf"|\s*ב){_CURRENCY_NAMED}|(?:\bcurrency|währung|\bdevise|\bmoneda|(?<![\u05d0-\u05ea])מטבע)\s*:\s*{_CURRENCY_NAMED}",
    re.I,
)


# 'הסכומים בש"ח', 'כל המחירים ב-₪': the shekel has no three-letter word on a Hebrew page
_AMOUNTS_IN_SHEKELS = re.compile(r'(?:סכומים|מחירים)(?:\s+\S+)?\s+ב-?\s*(?:ש"ח|₪|שקלים)')


def _stated_currencies(lines: list[Line]) -> Iterator[Found]:
    """'All amounts in GBP', 'Currency: EUR', 'הסכומים בש"ח': a currency the page states in words."""
    for line in lines:
        stated = _AMOUNTS_IN.search(line.text)
        named = stated and (stated.group(1) or stated.group(2))
        code = next((code for code, pattern in labels.CURRENCIES if named and pattern.fullmatch(named)), None)
        if stated and code is not None:
            yield Found(code, stated.group(0), line, 0.95)
        elif shekels := _AMOUNTS_IN_SHEKELS.search(line.text):
            yield Found("ILS", shekels.group(0), line, 0.95)
        elif misread := labelled_misread_code(line.text):
            yield Found(misread[0], misread[1], line, 0.75)


CurrencyCues = tuple[dict[str, float], dict[str, tuple[str, Line]]]  # weight, first mark seen by code

# A line that converts an amount into another currency ("For information: 443.74 USD (exchange rate
# 0.2792)", "Kurs", "taux", "שער"): its currency is not the invoice's
CONVERSION = re.compile(
    r"exchange\s*rate|wechselkurs|\bkurs\b|\btaux\b|tipo\s*de\s*cambio|\bcambio\b|\bfx\b|"
    r"(?<![\u05d0-\u05ea])שער(?![\u05d0-\u05ea])|equivalent|≈",
    re.I,
)


def conversion_weight(text: str) -> float:
    """How much a line's currency marks count: a quarter on a line that converts to another currency."""
    return 0.25 if CONVERSION.search(text) else 1.0


_SIGNS = ("$", "€", "£", "₪", "₹")
UNREAD_MARK = 0.2  # a cell's mean word confidence under which OCR guessed its signs ('$58473.41' at 0.01)


def _read_text(line: Line) -> str:
    """The line without the cells OCR all but guessed: a sign there is no evidence of the currency."""
    if not line.cells or all(cell.confidence >= UNREAD_MARK for cell in line.cells):
        return line.text
    return " ".join(cell.text for cell in line.cells if cell.confidence >= UNREAD_MARK)


def currency_cues(lines: list[Line], language: str) -> CurrencyCues:
    """Marks are counted, ISO codes twice (OCR invents ₪/$ from strokes and letters, codes it rarely
    invents), ₪ half on a non-Hebrew page."""
    weights, first_seen = _currency_cues(tuple(lines), language)
    return dict(weights), dict(first_seen)  # the caller's own dicts


# Pure in the lines (frozen); the currency and its alternatives both ask it of the same lines
@functools.lru_cache(maxsize=8)
def _currency_cues(lines: tuple[Line, ...], language: str) -> CurrencyCues:
    weights: dict[str, float] = {}
    first_seen: dict[str, tuple[str, Line]] = {}
    for line in lines:
        read = _read_text(line)
        scale = conversion_weight(read)
        runs = [match.group(1) for match in sign_runs(read)]
        # "1,234.50 EUR (≈ 1,345.67 USD)": the EUR counts; "$$$" from a band's edge does not
        text = without_invented_marks(without_restatement(codes_set_apart(read)), language)
        for code, pattern in labels.CURRENCIES:
            stray_shekel = 0.0
            for match in pattern.finditer(text):
                raw = match.group(0)
                weight = scale * (2.0 if raw.isalpha() and raw.isupper() and len(raw) == 3 else 1.0)
                weight *= id_mark_share(text, match.end()) if raw in _SIGNS else 1.0
                first_seen.setdefault(code, (raw, line))
                if raw == "₪" and language != "he":
                    # OCR invents ₪ from a band's edge, often several along one line ("₪ ₪ ₪",
                    # "]₪₪"): on a page in another script it weighs half, once per line
                    stray_shekel = 0.5
                    continue
                weights[code] = weights.get(code, 0.0) + weight
            run = next((sign for sign in runs if pattern.fullmatch(sign)), None)
            if run is not None:
                first_seen.setdefault(code, (run, line))
                stray_shekel = max(stray_shekel, RUN_WEIGHT * scale)
            if stray_shekel:
                weights[code] = weights.get(code, 0.0) + stray_shekel
    return weights, first_seen


def find_currency(lines: list[Line], language: str) -> Found | None:
    """'All amounts in GBP' decides; otherwise the weightiest currency cue (currency_cues)."""
    stated = next(_stated_currencies(lines), None)
    if stated is not None:
        return stated
    weights, first_seen = currency_cues(lines, language)
    converted = [c for c, pattern in labels.CURRENCIES if only_converted(pattern, lines, CONVERSION)]
    if converted and (language == "he" or set(weights) - set(converted)):
        # the currency an amount is converted into is not the invoice's (a Hebrew one is in shekels)
        weights = {code: weight for code, weight in weights.items() if code not in converted}
    if weights:
        # a tie on a Hebrew page goes to shekels: OCR makes '$' of an 8, never 'ש"ח' of anything
        code = max(weights, key=lambda name: (weights[name], language == "he" and name == "ILS"))
        raw, line = first_seen[code]
        if weights[code] < 1.0 and (raw in _SIGNS or code in converted):
            # no whole mark: a stray ₪ on a page in another script, a sign before an id ('€193990'
            # for C193990), a run along a band's edge, or only the code an amount is converted into
            # ('For information: 89.24 EUR (exchange rate 1.2174)'): weak, so the issuer's tax id's
            # country decides. A code the line restates from ('978.01 USD (≈ 905.84 EUR)') is kept.
            return Found(code, raw, line, 0.45)
        return Found(code, raw, line, 0.95 if len(weights) == 1 else 0.75)
    if language == "he" and lines:
        return Found("ILS", "", lines[0], 0.5)  # Hebrew invoices without a mark are in shekels
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


def currency_candidates(lines: list[Line], language: str, tax_id: Found | None = None) -> Iterator[Reading]:
    """Every currency the page states or marks, in the rules' order: stated in words first, then the
    marks by weight (the score: a code's share of all the marks' weight), then the rules' guesses
    without a mark (the issuer's tax id's country; shekels on a Hebrew page)."""
    for stated in _stated_currencies(lines):
        yield Reading(stated.value, stated.confidence, stated.raw, stated.line, stated.line.text)
    weights, first_seen = currency_cues(lines, language)
    whole = sum(weights.values())
    for code in sorted(weights, key=lambda name: -weights[name]):  # stable: ties keep max()'s pick first
        raw, line = first_seen[code]
        yield Reading(code, round(weights[code] / whole, 2), raw, line, line.text)
    by_tax_id = currency_from_tax_id(tax_id)
    if by_tax_id is not None:
        yield Reading(by_tax_id.value, by_tax_id.confidence, "", by_tax_id.line)
    if language == "he":
        yield Reading("ILS", 0.5)  # printed nowhere: no text, no place on the page


_MISREAD = 0.7  # a whole title with a letter or two misread
_LABEL_ONLY = 0.4  # only a field's label named the type: a guess (rules.untitled_type weighs the rest)


def document_type_candidates(lines: list[Line]) -> Iterator[Reading]:
    """The title says it: on pages with word boxes, the largest-print cell near the top that names a
    type (not a label such as 'Invoice No.' in body print; smaller titles score by their print
    size); otherwise each line that names one (near the top first)."""
    titles = specific_first(title_cells(lines))
    for line, index, code in titles:
        size = line.cells[index].font / max(titles[0][0].cells[titles[0][1]].font, 1e-6)
        printed = line.cells[index].text
        yield Reading(code, round(0.9 * min(size, 1.0), 2), printed, line, printed)
    if titles:
        return  # as in the rules: the lines are read only where no cell is a title
    for line in lines[:15]:  # a title OCR misread a letter or two of ('חשבונית מם קבלה')
        for cell in line.cells:
            if misread := misread_type(cell.text):
                yield Reading(misread, _MISREAD, cell.text, line, cell.text)
    in_labels = []  # a field's label ('מספר חשבונית', 'Invoice date') names a type any document prints
    for scope, confidence in ((lines[:15], 0.9), (lines, 0.6)):
        for code, pattern in DOCUMENT_TYPES:
            for line in scope:
                found = pattern.search(line.text)
                # 'Por la factura: 81075' on a receipt names the paid document, not this one
                other = found and document_labels.OTHER_DOCUMENT.search(line.text)
                if found and (names_a_field(line.text, (code, found)) or other):
                    in_labels.append(Reading(code, _LABEL_ONLY, found.group(0), line, found.group(0)))
                elif found:
                    yield Reading(code, confidence, found.group(0), line, found.group(0))
    yield from in_labels


def find_document_type(lines: list[Line]) -> Found | None:
    return first_found(document_type_candidates(lines))

"""Deterministic offline extractor: labels and patterns in Hebrew and English, no per-vendor templates."""

from __future__ import annotations

import re
from datetime import date

from .contract import Evidence, Extraction

_QUOTES = str.maketrans({"״": '"', "׳": "'", "“": '"', "”": '"', "’": "'", "‘": "'"})
_AMOUNT = r"-?\d{1,3}(?:[,\s]\d{3})*(?:\.\d{1,2})?|-?\d+(?:\.\d{1,2})?"
_AMOUNT_RE = re.compile(rf"(?<![\d.])({_AMOUNT})(?![\d])")
_TOTAL_LABELS = re.compile(
    r'(סה"כ\s*לתשלום|לתשלום|סה"כ\s*כולל|סה"כ|total\s*due|amount\s*due|grand\s*total|balance\s*due|total)', re.I
)
_SUBTOTAL_HINT = re.compile(r'(sub\s*-?total|לפני\s*מע"מ|ללא\s*מע"מ|net)', re.I)
_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NUMBER_RE = re.compile(
    r'(?:invoice\s*(?:no\.?|number|#)|חשבונית\s*(?:מס\s*)?(?:/\s*קבלה\s*)?(?:מס(?:פר|\')|#)|מספר\s*חשבונית)'
    r"\s*[:#]?\s*([A-Za-z0-9][\w/-]{1,20})",
    re.I,
)
_CURRENCIES = [
    ("ILS", re.compile(r'₪|ש"ח|\bNIS\b|\bILS\b|שקל', re.I)),
    ("USD", re.compile(r"\$|\bUSD\b", re.I)),
    ("EUR", re.compile(r"€|\bEUR\b", re.I)),
    ("GBP", re.compile(r"£|\bGBP\b", re.I)),
]
_HEBREW = re.compile(r"[\u0590-\u05ff]")


def normalize_text(text: str) -> str:
    return text.translate(_QUOTES)


def parse_amount(raw: str) -> float | None:
    cleaned = raw.replace(" ", "").replace(",", "")
    try:
        return round(float(cleaned), 2)
    except ValueError:
        return None


def parse_date(match: re.Match[str]) -> date | None:
    try:
        if match.group(4):
            return date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
        day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if year < 100:
            year += 2000
        return date(year, month, day)
    except ValueError:
        return None


def extract_with_rules(text: str) -> Extraction:
    text = normalize_text(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    result = Extraction()
    _find_total(lines, result)
    _find_date(text, result)
    _find_number(text, result)
    _find_currency(text, result)
    _find_vendor(lines, result)
    for name in ("total", "invoice_date", "invoice_number", "currency", "vendor_name"):
        if getattr(result, name) is not None:
            result.source[name] = "rules"
    return result


def _find_total(lines: list[str], result: Extraction) -> None:
    best: tuple[int, float, str] | None = None
    for line in lines:
        label = _TOTAL_LABELS.search(line)
        if not label or _SUBTOTAL_HINT.search(line):
            continue
        amounts = [a for a in (parse_amount(m) for m in _AMOUNT_RE.findall(line)) if a is not None]
        if not amounts:
            continue
        strength = 2 if re.search(r'לתשלום|due|grand', label.group(0), re.I) else 1
        candidate = (strength, max(amounts, key=abs), line)
        if best is None or candidate[:2] >= best[:2]:
            best = candidate
    if best:
        result.total = best[1]
        result.confidence["total"] = 0.9 if best[0] == 2 else 0.75
        result.evidence["total"] = Evidence(text=best[2])


def _find_date(text: str, result: Extraction) -> None:
    for match in _DATE_RE.finditer(text):
        found = parse_date(match)
        if found:
            result.invoice_date = found.isoformat()
            result.confidence["invoice_date"] = 0.7
            result.evidence["invoice_date"] = Evidence(text=match.group(0))
            return


def _find_number(text: str, result: Extraction) -> None:
    match = _NUMBER_RE.search(text)
    if match:
        result.invoice_number = match.group(1)
        result.confidence["invoice_number"] = 0.8
        result.evidence["invoice_number"] = Evidence(text=match.group(0))


def _find_currency(text: str, result: Extraction) -> None:
    for code, pattern in _CURRENCIES:
        match = pattern.search(text)
        if match:
            result.currency = code
            result.confidence["currency"] = 0.9
            result.evidence["currency"] = Evidence(text=match.group(0))
            return
    if _HEBREW.search(text):
        result.currency = "ILS"
        result.confidence["currency"] = 0.5


def _find_vendor(lines: list[str], result: Extraction) -> None:
    for line in lines[:5]:
        if _TOTAL_LABELS.search(line) or _DATE_RE.search(line) or len(line) < 2:
            continue
        if re.fullmatch(r'(חשבונית.*|קבלה.*|invoice.*|receipt.*|tax invoice.*)', line, re.I):
            continue
        result.vendor_name = line
        result.confidence["vendor_name"] = 0.5
        result.evidence["vendor_name"] = Evidence(text=line)
        return

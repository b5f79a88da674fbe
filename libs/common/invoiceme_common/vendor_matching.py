"""Which business (vendor) an invoice comes from: pure, Hebrew-aware name matching.

Order of evidence: the same valid Israeli tax id wins outright; otherwise the normalized
vendor name is compared with every business name and alias, and a score at or above
`MATCH_THRESHOLD` assigns the invoice. Below it the invoice stays unassigned and the ranked
candidates are offered to the user.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from stdnum.il import hp, idnr

from .text_marks import STRIP_INVISIBLE

MATCH_THRESHOLD = 0.88
SUGGESTION_FLOOR = 0.35

_FINAL_LETTERS = str.maketrans({"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"})
_QUOTES = re.compile(r"[\"'`´‘’“”״׳]")
_NIQQUD = re.compile(r"[\u0591-\u05C7]")
# Company-form suffixes (after quotes are dropped): בע"מ -> בעמ, Ltd, Inc ...
_SUFFIXES = {
    "בעמ",
    "בע",
    "מ",
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "llc",
    "co",
    "corp",
    "company",
    "gmbh",
    "plc",
    "sa",
    "עמ",
    "חפ",
    "שותפות",
    "ושות",
    "ושותפים",
}
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def normalize_text(text: str) -> str:
    """Lower-case, final letters to regular, no niqqud, quotes, bidi marks or punctuation."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(STRIP_INVISIBLE)
    text = _NIQQUD.sub("", text)
    text = _QUOTES.sub("", text).lower().translate(_FINAL_LETTERS)
    text = _PUNCT.sub(" ", text).replace("_", " ")
    return " ".join(text.split())


@lru_cache(maxsize=16_384)  # every business name is normalized again for each invoice matched
def normalize_name(name: str) -> str:
    """A business name without company-form suffixes: 'שופרסל בע"מ' -> 'שופרסל', 'ACME Ltd.' -> 'acme'."""
    words = normalize_text(name).split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in _SUFFIXES:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=16_384)  # checked for every business each time an invoice is matched
def valid_tax_id(value: str | None) -> str | None:
    """The 9-digit compact form of a valid Israeli company number or ID/ע.מ., else None."""
    if not value:
        return None
    for module in (hp, idnr):
        try:
            return str(module.validate(value))
        except Exception:
            continue
    return None


@lru_cache(maxsize=16_384)
def _words(name: str) -> frozenset[str]:
    return frozenset(name.split())


def name_similarity(left: str, right: str) -> float:
    """0..1 similarity of two normalized names: the better of the two as written and the two with
    their words sorted (so word order and a typo together still match; a little below an exact
    match), whole shared words, and one name contained in the other."""
    if not left or not right:
        return 0.0
    if left == right:
        return 1.0
    best = max(fuzz.ratio(left, right), 0.97 * fuzz.token_sort_ratio(left, right)) / 100
    left_words, right_words = _words(left), _words(right)
    shared = len(left_words & right_words)
    if shared:
        best = max(best, 0.95 * shared / max(len(left_words), len(right_words)))
    shorter, longer = (left, right) if len(left) <= len(right) else (right, left)
    if len(shorter) >= 4 and f" {shorter} " in f" {longer} ":
        best = max(best, 0.9 * len(shorter) / len(longer) + 0.05)
    return round(best, 4)


@dataclass(frozen=True)
class BusinessProfile:
    id: uuid.UUID
    name: str
    tax_id: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    business_id: uuid.UUID
    name: str
    score: float
    reason: str  # tax_id | name | alias


@dataclass(frozen=True)
class MatchDecision:
    business_id: uuid.UUID | None
    method: str  # tax_id | name | alias | none
    score: float
    candidates: list[Candidate] = field(default_factory=list)


def rank_candidates(
    vendor_name: str | None, vendor_tax_id: str | None, businesses: list[BusinessProfile], limit: int = 5
) -> list[Candidate]:
    """Businesses ranked by how well they fit the extracted vendor; best first, at most `limit`."""
    tax_id = valid_tax_id(vendor_tax_id)
    vendor_key = normalize_name(vendor_name or "")
    ranked: list[Candidate] = []
    for business in businesses:
        if tax_id and valid_tax_id(business.tax_id) == tax_id:
            ranked.append(Candidate(business.id, business.name, 1.0, "tax_id"))
            continue
        best, reason = name_similarity(vendor_key, normalize_name(business.name)), "name"
        for alias in business.aliases:
            score = name_similarity(vendor_key, normalize_name(alias))
            if score > best:
                best, reason = score, "alias"
        if best >= SUGGESTION_FLOOR:
            ranked.append(Candidate(business.id, business.name, best, reason))
    ranked.sort(key=lambda c: (c.reason != "tax_id", -c.score, c.name))
    return ranked[:limit]


def match_business(
    vendor_name: str | None, vendor_tax_id: str | None, businesses: list[BusinessProfile]
) -> MatchDecision:
    candidates = rank_candidates(vendor_name, vendor_tax_id, businesses)
    if candidates and (candidates[0].reason == "tax_id" or candidates[0].score >= MATCH_THRESHOLD):
        best = candidates[0]
        return MatchDecision(best.business_id, best.reason, best.score, candidates)
    return MatchDecision(None, "none", candidates[0].score if candidates else 0.0, candidates)

"""Text clean-up shared by the rules and the LLM path: quotes, invisible marks, visual-order Hebrew."""

from __future__ import annotations

import re

from invoiceme_common.text_marks import STRIP_INVISIBLE

_QUOTES = str.maketrans(
    {"״": '"', "׳": "'", "“": '"', "”": '"', "„": '"', "’": "'", "‘": "'", "`": "'", "−": "-"}
)
_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " "})
HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
_HEBREW_WORD = re.compile(r"[\u05d0-\u05ea][\u05d0-\u05ea\"']*[\u05d0-\u05ea]")
_FINAL_FORMS = "ךםןףץ"
# Words that only appear reversed when a PDF stores Hebrew in visual (left-to-right) order.
_REVERSED_KEYWORDS = ('מ"עמ', 'כ"הס', "םולשתל", "תינובשח", "ךיראת", "רפסמ", "הלבק")
_LTR_RUN = re.compile(r"[A-Za-z0-9@%$€₪£][A-Za-z0-9@%$€₪£.,:/\-_+ ]*[A-Za-z0-9@%$€₪£]|[A-Za-z0-9]")
_MIRROR = str.maketrans("()[]{}<>", ")(][}{><")


_SURROGATES = re.compile(r"[\ud800-\udfff]")  # broken emoji from some PDF text layers; unencodable


# OCR reads ש"ח as Latin n"w (also N"W, h"w, n*w), sometimes glued to an amount whose 1 became i/l:
# 'n"wi,084.23' is ש"ח 1,084.23.
_SHEKEL_AS_LATIN = re.compile(r'(?<![A-Za-z])[nNhH]["*“”][wW](?:(?P<one>[il|])(?=[,.]?\d))?(?![A-Za-z])')
_DOUBLED_GERSHAYIM = re.compile(r"(?<=[\u05d0-\u05ea])(?:'\"|\"')(?=[\u05d0-\u05ea])")  # ש'"ח -> ש"ח


_VAT_AS_LATIN = re.compile(r'(?<![A-Za-z])n"yn(?![A-Za-z])')  # and מע"מ as n"yn
# "N°" whose degree sign OCR read as an asterisk ('Facture N*: F-8162', 'N* TVA FR18296949589')
_NUMERO_AS_STAR = re.compile(r"(?<![A-Za-z])([Nn])\*(?=[\s:.]|$)")
# Vowel points and cantillation marks OCR sets on Hebrew letters ('סַה"כ' for סה"כ): invoices print
# none, and a pointed letter is no longer the letter the labels are written with (not the maqaf,
# paseq, sof pasuq or nun hafukha: punctuation, not points)
_HEBREW_POINTS = dict.fromkeys([*range(0x0591, 0x05BE), 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7])
# one pass for the four: their characters are disjoint, and none maps to another's
_CHARACTERS = {**STRIP_INVISIBLE, **_HEBREW_POINTS, **_QUOTES, **_SPACES}


def _shekel(match: re.Match[str]) -> str:
    return ' ש"ח ' + ("1" if match.group("one") else "")


# Tesseract gives a right-to-left run's brackets as drawn, mirrored: "רימון הנדסה )1998(" is (1998);
# so is a word in brackets facing outwards anywhere on a Hebrew line ("5x )1998( גל מזון")
_MIRRORED_BRACKETS = re.compile(r"(?<=[\u05d0-\u05ea] )\)([^()]{1,30})\((?![^\s(]*\))")
_MIRRORED_WORD = re.compile(r"(?<!\S)\)([^()\s]{1,30})\((?!\S)")


def normalize_line(line: str) -> str:
    line = _MIRRORED_BRACKETS.sub(r"(\1)", line)
    if HEBREW_LETTER.search(line):
        line = _MIRRORED_WORD.sub(r"(\1)", line)
    line = _SHEKEL_AS_LATIN.sub(_shekel, _SURROGATES.sub("", line))
    line = _VAT_AS_LATIN.sub('מע"מ', line)
    line = _NUMERO_AS_STAR.sub("\\1°", line)
    line = line.translate(_CHARACTERS)
    return " ".join(_DOUBLED_GERSHAYIM.sub('"', line).split())


def hebrew_ratio(text: str) -> float:
    """Share of the text's letters that are Hebrew (every Hebrew letter is one: str.isalpha)."""
    letters = sum(map(str.isalpha, text))  # counted in C: asked of every page, row and document
    return len(HEBREW_LETTER.findall(text)) / letters if letters else 0.0


def looks_visual_order(text: str) -> bool:
    """True when Hebrew words read backwards: final letter forms (ם, ן…) open words instead of ending them."""
    words = _HEBREW_WORD.findall(text)
    starts = sum(1 for word in words if word[0] in _FINAL_FORMS)
    ends = sum(1 for word in words if word[-1] in _FINAL_FORMS)
    reversed_keywords = sum(text.count(keyword) for keyword in _REVERSED_KEYWORDS)
    return starts + 2 * reversed_keywords > ends + 1


def to_logical_order(line: str) -> str:
    """Reverse a visual-order line, then put the left-to-right runs (numbers, Latin) back the right way."""
    flipped = line[::-1].translate(_MIRROR)
    return _LTR_RUN.sub(lambda match: match.group(0)[::-1].translate(_MIRROR), flipped)


def clean_page_text(text: str) -> list[str]:
    """The page's non-empty lines, normalized, in logical order."""
    lines = [normalize_line(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if looks_visual_order("\n".join(lines)):
        lines = [to_logical_order(line) if HEBREW_LETTER.search(line) else line for line in lines]
    return lines

"""Hebrew label words as OCR reads them on photos and scans: letters of the same shape, and the
gershayim of an abbreviation.

Seen on dev photos and scans of several families: final mem as samekh ('לתשלוס'), mem as samekh or
tet ('מע"ס', 'מע"ט', 'טחיר'), nun as gimel ('לפגי'), kaf as bet ('סה"ב', 'בולל'), he as het
('סח"ב'), samekh as pe ('מפ\' חשבונית', 'פך הכל'), and the gershayim of 'מע"מ' / 'סה"כ' read as
two yods ('מעיימ') or with a yod after it ('סה"יכ'). Every label pattern accepts these readings: a
label word is long or specific enough that the look-alike spelling names nothing else an invoice
prints.

Patterns are folded into bigger ones (`any_of(X.pattern, ...)`), so `as_ocr_reads` first undoes
what it wrote, then writes it again (it is idempotent).
"""

from __future__ import annotations

import re

_HEBREW = range(0x05D0, 0x05EB)
# letter -> the class it may be read as (each class names its letter first)
LOOKALIKES = {
    "ם": "[םס]",
    "נ": "[נג]",
    "ה": "[הח]",
    "ח": "[חה]",
    # a scan's samekh read as pe ("מפ' חשבונית", "פך הכל" in one banded header), as final mem
    # ('חשבונית מם') or as tet ('טה"כ'): the letters share its closed round body
    "ס": "[ספםט]",
    # a final kaf read as final nun ('נערך בתארין' for בתאריך): both a stroke down from a bar
    "ך": "[ךן]",
}
# the gershayim of an abbreviation: '"', a geresh ("סה'כ"), a yod pair, or either mark then a stray yod
GERSHAYIM = "(?:[\"']י?|יי)"


def _undo(pattern: str) -> str:
    pattern = pattern.replace(GERSHAYIM, '"')
    for letter, either in LOOKALIKES.items():
        pattern = pattern.replace(either, letter)
    return pattern


def _is_hebrew(char: str) -> bool:
    return len(char) == 1 and ord(char) in _HEBREW


def as_ocr_reads(pattern: str) -> str:
    """The pattern with each look-alike letter (outside character classes) and each gershayim
    between two Hebrew letters also matching what OCR reads for it."""
    pattern = _undo(pattern).replace('\\"', '"')  # an escaped quote is a quote
    out: list[str] = []
    in_class = escaped = False
    for index, char in enumerate(pattern):
        if escaped or char == "\\":
            escaped = not escaped
            out.append(char)
        elif in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
        elif (
            char == '"'
            and _is_hebrew(pattern[index - 1 : index])
            and _is_hebrew(pattern[index + 1 : index + 2])
        ):
            out.append(GERSHAYIM)
        else:
            out.append(LOOKALIKES.get(char, char))
    return "".join(out)


# a Hebrew word OCR read as Latin lower case ('nya' for בעמ): short, no capital, closing the name
_LATIN_TAIL = re.compile(r"(?<=[\u05d0-\u05ea\"')])\s+[a-z]{2,4}$")


# ... or opening it ('pox תקשורת בע"מ' for 'אלון תקשורת בע"מ'), or a logo's crumbs of a few marks
# each with a digit, a bracket or a Latin letter ('4ב (t גל סחר בע"ם'), when two Hebrew words follow
_LATIN_HEAD = re.compile(
    r"^(?:[a-z]{2,4}|(?:(?=\S{0,2}[\d()\[\]a-z])\S{1,3}\s+)+(?=\S{0,2}[\d()\[\]a-z])\S{1,3})\s+"
    r"(?=[\u05d0-\u05ea][^\s]*\s+[\u05d0-\u05ea])"
)


def without_latin_tail(name: str) -> str:
    """A Hebrew name without a closing (or opening) word of two to four lower-case Latin letters: a
    Hebrew word OCR read in the wrong script ('נגה הנדסה nya' for 'נגה הנדסה בעמ', 'pan תקשורת ושות''
    for 'רימון תקשורת ושות''); the rest of the name is its surest part. Brands in Latin print ('Cedar
    Consulting בע"מ') are capitalised and kept."""
    return _LATIN_HEAD.sub("", _LATIN_TAIL.sub("", name))


# A date label's qualifier read in the wrong script ('תאריך mown' for 'תאריך משלוח', a delivery
# date), or cut to a short Hebrew word no qualifier is ('תאריך לוה'): whose date it names is lost,
# so it is no issue-date label ('date_label_kinds.date_kind')
_LOST_QUALIFIER = re.compile(
    r"(?<![\u05d0-\u05ea])תאריך\s*:?\s+(?:[a-z]{2,6}(?![A-Za-z])|(?!ערך)[\u05d0-\u05ea]{2,3}(?![\u05d0-\u05ea\"'.]))"
)


def date_qualifier_lost(text: str) -> bool:
    """Whether a Hebrew date label ('תאריך') is followed by a short lower-case Latin word or a Hebrew
    word of two or three letters: its qualifier (מסמך, משלוח, פירעון...) as OCR misread it.
    Capitalised Latin ('תאריך Date') is print."""
    return bool(_LOST_QUALIFIER.search(text))

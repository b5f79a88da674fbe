"""Where a page's OCR words name a vendor's tax id ('VAT Reg. No.', 'ע.מ.', 'N° de TVA'): the labels
whose value `label_values` reads again when no word beside them holds a valid id."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from invoiceme_common.ocr_pages import OcrWord, words_box

_HEBREW = r"\u05d0-\u05ea"
# A US employer identification number's labels: the one label whose value has no check digit, only
# its shape (two digits, a dash, seven) and a prefix the IRS assigns (`stdnum.us.ein`)
EIN_WORDS = r"\b(?:f?ein|tin)\b"
EIN_LABEL = re.compile(EIN_WORDS, re.I)
# Labels of a vendor's tax id. Not the extractor's lexicon (the OCR service does not import it, and
# it also holds card-terminal words): the few that name an id whose check can be verified here.
LABEL = re.compile(
    "|".join(
        (
            rf"(?<![{_HEBREW}])[עח]\s*[.\"״]\s*[מפ](?![{_HEBREW}'׳])",  # ע.מ. ח.פ. ע"מ ח"פ
            rf"(?<![{_HEBREW}])[עח]\s*[מפ](?![{_HEBREW}'׳\w])",  # the dots lost: 'עמ', 'חפ'
            rf"(?<![{_HEBREW}])ת\s*[.\"״]\s*ז(?![{_HEBREW}])",  # ת.ז.
            rf"(?<![{_HEBREW}])מורשה(?![{_HEBREW}])",  # עוסק מורשה, its first word often garbled
            rf"(?<![{_HEBREW}])עוס\s*[\"״]\s*מ(?![{_HEBREW}])",  # עוס"מ
            r"\b(?:vat|gst)\s*(?:reg(?:istration)?\.?\s*)?(?:no|nr|num|id|#)",
            r"\btax\s*(?:id|no|num|reg)",
            # an Israeli company's or dealer's number in English ('Company No.', 'Reg. No.')
            r"\b(?:company|reg(?:istration)?)\.?\s*(?:no\b|nr\b|num|#)",
            r"\blicen[cs]ed\s*dealer",
            r"\bn[°ºo]\.?\s*(?:de\s*)?iva\b",
            EIN_WORDS,
            r"\bust\.?\s*-?\s*id",
            r"\buid\b",
            r"umsatzsteuer\s*-?\s*id",
            r"\btva\s*intra",
            r"n[°ºo]\.?\s*(?:de\s*)?tva",
            r"(?:num[ée]ro|identifiant)\s*(?:de\s*)?tva",
            r"\bn\.?\s*i\.?\s*f\b",
            r"\bc\.?\s*i\.?\s*f\b",
            r"\bp(?:artita)?\.?\s*iva\b",
            r"\bbtw\b",
        )
    ),
    re.I,
)


MAX_LABEL_WORDS = 3  # 'VAT Reg. No.', 'N° de TVA'


@dataclass(frozen=True)
class Label:
    """A tax-id label on the page: its words' indexes and their box; `rtl` when it is Hebrew."""

    indexes: tuple[int, ...]
    left: int
    top: int
    right: int
    bottom: int
    rtl: bool

    @property
    def height(self) -> int:
        return max(1, self.bottom - self.top)


def find_labels(words: list[OcrWord]) -> list[Label]:
    """Tax-id labels: up to three neighbouring words of one line ('VAT Reg. No.') that the lexicon
    names, each label as few words as name it."""
    return labels_in(words, _label_at)


# The indexes of a label's words when a label starts at this word, else None
LabelAt = Callable[[list[OcrWord], int], tuple[int, ...] | None]


def labels_in(words: list[OcrWord], label_at: LabelAt) -> list[Label]:
    """The labels `label_at` finds (the indexes of a label's words when one starts at that word),
    left to right, none overlapping, each with its box and whether it is Hebrew."""
    labels: list[Label] = []
    index = 0
    while index < len(words):
        group = label_at(words, index)
        if group is None:
            index += 1
            continue
        members = [words[i] for i in group]
        left, top, right, bottom = words_box(members)
        labels.append(
            Label(
                group,
                left,
                top,
                right,
                bottom,
                bool(re.search(f"[{_HEBREW}]", "".join(w.text for w in members))),
            )
        )
        index = group[-1] + 1
    return labels


def _label_at(words: list[OcrWord], first: int) -> tuple[int, ...] | None:
    """The words from `first` on that make a label, when the label starts there."""
    line = words[first].line
    for size in range(1, MAX_LABEL_WORDS + 1):
        group = tuple(range(first, min(first + size, len(words))))
        if len(group) < size or words[group[-1]].line != line:
            return None
        if match := LABEL.search(" ".join(words[i].text for i in group)):
            # a label found only from a later word on starts there ('הרצליה עמ')
            return group if match.start() < len(words[first].text) else None
    return None

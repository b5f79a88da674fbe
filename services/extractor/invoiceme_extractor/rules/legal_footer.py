"""The company's legal identity as its footer states it: share capital, registered office, registry
('Sarl au capital de 10 000€ - RCS Paris B 530 848 134', 'Registered Office: ...', 'Stammkapital
25.000 EUR · HRB 1234 · Amtsgericht Köln'). Such a statement is no name; the words before it are
('Free SAS au capital de ...'), and so is a short line right over it: the footer's first row names
the company the statement is about."""

from __future__ import annotations

import re

from . import party_labels
from .labels import any_of
from .lines import Line

# the registered office's labels, which may open a statement that names the company ('Regd. office: ...')
_REGISTERED_OFFICE = (r"si[èe]ge\s*social", r"registered\s*office", r"regd\.?\s*office", r"sede\s*legale")
LEGAL_STATEMENT = any_of(
    # share capital (FR, ES/PT, IT, EN, DE, NL)
    r"au\s*capital\s*(?:social\s*)?de",
    r"capital\s*social",
    r"capitale\s*sociale",
    r"share\s*capital",
    r"stamm\s*kapital",
    r"grund\s*kapital",
    r"maatschappelijk\s*kapitaal",
    # registered office
    *_REGISTERED_OFFICE,
    r"statutaire\s*zetel",
    r"sitz\s*der\s*gesellschaft",
    # the registry that holds the company
    r"registergericht",
    r"handelsregister",
    r"amtsgericht",
    r"\brcs\b",
    r"\bkvk\b",
    r"kamer\s*van\s*koophandel",
    r"\bhr[ab]\s*:?\s*\d",
)

FOOTER_NAME_WORDS = 6  # a name over the statement is a few words, no sentence


def bare_legal_form(text: str) -> bool:
    """'Sarl', 'GmbH': a legal form with no name before it (a statement cut at its capital)."""
    return bool(party_labels.COMPANY_SUFFIX.fullmatch(text.strip(" .,:-")))


def _opens_with_statement(line: Line) -> bool:
    """The line's first cell (or the line) opens with a legal statement ('Siège social : ...',
    'Registered Office: ...'): in a footer of several columns, a statement in another column is
    about no name of this one."""
    first = line.cells[0].text if line.cells else line.text
    match = LEGAL_STATEMENT.search(first)
    return match is not None and match.start() <= OPENING


OPENING = 3  # characters before a statement that still opens its cell (a bullet, a mark)


def heads_legal_statement(line: Line, lines: list[Line]) -> bool:
    """The line is a short name opening its row, right over a row opening with a legal statement."""
    below = line.index + 1
    if below >= len(lines) or lines[below].page != line.page:
        return False
    text = line.text
    opens_row = lines[line.index].text.lstrip().startswith(text.strip()[:8])
    return (
        opens_row
        and _opens_with_statement(lines[below])
        and ":" not in text  # 'Geschäftsführer: Martin Hetzner': a label and a person, no name
        and not LEGAL_STATEMENT.search(text)
        and not any(ch.isdigit() for ch in text)
        and len(text.split()) <= FOOTER_NAME_WORDS
    )


# 'Regd. office: WS Retail Services Private Limited, Ozone Tech Park, ...': the office's label, then
# the company's legal name before the first comma, then its address
_OFFICE_LABEL = any_of(*_REGISTERED_OFFICE)
_LABEL_CLOSE = re.compile(r"\s*[:\-–]\s*")


def name_after_office_label(text: str) -> str:
    """The legal name a registered-office statement opens with, or the text as it was."""
    label = _OFFICE_LABEL.match(text.strip())
    if label is None:
        return text
    rest = text.strip()[label.end() :]
    close = _LABEL_CLOSE.match(rest)
    if close is None:
        return text
    head = rest[close.end() :].split(",")[0].strip()
    return head if party_labels.COMPANY_SUFFIX.search(head) else text

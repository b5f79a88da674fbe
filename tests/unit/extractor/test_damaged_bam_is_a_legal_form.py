"""בע"מ with its gershayim damaged ('בע""ימ', 'בעיימ') is still a company's legal form: the issuer's
header name that prints it is no weaker than the customer's name read whole."""

from __future__ import annotations

from invoiceme_extractor.rules import party_labels


def test_damaged_forms_are_legal_forms() -> None:
    for name in ('ברוש מערכות בע""ימ', "Granite Consulting בעיימ", "אלון בע'ימ"):
        assert party_labels.COMPANY_SUFFIX.search(name), name


def test_words_that_only_begin_so_are_not() -> None:
    assert not party_labels.COMPANY_SUFFIX.search("בעיית תקשורת")
    assert not party_labels.COMPANY_SUFFIX.search("מבעימה")

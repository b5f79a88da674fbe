"""A title with a letter OCR added or changed so that no type word is whole in it ('חעשבונית עסקה'
for 'חשבונית עסקה'): the nearest title's type still names the document, over a number label in
smaller print that names another type ('חשבונית מס מס'')."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.titles import title_cell

from .wordbox import tall_page


class TestMisreadTitleWithoutTypeWord:
    def test_the_misread_title_outranks_the_label(self) -> None:
        layer = tall_page(
            ("חעשבונית עסקה", 98, 153, 34),
            ("חשבונית מס 'on", 98, 241, 15),
            ("8406744", 518, 240, 15, 1),
        )
        title = title_cell(document_lines([layer]))
        assert title is not None and title[2] == "invoice"

    def test_a_name_far_from_any_title_names_none(self) -> None:
        layer = tall_page(("צוקים מערכות ושות'", 98, 153, 34), ("8406744", 518, 240, 15))
        assert title_cell(document_lines([layer])) is None

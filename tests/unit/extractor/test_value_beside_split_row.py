"""A label's value under it on a row the grouping split in two at one height (an item's number '6'
and the value '8263567' beside it): the cell sharing more of the label's columns is the value; and
the Hebrew number label with its מס' read as Latin ('חשבונית מס \\'on') still names the number."""

from __future__ import annotations

from invoiceme_extractor.rules import document_labels
from invoiceme_extractor.rules.geometry import cell_below
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Line


def _line(index: int, *cells: tuple[str, int, int, int]) -> Line:
    built = tuple(
        Cell(text, Box(left, top, right, top + 22), font=22, confidence=0.9)
        for text, left, right, top in cells
    )
    box = built[0].box
    for cell in built[1:]:
        box = box.union(cell.box)
    return Line(" ".join(cell.text for cell in built), 1, index, box, built)


class TestValueBesideSplitRow:
    def test_the_wider_overlap_at_the_same_height(self) -> None:
        label = _line(0, ("חשבונית מס 'on", 1238, 1385, 497))
        item = _line(1, ("6", 1360, 1372, 526), ("חומרי ניקוי", 821, 959, 525), ("(976.00)", 109, 202, 522))
        value = _line(2, ("8263567", 1295, 1385, 525))
        below = cell_below([label, item, value], label, label.cells[0])
        assert below is not None and below[1].text == "8263567"

    def test_a_cell_on_a_lower_row_does_not_replace_the_one_found(self) -> None:
        label = _line(0, ("Invoice No.", 1238, 1385, 497))
        first = _line(1, ("6", 1360, 1372, 526))
        lower = _line(2, ("8263567", 1295, 1385, 580))
        below = cell_below([label, first, lower], label, label.cells[0])
        assert below is not None and below[1].text == "6"

    def test_the_number_label_read_as_latin(self) -> None:
        assert document_labels.INVOICE_NUMBER.search("חשבונית מס 'on")
        assert not document_labels.INVOICE_NUMBER.search("חשבונית מס ontario")

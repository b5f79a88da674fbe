"""A totals label set apart at the side of a table's header row ('Net' in a side panel level with
'# | Description | Units | Rate | Line Total'): its amount right under it is read; the header's
own columns still are not."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import candidates, classify
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.side_labels import side_label_amounts

from .wordbox import page

_HEADER = (
    ("# Description", 820, 1212),
    ("Units", 1500, 1212),
    ("Rate", 1800, 1212),
    ("Line Total", 2100, 1212),
)


class TestSideLabelBesideTableHeader:
    def test_the_side_labels_amount_is_read(self) -> None:
        lines = document_lines(
            [page(("Net", 83, 1212), *_HEADER, ("-18,802.92 USD", 83, 1264), ("1 Logo design", 820, 1302))]
        )
        assert [value for value, _, _ in candidates(lines)["subtotal"]] == [-18802.92]

    def test_a_label_close_to_the_header_is_a_column(self) -> None:
        lines = document_lines([page(("Net", 740, 1212), *_HEADER, ("-18,802.92 USD", 740, 1264))])
        header = next(line for line in lines if "Units" in line.text)
        assert side_label_amounts(lines, header, classify) == []

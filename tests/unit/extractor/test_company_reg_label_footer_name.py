"""A footer row 'Vista Partners Group | Co. Reg. No. IE0942328P' under a header whose only name is a
badge ('VP'): 'Co. Reg. No.' is one id label (not 'Reg. No.' after a word 'Co.'), and the name is
the part before the label past the row's separator."""

from __future__ import annotations

from invoiceme_extractor.rules import party_labels
from invoiceme_extractor.rules.full_names import name_beside_tax_id
from invoiceme_extractor.rules.lines import Found, Line


class TestCompanyRegLabelFooterName:
    def test_the_label_opens_at_co(self) -> None:
        match = party_labels.TAX_ID.search("Vista Partners Group | Co. Reg. No. IE0942328P")
        assert match is not None and match.group(0).startswith("Co.")

    def test_the_name_before_the_label_is_the_issuers(self) -> None:
        line = Line("Vista Partners Group | Co. Reg. No. IE0942328P", 1, 17)
        found = name_beside_tax_id(None, Found("IE0942328P", "IE0942328P", line, 0.97))
        assert found is not None and found.value == "Vista Partners Group"
        assert found.confidence < 0.9

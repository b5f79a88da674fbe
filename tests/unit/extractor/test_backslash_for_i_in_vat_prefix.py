"""The I of an Irish or Italian VAT prefix OCR read as a backslash ('\\E5407767B' for IE5407767B):
one of the thin strokes it reads for an I, like 1, l and |."""

from __future__ import annotations

from invoiceme_extractor.rules.id_shapes import id_tokens
from invoiceme_extractor.rules.vat_numbers import normalize_tax_id


class TestBackslashForIInVatPrefix:
    def test_the_prefix_restored(self) -> None:
        tokens = id_tokens("Tel 03 \\E5407767B")
        assert [normalize_tax_id(token) for token in tokens] == ["IE5407767B"]

    def test_a_backslash_before_other_letters_is_no_prefix(self) -> None:
        assert "IE5407767B" not in [normalize_tax_id(token) for token in id_tokens("\\X5407767B")]

"""An Israeli id printed in threes ('007-981-228') under a label OCR lost: the grouping is an id's,
never a phone number's, so an id opening with 0 still counts when its check digit holds."""

from __future__ import annotations

from invoiceme_extractor.rules.id_shapes import shape_score


class TestIdGroupedInThrees:
    def test_a_valid_id_in_threes_has_an_ids_shape(self) -> None:
        assert shape_score("007981228", "007-981-228") == 2.0

    def test_the_same_digits_bare_are_as_likely_a_phone(self) -> None:
        assert shape_score("007981228", "007981228") == 0.0

    def test_a_phone_grouping_is_no_id(self) -> None:
        assert shape_score("037776207", "03-7776207") == 0.0

"""The businesses' display order as list arithmetic: moves across pages and one page's rearranging."""

from __future__ import annotations

import uuid

import pytest

from invoiceme_gateway.businesses.ordering import changed_positions, moved, rearranged
from invoiceme_gateway.domain_errors import InvalidInput, NotFound

A, B, C, D, E = (uuid.UUID(int=n) for n in range(1, 6))
ORDER = [A, B, C, D, E]


class TestMoved:
    """One business goes right before or after another; the rest keep their sequence."""

    def test_before_an_earlier_one(self):
        assert moved(ORDER, D, B, after=False) == [A, D, B, C, E]

    def test_after_a_later_one(self):
        assert moved(ORDER, A, D, after=True) == [B, C, D, A, E]

    def test_after_the_last_and_before_the_first(self):
        assert moved(ORDER, B, E, after=True) == [A, C, D, E, B]
        assert moved(ORDER, E, A, after=False) == [E, A, B, C, D]

    def test_to_where_it_already_is_changes_nothing(self):
        assert moved(ORDER, B, C, after=False) == ORDER
        assert moved(ORDER, C, B, after=True) == ORDER

    def test_relative_to_itself_is_refused(self):
        with pytest.raises(InvalidInput):
            moved(ORDER, B, B, after=True)

    def test_unknown_ids_are_not_found(self):
        stranger = uuid.uuid4()
        with pytest.raises(NotFound):
            moved(ORDER, stranger, A, after=False)
        with pytest.raises(NotFound):
            moved(ORDER, A, stranger, after=False)


class TestRearranged:
    """The given ids take the places they hold, in the given sequence; others stay put."""

    def test_every_id_is_a_full_reorder(self):
        assert rearranged(ORDER, [E, D, C, B, A]) == [E, D, C, B, A]

    def test_one_pages_ids_only_change_that_page(self):
        assert rearranged(ORDER, [C, B]) == [A, C, B, D, E]

    def test_scattered_ids_swap_their_places(self):
        assert rearranged(ORDER, [E, A]) == [E, B, C, D, A]

    def test_a_repeated_id_is_refused(self):
        with pytest.raises(InvalidInput):
            rearranged(ORDER, [A, A])

    def test_an_unknown_id_is_not_found(self):
        with pytest.raises(NotFound):
            rearranged(ORDER, [A, uuid.uuid4()])


class TestChangedPositions:
    """Only rows whose stored display_order differs from their new place are written."""

    def test_a_move_writes_only_the_shifted_rows(self):
        current = [(business_id, position) for position, business_id in enumerate(ORDER)]
        assert changed_positions(current, moved(ORDER, D, B, after=False)) == [(D, 1), (B, 2), (C, 3)]

    def test_ties_and_gaps_are_made_dense(self):
        current = [(A, 0), (B, 0), (C, 7)]
        assert changed_positions(current, [A, B, C]) == [(B, 1), (C, 2)]

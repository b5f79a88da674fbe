"""The businesses' display order as pure list arithmetic (no I/O).

The list is paged, so a client rarely holds every id: it moves one business before or after another
(which may sit on a page it never loaded), or rearranges the ids it has among the places they hold.
The result is written back as dense positions 0..n-1, only for the rows whose position changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from invoiceme_gateway.domain_errors import InvalidInput, NotFound


def moved(order: Sequence[uuid.UUID], moving: uuid.UUID, anchor: uuid.UUID, after: bool) -> list[uuid.UUID]:
    """`order` with `moving` taken out and put right before (or after) `anchor`."""
    if moving == anchor:
        raise InvalidInput("a business cannot be moved relative to itself")
    if moving not in order or anchor not in order:
        raise NotFound("no such business")
    rest = [business_id for business_id in order if business_id != moving]
    at = rest.index(anchor) + (1 if after else 0)
    return [*rest[:at], moving, *rest[at:]]


def rearranged(order: Sequence[uuid.UUID], wanted: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """`order` with the `wanted` ids put, in the wanted sequence, into the places they hold now.

    With every id this is a full reorder; with one page's ids only that page changes, and the
    businesses on other pages keep their places."""
    wanted_ids = set(wanted)
    if len(wanted_ids) != len(wanted):
        raise InvalidInput("an id appears twice in the order")
    places = [index for index, business_id in enumerate(order) if business_id in wanted_ids]
    if len(places) != len(wanted):
        raise NotFound("one of these businesses does not exist")
    result = list(order)
    for place, business_id in zip(places, wanted, strict=True):
        result[place] = business_id
    return result


def changed_positions(
    current: Sequence[tuple[uuid.UUID, int]], new_order: Sequence[uuid.UUID]
) -> list[tuple[uuid.UUID, int]]:
    """(id, position) for the businesses whose stored display_order differs from their new place."""
    stored = dict(current)
    return [
        (business_id, position)
        for position, business_id in enumerate(new_order)
        if stored.get(business_id) != position
    ]

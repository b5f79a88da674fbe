"""Answers remembered by a key the caller builds: for pure functions of a compiled pattern, which
`functools.lru_cache` would hash by walking the pattern's compiled code on every call, so callers
key by the pattern's source and flags instead."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

Answer = TypeVar("Answer")

LIMIT = 4096  # answers kept per table; a full table is emptied whole (documents rarely repeat)


def remembered(table: dict[Hashable, Answer], key: Hashable, compute: Callable[[], Answer]) -> Answer:
    """`table[key]`, computed by `compute()` the first time it is asked."""
    if key not in table:
        if len(table) >= LIMIT:
            table.clear()
        table[key] = compute()
    return table[key]

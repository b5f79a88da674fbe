"""Hashing a big upload (~90 ms for 25 MB here) happens on a thread, so other requests keep moving;
small files are hashed in place (a thread hop would cost more than the hash)."""

from __future__ import annotations

import hashlib

from invoiceme_common.storage import sha256_hex
from invoiceme_common.storage.base import LOOP_HASH_BYTES
from tests.support.loop_ticks import ticks_during


class TestSha256:
    """The same digest either way; only big inputs leave the event loop."""

    async def test_a_big_file_is_hashed_while_the_loop_keeps_running(self):
        data = bytes(range(256)) * (40 * 2**20 // 256)  # 40 MB: tens of ms of hashing
        ticks = await ticks_during(sha256_hex(data))
        assert ticks > 1
        assert await sha256_hex(data) == hashlib.sha256(data).hexdigest()

    async def test_a_small_file_is_hashed_in_place(self):
        data = b"%PDF-1.4 small" * 100
        assert len(data) <= LOOP_HASH_BYTES
        assert await ticks_during(sha256_hex(data)) == 0
        assert await sha256_hex(data) == hashlib.sha256(data).hexdigest()

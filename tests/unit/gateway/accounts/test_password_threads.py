"""argon2 (~35 ms of CPU per check) runs off the event loop, so a burst of log-ins stalls no request."""

from __future__ import annotations

from invoiceme_gateway.accounts import security
from tests.support.loop_ticks import ticks_during


class TestPasswordHashingOffTheLoop:
    """Other tasks keep running while a password is hashed or checked."""

    async def test_checking_a_password_leaves_the_loop_free(self) -> None:
        stored = security.hash_password("password-123")
        assert await ticks_during(security.check_password(stored, "password-123")) >= 10

    async def test_hashing_a_password_leaves_the_loop_free(self) -> None:
        assert await ticks_during(security.new_password_hash("password-123")) >= 10

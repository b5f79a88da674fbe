"""Login back-off after failures (pure)."""

from __future__ import annotations

from invoiceme_gateway.accounts.login_throttle import MAX_LOCKOUT_SECONDS, lockout_seconds


class TestLoginBackoff:
    """No lock below the limit; then doubling, capped."""

    def test_backoff(self):
        assert lockout_seconds(4, 5, 60) == 0
        assert [lockout_seconds(n, 5, 60) for n in (5, 6, 7)] == [60, 120, 240]
        assert lockout_seconds(100, 5, 60) == MAX_LOCKOUT_SECONDS

"""Brute-force protection on login: how long a key (email, email+address) stays locked."""

from __future__ import annotations

MAX_LOCKOUT_SECONDS = 3600
# An email tried from many addresses gets a looser limit than one email from one address.
EMAIL_ONLY_FACTOR = 4


def lockout_seconds(failures: int, max_failures: int, base_seconds: int) -> int:
    """0 below the limit; then the base, doubling with every further failure, capped at an hour."""
    if failures < max_failures:
        return 0
    return min(MAX_LOCKOUT_SECONDS, base_seconds * 2 ** min(failures - max_failures, 16))


def throttle_keys(email: str, client_address: str) -> list[tuple[str, int]]:
    """The counters one login attempt touches, each with its failure-limit multiplier."""
    return [(f"{email}|{client_address}", 1), (email, EMAIL_ONLY_FACTOR)]

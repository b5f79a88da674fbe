"""Rate limits on log-in and sign-up: which keys an attempt counts against, and the client's address.

Each key is a leaky bucket (see migration 0051): up to `burst` attempts at once, then one more every
`refill_seconds`. The wait is never longer than one refill interval per attempt over the limit, so an
attacker hammering an account slows its owner down by at most that much, never locks them out.
"""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    burst: int  # 0: no limit
    refill_seconds: float

    def wait_seconds(self, level: float) -> int:
        """Seconds until one more attempt fits, for a bucket at `level` that refused one."""
        return max(1, math.ceil((level + 1 - self.burst) * self.refill_seconds))


def login_account_key(email: str) -> str:
    return f"login:account:{email}"


def login_address_key(address: str) -> str:
    return f"login:address:{address}"


def signup_address_key(address: str) -> str:
    return f"signup:address:{address}"


Networks = tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]


def parse_networks(spec: str) -> Networks:
    """`10.0.0.0/8, 127.0.0.1` -> networks; a bare address is a /32 (or /128)."""
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in spec.split(",") if part.strip())


def _trusted(address: str, trusted: Networks) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def client_address(peer: str | None, forwarded_for: str | None, trusted: Networks) -> str:
    """The address to count: the peer's, unless the peer is a trusted proxy; then the right-most
    X-Forwarded-For entry that is not itself a trusted proxy (entries further left are whatever the
    client claimed, so they are never believed)."""
    address = peer or "unknown"
    if not forwarded_for or not _trusted(address, trusted):
        return address
    for hop in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return address  # a malformed header: count the proxy itself
        if not _trusted(hop, trusted):
            return hop
    return address

"""The in-memory revocation list: what a NOTIFY adds, what expires, and that a current list answers a
token check with no database round trip (while a list that may be behind never says "not revoked")."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from invoiceme_gateway.accounts import service
from invoiceme_gateway.accounts.revocations import (
    RevocationList,
    RevokedSet,
    family_payload,
    token_payload,
)
from invoiceme_gateway.accounts.security import TokenClaims


class TestRevokedSet:
    """NOTIFY payloads name a token (with its expiry) or a whole session family."""

    def test_a_token_payload_revokes_that_token_only(self):
        revoked, token, other = RevokedSet(), uuid.uuid4(), uuid.uuid4()
        revoked.apply(token_payload(token, datetime.now(UTC) + timedelta(minutes=5)))
        assert revoked.contains(token, None)
        assert not revoked.contains(other, None)

    def test_a_family_payload_revokes_every_token_of_the_family(self):
        revoked, family = RevokedSet(), uuid.uuid4()
        revoked.apply(family_payload(family))
        assert revoked.contains(uuid.uuid4(), family)
        assert not revoked.contains(uuid.uuid4(), uuid.uuid4())

    def test_a_revoked_token_is_kept_until_it_expires_whatever_its_lifetime(self):
        revoked, token = RevokedSet(keep=timedelta(minutes=65)), uuid.uuid4()
        expires_at = datetime.now(UTC) + timedelta(hours=5)  # e.g. a Supabase token
        revoked.apply(token_payload(token, expires_at))
        revoked.prune(datetime.now(UTC) + timedelta(hours=4))
        assert revoked.contains(token, None)
        revoked.prune(expires_at + timedelta(seconds=2))
        assert not revoked.contains(token, None)

    def test_families_are_forgotten_after_the_longest_token_lifetime(self):
        revoked, family = RevokedSet(keep=timedelta(minutes=65)), uuid.uuid4()
        revoked.add_family(family, datetime.now(UTC))
        revoked.prune(datetime.now(UTC) + timedelta(minutes=60))
        assert revoked.contains(uuid.uuid4(), family)
        revoked.prune(datetime.now(UTC) + timedelta(minutes=66))
        assert not revoked.contains(uuid.uuid4(), family)

    @pytest.mark.parametrize("payload", ["", "x:1", "t:not-a-uuid:1", "f:", "t:" + str(uuid.uuid4())])
    def test_an_unreadable_payload_changes_nothing(self, payload):
        revoked = RevokedSet()
        revoked.apply(payload)
        assert not revoked.tokens and not revoked.families


class _NoDatabase:
    """A pool that fails the test if anything asks it."""

    def __getattr__(self, name: str):
        raise AssertionError(f"the database was asked ({name}) to check a token")


class _State:
    def __init__(self, revocations: RevocationList | None) -> None:
        self.pool = _NoDatabase()
        self.revocations = revocations


def _claims() -> TokenClaims:
    return TokenClaims(
        uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), datetime.now(UTC) + timedelta(minutes=5), uuid.uuid4()
    )


def _current_list() -> RevocationList:
    revocations = RevocationList("postgresql://unused")
    revocations._current = True  # as after LISTEN and the initial load succeeded
    return revocations


class TestSessionCheck:
    """A current list decides alone; a list that may be behind hands the decision to the database."""

    async def test_a_live_token_is_accepted_without_a_database_round_trip(self):
        assert await service.session_alive(_State(_current_list()), _claims())  # type: ignore[arg-type]

    async def test_a_revoked_family_is_refused_without_a_database_round_trip(self):
        revocations, claims = _current_list(), _claims()
        assert claims.family_id is not None
        revocations.record_family(claims.family_id)
        assert not await service.session_alive(_State(revocations), claims)  # type: ignore[arg-type]

    async def test_a_list_that_is_not_current_asks_the_database(self):
        revocations = RevocationList("postgresql://unused")  # never connected
        with pytest.raises(AssertionError, match="database was asked"):
            await service.session_alive(_State(revocations), _claims())  # type: ignore[arg-type]

"""Access tokens: a token's signature is checked once per process, its expiry on every use."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from invoiceme_gateway.accounts import security
from invoiceme_gateway.accounts.security import InvalidToken, decode_access_token, issue_access_token

SECRET = "s" * 40


def _token(ttl: timedelta = timedelta(minutes=15), secret: str = SECRET) -> str:
    return issue_access_token(secret, uuid.uuid4(), uuid.uuid4(), ttl, uuid.uuid4())


class TestAccessTokens:
    """The same token string is verified once; what changes between uses (time) is checked each time."""

    def test_the_same_token_is_verified_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        calls = []
        real_decode = jwt.decode

        def counting_decode(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(args[0])
            return real_decode(*args, **kwargs)

        monkeypatch.setattr(security.jwt, "decode", counting_decode)
        token = _token()
        first = decode_access_token(SECRET, token)
        second = decode_access_token(SECRET, token)
        assert first == second
        assert calls == [token]

    def test_a_remembered_token_is_refused_once_it_expires(self) -> None:
        token = _token(timedelta(minutes=1))
        claims = decode_access_token(SECRET, token)
        with pytest.raises(InvalidToken, match="expired"):
            decode_access_token(SECRET, token, now=claims.expires_at)
        with pytest.raises(InvalidToken, match="expired"):
            decode_access_token(SECRET, token, now=datetime.now(UTC) + timedelta(minutes=2))

    def test_a_remembered_token_is_refused_under_another_secret(self) -> None:
        token = _token()
        decode_access_token(SECRET, token)
        with pytest.raises(InvalidToken):
            decode_access_token("t" * 40, token)

    def test_a_tampered_copy_of_a_remembered_token_is_refused(self) -> None:
        token = _token()
        decode_access_token(SECRET, token)
        header, payload, signature = token.split(".")
        forged = ".".join([header, payload, signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")])
        with pytest.raises(InvalidToken):
            decode_access_token(SECRET, forged)

    def test_an_expired_token_is_refused_the_first_time_too(self) -> None:
        with pytest.raises(InvalidToken, match="expired"):
            decode_access_token(SECRET, _token(timedelta(seconds=-1)))

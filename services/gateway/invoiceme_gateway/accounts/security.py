"""Password hashing (argon2id) and our own JWT access tokens."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import os
import secrets
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the email is unknown, so both paths take one argon2 check.
UNKNOWN_USER_HASH = _hasher.hash("no such user, no such password")
_ALGORITHM = "HS256"
_AUDIENCE = "invoiceme"


# argon2 takes ~35 ms of CPU per hash: on the event loop a burst of log-ins would stall every request
# (live streams included). It runs on these threads instead (argon2-cffi releases the GIL), at most
# one per core, so a burst queues here rather than taking the default pool's threads.
_HASHING_THREADS = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="argon2")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def new_password_hash(password: str) -> str:
    return await asyncio.get_running_loop().run_in_executor(_HASHING_THREADS, hash_password, password)


async def check_password(password_hash: str, password: str) -> bool:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_HASHING_THREADS, verify_password, password_hash, password)


@dataclass(frozen=True)
class TokenClaims:
    user_id: uuid.UUID
    tenant_id: uuid.UUID
    token_id: uuid.UUID
    expires_at: datetime
    # The refresh-token family (session) the token belongs to: revoking it ends the token too.
    family_id: uuid.UUID | None = None


def issue_access_token(
    secret: str, user_id: uuid.UUID, tenant_id: uuid.UUID, ttl: timedelta, family_id: uuid.UUID
) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": str(user_id),
        "tid": str(tenant_id),
        "fam": str(family_id),
        "jti": str(uuid.uuid4()),
        "aud": _AUDIENCE,
        "iat": now,
        "exp": now + ttl,
    }
    return jwt.encode(claims, secret, algorithm=_ALGORITHM)


class InvalidToken(Exception):
    pass


def decode_access_token(secret: str, token: str, now: datetime | None = None) -> TokenClaims:
    """The token's claims if it is ours and not expired (revocation is checked by the caller)."""
    try:
        claims = _verified_claims(secret, token)
    except (jwt.PyJWTError, ValueError, KeyError) as exc:
        raise InvalidToken(str(exc)) from exc
    if claims.expires_at <= (now or datetime.now(UTC)):  # as PyJWT decides, for a remembered token
        raise InvalidToken("Signature has expired")
    return claims


# A client sends the same access token with every request until it expires; checking its signature
# and claims again each time cost ~25-50 µs of CPU per request here (~1 % of an upload; PyJWT checks
# the base64 character by character). A remembered token is exactly the string that passed; expiry is
# checked on every use above. Failures are never remembered.
@functools.lru_cache(maxsize=4096)
def _verified_claims(secret: str, token: str) -> TokenClaims:
    claims = jwt.decode(
        token,
        secret,
        algorithms=[_ALGORITHM],
        audience=_AUDIENCE,
        options={"require": ["exp", "sub", "tid", "fam", "jti", "aud"]},
    )
    return TokenClaims(
        user_id=uuid.UUID(claims["sub"]),
        tenant_id=uuid.UUID(claims["tid"]),
        token_id=uuid.UUID(claims["jti"]),
        expires_at=datetime.fromtimestamp(claims["exp"], UTC),
        family_id=uuid.UUID(claims["fam"]),
    )


def new_refresh_token() -> tuple[str, str]:
    """An opaque refresh token and the hash we store (the token itself is never stored)."""
    token = secrets.token_urlsafe(48)
    return token, refresh_token_hash(token)


def refresh_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

"""Verify Supabase-issued access tokens (JWKS or the project's HS256 secret), checking exp, aud, iss."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import jwt

from invoiceme_gateway.accounts.security import InvalidToken


@dataclass(frozen=True)
class ExternalIdentity:
    subject: str
    email: str | None
    full_name: str
    expires_at: int
    token_id: str | None
    # Supabase confirmed the user owns the email (only then may it link to an existing account).
    email_verified: bool = False


class SupabaseVerifier:
    """One per gateway; the JWKS client caches keys and refetches on an unknown `kid`."""

    def __init__(self, jwks_url: str, hs256_secret: str, audience: str, issuer: str) -> None:
        self._jwks = jwt.PyJWKClient(jwks_url, cache_keys=True, lifespan=600) if jwks_url else None
        self._secret = hs256_secret
        self._audience = audience
        self._issuer = issuer or None

    async def verify(self, token: str) -> ExternalIdentity:
        try:
            header = jwt.get_unverified_header(token)
            if header.get("alg") == "HS256":
                if not self._secret:
                    raise InvalidToken("HS256 Supabase tokens are not configured")
                key: Any = self._secret
                algorithms = ["HS256"]
            else:
                if self._jwks is None:
                    raise InvalidToken("no Supabase JWKS configured")
                key = (await asyncio.to_thread(self._jwks.get_signing_key_from_jwt, token)).key
                algorithms = ["RS256", "ES256"]
            require = ["exp", "sub", "aud"] + (["iss"] if self._issuer else [])
            claims = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                audience=self._audience,
                issuer=self._issuer,
                options={"require": require},
            )
        except (jwt.PyJWTError, ValueError) as exc:
            raise InvalidToken(str(exc)) from exc
        metadata = claims.get("user_metadata") or {}
        return ExternalIdentity(
            subject=str(claims["sub"]),
            email=(claims.get("email") or None),
            full_name=str(metadata.get("full_name") or metadata.get("name") or ""),
            expires_at=int(claims["exp"]),
            token_id=claims.get("jti") or claims.get("session_id"),
            email_verified=claims.get("email_verified") is True or metadata.get("email_verified") is True,
        )


def supabase_verifier(settings: Any) -> SupabaseVerifier | None:
    """Built only when the settings enable Supabase tokens."""
    if not settings.supabase_enabled:
        return None
    return SupabaseVerifier(
        settings.supabase_jwks_url,
        settings.supabase_jwt_secret.get_secret_value(),
        settings.supabase_jwt_audience,
        settings.supabase_jwt_issuer,
    )

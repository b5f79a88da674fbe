"""Annotated dependencies, so route signatures read like sentences."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

import asyncpg
from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from invoiceme_gateway.accounts import repository as accounts
from invoiceme_gateway.accounts.security import InvalidToken, TokenClaims, decode_access_token, hash_password
from invoiceme_gateway.errors import ApiError
from invoiceme_gateway.state import GatewayState

_bearer = HTTPBearer(auto_error=False, description="JWT from /api/auth/login or /api/auth/signup")
_EXTERNAL_TOKEN_NS = uuid.UUID("0b6f5bb2-5f43-4c0a-bf4e-2a3e7c2d9a11")


def get_state(request: Request) -> GatewayState:
    return request.app.state.gateway


State = Annotated[GatewayState, Depends(get_state)]


def get_pool(state: State) -> asyncpg.Pool:
    return state.pool


Pool = Annotated[asyncpg.Pool, Depends(get_pool)]


@dataclass(frozen=True)
class CurrentUser:
    claims: TokenClaims

    @property
    def tenant_id(self) -> uuid.UUID:
        return self.claims.tenant_id

    @property
    def user_id(self) -> uuid.UUID:
        return self.claims.user_id


async def _supabase_claims(state: GatewayState, token: str) -> TokenClaims:
    """A valid Supabase token signs its user in; the first time, a local account is created."""
    assert state.supabase is not None
    identity = await state.supabase.verify(token)
    row = await accounts.find_external(state.pool, identity.subject, identity.email)
    if row is None:
        if not identity.email:
            raise InvalidToken("the Supabase token carries no email")
        async with state.pool.acquire() as conn:
            try:
                user_id, tenant_id = await accounts.create_account(
                    conn,
                    identity.email.lower(),
                    hash_password(uuid.uuid4().hex),
                    identity.full_name,
                    None,
                    "ILS",
                    external_subject=identity.subject,
                )
            except asyncpg.UniqueViolationError as exc:  # created concurrently by another request
                raise InvalidToken("account is being created; retry") from exc
    else:
        user_id, tenant_id = row["id"], row["tenant_id"]
    token_id = uuid.uuid5(_EXTERNAL_TOKEN_NS, identity.token_id or token)
    return TokenClaims(user_id, tenant_id, token_id, datetime.fromtimestamp(identity.expires_at, UTC))


async def authenticate(state: GatewayState, token: str | None) -> CurrentUser:
    if not token:
        raise ApiError(401, "sign in first: send 'Authorization: Bearer <token>'")
    try:
        try:
            claims = decode_access_token(state.settings.jwt_secret, token)
        except InvalidToken:
            if state.supabase is None:
                raise
            claims = await _supabase_claims(state, token)
    except InvalidToken as exc:
        raise ApiError(401, "your session is invalid or has expired; sign in again") from exc
    revoked = await state.pool.fetchval("SELECT 1 FROM revoked_tokens WHERE jti = $1", claims.token_id)
    if revoked:
        raise ApiError(401, "you have signed out; sign in again")
    return CurrentUser(claims)


async def get_current_user(
    state: State, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> CurrentUser:
    return await authenticate(state, credentials.credentials if credentials else None)


User = Annotated[CurrentUser, Depends(get_current_user)]


async def get_stream_user(
    state: State,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    access_token: Annotated[
        str | None, Query(description="EventSource cannot send headers: the token here")
    ] = None,
) -> CurrentUser:
    return await authenticate(state, credentials.credentials if credentials else access_token)


StreamUser = Annotated[CurrentUser, Depends(get_stream_user)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"

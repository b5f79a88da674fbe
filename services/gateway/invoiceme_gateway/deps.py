"""Annotated dependencies, so route signatures read like sentences."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

import asyncpg
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import ApiError
from .security import InvalidToken, TokenClaims, decode_access_token
from .state import GatewayState

_bearer = HTTPBearer(auto_error=False, description="JWT from /api/auth/login or /api/auth/signup")


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


async def get_current_user(
    state: State, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> CurrentUser:
    if credentials is None:
        raise ApiError(401, "sign in first: send 'Authorization: Bearer <token>'")
    try:
        claims = decode_access_token(state.settings.jwt_secret, credentials.credentials)
    except InvalidToken as exc:
        raise ApiError(401, "your session is invalid or has expired; sign in again") from exc
    revoked = await state.pool.fetchval("SELECT 1 FROM revoked_tokens WHERE jti = $1", claims.token_id)
    if revoked:
        raise ApiError(401, "you have signed out; sign in again")
    return CurrentUser(claims)


User = Annotated[CurrentUser, Depends(get_current_user)]

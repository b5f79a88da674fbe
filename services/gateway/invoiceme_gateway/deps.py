"""Annotated dependencies, so route signatures read like sentences."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from invoiceme_gateway.accounts.service import CurrentUser, authenticate, is_admin
from invoiceme_gateway.domain_errors import Forbidden
from invoiceme_gateway.state import GatewayState

_bearer = HTTPBearer(auto_error=False, description="JWT from /api/auth/login or /api/auth/signup")


def get_state(request: Request) -> GatewayState:
    return request.app.state.gateway


State = Annotated[GatewayState, Depends(get_state)]


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


async def require_admin(user: User, state: State) -> CurrentUser:
    if not await is_admin(state, user):
        raise Forbidden("only operators listed in ADMIN_EMAILS may do this")
    return user


Admin = Annotated[CurrentUser, Depends(require_admin)]


MonthParam = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}-(0[1-9]|1[0-2])$",
        description="Figures as of the end of this month (default: today)",
        examples=["2026-03"],
    ),
]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"

"""Sign-up, log-in, token refresh and sign-out (thin: the use cases live in service.py)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from invoiceme_gateway.accounts import service
from invoiceme_gateway.accounts.models import Credentials, LogoutIn, RefreshIn, Signup, TokenOut
from invoiceme_gateway.deps import State, User, client_address

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post(
    "/signup",
    status_code=201,
    response_model=TokenOut,
    summary="Create an account (and its tenant)",
    responses={
        409: {"description": "The email already has an account"},
        429: {"description": "Too many sign-ups from your address; see Retry-After"},
    },
)
async def signup(body: Signup, state: State, request: Request) -> TokenOut:
    return await service.signup(state, body, client_address(request))


@router.post(
    "/login",
    response_model=TokenOut,
    summary="Log in with email and password",
    responses={
        401: {"description": "Wrong email or password"},
        429: {"description": "Too many attempts for this account or from your address; see Retry-After"},
    },
)
async def login(body: Credentials, state: State, request: Request) -> TokenOut:
    return await service.login(state, body.email, body.password, client_address(request))


@router.post(
    "/refresh",
    response_model=TokenOut,
    summary="Swap a refresh token for new tokens (rotated)",
    responses={401: {"description": "Unknown, expired, revoked or already used refresh token"}},
)
async def refresh(body: RefreshIn, state: State) -> TokenOut:
    return await service.refresh(state, body.refresh_token)


@router.post(
    "/logout", status_code=204, summary="Revoke the access token (and the given refresh token's session)"
)
async def logout(user: User, state: State, body: LogoutIn | None = None) -> None:
    await service.logout(state, user, body.refresh_token if body else None)

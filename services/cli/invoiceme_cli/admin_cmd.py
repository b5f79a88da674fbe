"""`invoiceme admin`: grant or withdraw the operator role (dead letters and their replay on /api/admin).

The role is granted only here, by someone with database access, to an account that already exists:
the operator confirms out of band that the account's owner is who they claim to be. Nothing a user
chooses at sign-up (an email address included) makes them an operator.
"""

from __future__ import annotations

import asyncio

import click
from rich.console import Console

from invoiceme_common.db import create_pool, migrate
from invoiceme_common.settings import CommonSettings
from invoiceme_gateway.accounts import repository as accounts
from invoiceme_gateway.accounts.emails import normalize_email

console = Console()


@click.group("admin")
def admin() -> None:
    """Operators: who may list and replay dead letters through the API."""


async def _set_role(email: str, granted: bool) -> bool:
    settings = CommonSettings()
    await migrate(settings.database_url)
    pool = await create_pool(settings.database_url, 1, 1)
    try:
        return await accounts.set_admin(pool, normalize_email(email), granted)
    finally:
        await pool.close()


@admin.command("grant")
@click.argument("email")
def grant(email: str) -> None:
    """Make the existing account EMAIL an operator."""
    if not asyncio.run(_set_role(email, True)):
        raise click.ClickException(f"no account has the email {normalize_email(email)}; sign up first")
    console.print(f"{normalize_email(email)} is now an operator")


@admin.command("revoke")
@click.argument("email")
def revoke(email: str) -> None:
    """Withdraw the operator role from EMAIL."""
    if not asyncio.run(_set_role(email, False)):
        raise click.ClickException(f"no account has the email {normalize_email(email)}")
    console.print(f"{normalize_email(email)} is no longer an operator")


@admin.command("list")
def list_admins() -> None:
    """Show every operator and since when."""

    async def fetch() -> list[tuple[str, str]]:
        settings = CommonSettings()
        await migrate(settings.database_url)
        pool = await create_pool(settings.database_url, 1, 1)
        try:
            rows = await accounts.list_admins(pool)
        finally:
            await pool.close()
        return [(row["email"], row["admin_granted_at"].strftime("%Y-%m-%d %H:%M")) for row in rows]

    rows = asyncio.run(fetch())
    if not rows:
        console.print("no operators")
    for email, since in rows:
        console.print(f"{email}  (since {since})")

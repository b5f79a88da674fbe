"""The shared asyncpg pool: releasing a connection costs no reset round trip, and is still safe."""

from __future__ import annotations

from invoiceme_common.db import create_pool


class TestRelease:
    """A released connection keeps its session as it was (no reset query is sent), but never an
    open transaction."""

    async def test_no_reset_query_runs_when_a_connection_goes_back(self, database_url):
        pool = await create_pool(database_url, 1, 1)
        try:
            async with pool.acquire() as conn:
                await conn.execute("SET application_name = 'left-by-the-last-user'")
            async with pool.acquire() as conn:  # the same (only) connection
                # asyncpg's default reset ends with RESET ALL, which would have undone it.
                assert await conn.fetchval("SHOW application_name") == "left-by-the-last-user"
        finally:
            await pool.close()

    async def test_a_transaction_left_open_is_rolled_back(self, database_url):
        pool = await create_pool(database_url, 1, 1)
        try:
            async with pool.acquire() as conn:
                await conn.execute("BEGIN")
                await conn.execute("CREATE TEMP TABLE left_open (x int)")
            async with pool.acquire() as conn:
                assert not conn.is_in_transaction()
                assert await conn.fetchval("SELECT to_regclass('pg_temp.left_open')") is None
        finally:
            await pool.close()

"""Sessions in the browser: an expired access token is refreshed once for all the requests that met
it (the user stays in); a session that cannot be refreshed returns to log-in with a message."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import JourneyDocuments, WebStack
from .journey import Journey
from .texts import ENGLISH

pytestmark = [pytest.mark.e2e, pytest.mark.browser]
STALE_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleHBpcmVkIn0.c3RhbGUtc2lnbmF0dXJl"


def test_expired_access_token_is_refreshed_once(web_stack: WebStack, open_page, documents) -> None:
    page = open_page(expected_console=r"status of 401")
    journey = Journey(page, web_stack.url, ENGLISH, documents)
    journey.sign_up()
    # Stale from the reloaded page's first script on: set in the page before it, a poll of that page
    # could meet the 401 first and spend the refresh token on a response the reload then drops.
    page.add_init_script(f"localStorage.setItem('invoiceme.access', '{STALE_TOKEN}')")
    refreshes: list[str] = []
    page.on("request", lambda request: "/api/auth/refresh" in request.url and refreshes.append(request.url))
    page.reload()  # the home screen's requests (businesses, inbox queues, events) all meet a 401 at once
    expect(page.get_by_role("heading", name="Needs your attention")).to_be_visible()
    expect(page.get_by_text("No businesses yet")).to_be_visible()
    page.wait_for_timeout(1500)  # any late request would have met the 401 by now
    assert len(refreshes) == 1, refreshes
    assert page.evaluate("() => localStorage.getItem('invoiceme.access')") != STALE_TOKEN
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_session_that_cannot_refresh_returns_to_log_in(
    web_stack: WebStack, open_page, documents: JourneyDocuments
) -> None:
    page = open_page(expected_console=r"status of (401|422)")  # 422: the refresh token is malformed
    journey = Journey(page, web_stack.url, ENGLISH, documents)
    journey.sign_up()
    page.evaluate(
        f"""() => {{
          localStorage.setItem('invoiceme.access', '{STALE_TOKEN}');
          localStorage.setItem('invoiceme.refresh', 'revoked');
        }}"""
    )
    page.reload()
    expect(page.get_by_text("Your session has expired. Please log in again.")).to_be_visible()
    expect(page.get_by_role("button", name="Log in", exact=True)).to_be_visible()

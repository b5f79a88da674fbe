"""The businesses screen of an account with more businesses than one page: the next page loads as the
user scrolls down, search narrows the list, a business moves up past its neighbour, and the merge
picker finds a business by typing (in English and in Hebrew)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import JourneyDocuments, WebStack
from .journey import Journey
from .texts import ENGLISH, HEBREW, Texts

pytestmark = [pytest.mark.e2e, pytest.mark.browser]
BUSINESSES = 27  # the screen loads 20 at a time
SHOWN = {"en": "Showing {shown} of {total} businesses", "he": "מוצגים {shown} מתוך {total} עסקים"}
SEARCH = {"en": "Search businesses", "he": "חיפוש עסקים"}
MOVE_UP = {"en": "Move {name} up", "he": "הזזת {name} למעלה"}
MERGE_FIND = {"en": "Find: Business to merge", "he": "חיפוש: העסק למיזוג"}
MERGE_LIST = {"en": "Business to merge", "he": "העסק למיזוג"}
NO_SPEND = {
    "en": "No spending from this business in the last 12 months.",
    "he": "אין הוצאות מעסק זה ב־12 החודשים האחרונים.",
}
IDLE_SECONDS = 7  # longer than the figures' re-read interval while catching up (5 s)


def _add_businesses(page: Page, url: str) -> None:
    """Through the public API with the signed-in user's token, as any client would."""
    token = page.evaluate("() => localStorage.getItem('invoiceme.access')")
    for n in range(BUSINESSES):
        response = page.request.post(
            f"{url}/api/businesses",
            headers={"Authorization": f"Bearer {token}"},
            data={"name": f"Vendor {n:02d}"},
        )
        assert response.status == 201, response.text()


def _cards(page: Page):
    """The business cards, each an article named by its business (the inbox has none)."""
    return page.get_by_role("article")


@pytest.mark.parametrize("texts", [ENGLISH, HEBREW], ids=["en", "he"])
def test_scroll_loads_the_next_page_search_move_and_merge_picker(
    web_stack: WebStack, open_page, documents: JourneyDocuments, texts: Texts
) -> None:
    page = open_page(1280, 860)
    journey = Journey(page, web_stack.url, texts, documents)
    if texts.lang == "he":  # the browser speaks English: switch as a person would
        page.goto(web_stack.url)
        page.get_by_role("button", name="עברית").click()
    journey.sign_up()
    _add_businesses(page, web_stack.url)
    listed: list[str] = []
    page.on("request", lambda request: "/api/businesses?" in request.url and listed.append(request.url))
    page.reload()
    shown = SHOWN[texts.lang]
    expect(page.get_by_text(shown.format(shown=20, total=BUSINESSES))).to_be_visible()
    expect(_cards(page)).to_have_count(20)
    assert all("limit=20" in url for url in listed), listed

    # Scrolling to the end of the list loads the second page by itself (no click).
    _cards(page).last.scroll_into_view_if_needed()
    page.mouse.wheel(0, 20_000)
    expect(page.get_by_text(shown.format(shown=BUSINESSES, total=BUSINESSES))).to_be_visible()
    expect(_cards(page)).to_have_count(BUSINESSES)
    expect(_cards(page).last).to_have_accessible_name("Vendor 26")
    assert any("offset=20" in url for url in listed), listed

    # A business from the second page moves up past its neighbour (the order is the server's).
    page.get_by_role("button", name=MOVE_UP[texts.lang].format(name="Vendor 26")).click()
    expect(_cards(page).nth(BUSINESSES - 2)).to_have_accessible_name("Vendor 26")
    expect(_cards(page).last).to_have_accessible_name("Vendor 25")

    # Search still narrows the list (the server's search, one page of matches).
    page.get_by_label(SEARCH[texts.lang]).fill("Vendor 1")
    expect(_cards(page)).to_have_count(10)
    expect(page.get_by_text(shown.format(shown=10, total=10))).to_be_visible()

    # The merge picker of one business finds another by typing, without loading every business.
    _cards(page).first.get_by_role("link", name="Vendor 10").click()
    page.get_by_label(MERGE_FIND[texts.lang]).fill("Vendor 19")
    picker = page.get_by_role("combobox", name=MERGE_LIST[texts.lang], exact=True)
    expect(picker.locator("option", has_text=re.compile("^Vendor 19$"))).to_have_count(1)
    picker.select_option(label="Vendor 19")
    expect(picker).not_to_have_value("")

    # A business with no invoices says so instead of drawing twelve empty bars, and an idle screen
    # does not poll its figures (they are re-read only for a while after a change).
    expect(page.get_by_text(NO_SPEND[texts.lang])).to_be_visible()
    expect(page.locator(".chart canvas")).to_have_count(0)
    figures: list[str] = []
    page.on("request", lambda request: "/api/analytics/" in request.url and figures.append(request.url))
    page.wait_for_timeout(IDLE_SECONDS * 1000)
    assert figures == [], figures

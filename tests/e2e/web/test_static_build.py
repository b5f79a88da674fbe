"""The web app built on its own (`make web-static`), served from another origin like a static host,
talking to the gateway through its CORS settings — live status included."""

from __future__ import annotations

import functools
import re
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import ROOT, JourneyDocuments, WebStack
from .journey import Journey
from .texts import ENGLISH

pytestmark = [pytest.mark.e2e, pytest.mark.browser]
STATIC_DIR = ROOT / "services" / "gateway" / "webapp" / "dist-static"


class StaticHost(SimpleHTTPRequestHandler):
    """What `_redirects` (`/* /index.html 200`) asks of a static host: unknown paths get the app."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if not path.exists():
            self.path = "/index.html"
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def static_site(web_stack: WebStack) -> Iterator[str]:
    build = subprocess.run(
        ["make", "web-static", f"API_URL={web_stack.url}"], cwd=ROOT, capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert (STATIC_DIR / "_redirects").read_text().strip() == "/*  /index.html  200"
    assert web_stack.url in "".join(p.read_text() for p in (STATIC_DIR / "assets").glob("*.js"))
    port = urlsplit(web_stack.static_origin).port
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(StaticHost, directory=str(STATIC_DIR))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield web_stack.static_origin
    server.shutdown()


def test_static_build_on_another_origin(
    web_stack: WebStack, static_site: str, open_page, documents: JourneyDocuments
) -> None:
    page = open_page()
    journey = Journey(page, static_site, ENGLISH, documents)
    page.goto(f"{static_site}/invoices")  # a deep link: the host answers index.html, the app routes
    expect(page.get_by_role("button", name="Log in", exact=True)).to_be_visible()
    journey.sign_up()
    assert page.url.startswith(static_site)
    journey.nav("upload")
    # The event stream across origins, authenticated by header: read it the way the app does.
    page.evaluate(
        """(api) => {
          window.__firstStatus = (async () => {
            const token = localStorage.getItem('invoiceme.access');
            const response = await fetch(api + '/api/events', {headers: {Authorization: 'Bearer ' + token}});
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let text = '';
            while (!text.includes('event: status')) text += (await reader.read()).value;
            reader.cancel();
            return text;
          })();
        }""",
        web_stack.url,
    )
    page.wait_for_timeout(500)  # the stream is open before the upload
    page.get_by_label("Choose files").set_input_files(str(documents.pdf))
    row = page.get_by_role("listitem", name=documents.pdf.name)
    expect(row.locator(".status")).to_have_text(re.compile("extracted|needs review"), timeout=60_000)
    first_status = page.evaluate("() => window.__firstStatus")
    assert "event: status" in first_status and '"status": "received"' in first_status, first_status
    api_calls = [url for url in journey.request_urls if "/api/" in url]
    assert api_calls and all(url.startswith(web_stack.url) for url in api_calls), api_calls
    assert any(url == f"{web_stack.url}/api/events" for url in api_calls)
    page.get_by_role("dialog", name=ENGLISH.assign_title).get_by_role("button", name=ENGLISH.later).click()
    journey.log_out()

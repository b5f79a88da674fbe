"""Browser tests of the web app: Debian's Chromium driven by Playwright against the four real services.

One stack serves every test of this package (starting it costs seconds); every test signs up its own
user. Each page fails its test on any uncaught error or console.error.
"""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, Pipeline, free_port, running_pipeline
from tests.support.documents import invoice_pdf, invoice_scan_png, phone_photo_jpeg

pytestmark = [pytest.mark.e2e, pytest.mark.browser]
ROOT = Path(__file__).resolve().parents[3]
WEB_DIST = ROOT / "services" / "gateway" / "webapp" / "dist"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class WebStack:
    pipeline: Pipeline
    static_origin: str  # allowed by the gateway's CORS_ORIGINS, for the static build's test

    @property
    def url(self) -> str:
        return self.pipeline.url


@pytest.fixture(scope="package")
def web_stack(database_url: str, nats_url: str) -> Iterator[WebStack]:
    if not (WEB_DIST / "index.html").is_file():
        pytest.fail("the web app is not built: `make test` builds it (or run `make web`)")
    static_origin = f"http://127.0.0.1:{free_port()}"
    with running_pipeline(database_url, nats_url, CORS_ORIGINS=static_origin) as pipeline:
        yield WebStack(pipeline, static_origin)


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: `make test` installs the Debian package 'chromium'")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


# The machine may be shared and busy: screens wait on real OCR and projections, so be patient.
expect.set_options(timeout=20_000)


@pytest.fixture
def open_page(browser, request: pytest.FixtureRequest) -> Iterator[Callable[..., object]]:
    """new page(width, height): a fresh browser context (no shared storage) that records every uncaught
    error and console.error; the test fails at the end if any happened."""
    contexts = []
    problems: list[str] = []

    def new_page(width: int = 1280, height: int = 860, expected_console: str | None = None):
        """`expected_console`: a regex of console errors the test provokes on purpose (a 404 it asks for)."""
        context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and not (expected_console and re.search(expected_console, message.text))
                and problems.append(f"console.error: {message.text}")
            ),
        )
        return page

    yield new_page
    ARTIFACTS.mkdir(exist_ok=True)
    for number, context in enumerate(contexts):
        for page in context.pages:  # the last screen of each page, to see what a failure looked like
            page.screenshot(path=str(ARTIFACTS / f"web-{request.node.name}-{number}.png"))
        context.close()
    assert not problems, "the page reported errors:\n" + "\n".join(problems)


@dataclass(frozen=True)
class JourneyDocuments:
    pdf: Path
    scan: Path
    photo: Path

    @property
    def all(self) -> list[str]:
        return [str(self.pdf), str(self.scan), str(self.photo)]


@pytest.fixture(scope="package")
def documents(tmp_path_factory: pytest.TempPathFactory) -> JourneyDocuments:
    """A born-digital PDF, a Hebrew flatbed scan (PNG) and a phone photo (JPEG), all dated today so
    they count in this month's analytics, all in shekels."""
    folder = tmp_path_factory.mktemp("journey")
    today = datetime.date.today().strftime("%d/%m/%Y")
    pdf, scan, photo = folder / "northwind.pdf", folder / "electro-scan.png", folder / "receipt-photo.jpg"
    pdf.write_bytes(
        invoice_pdf(
            [
                "Northwind Supplies Ltd",
                "Tax Invoice",
                "Invoice No: NW-7781",
                f"Date: {today}",
                "Office chairs  2 x 650.00     1,300.00",
                "Subtotal                      1,300.00",
                "VAT 18%                         234.00",
                "Total due                    ₪1,534.00",
            ]
        )
    )
    scan.write_bytes(
        invoice_scan_png(
            [
                'אלקטרו-טק בע"מ',
                "חשבונית מס מספר 5521",
                f"תאריך: {today}",
                'סה"כ לפני מע"מ: 1,000.00',
                'מע"מ 18%: 180.00',
                'סה"כ לתשלום: 1,180.00 ₪',
            ],
            right_to_left=True,
        )
    )
    photo.write_bytes(
        phone_photo_jpeg(
            invoice_scan_png(
                [
                    "Northwind Office Supply",
                    "Tax Invoice No: 4410",
                    f"Date: {today}",
                    "Paper and toner              400.00",
                    "Subtotal                     400.00",
                    "VAT 18%                       72.00",
                    "Total                        472.00 ILS",
                ]
            )
        )
    )
    return JourneyDocuments(pdf, scan, photo)

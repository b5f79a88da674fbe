"""The InvoiceMe journey as a person does it, step by step, in either language (see test_journey.py)."""

from __future__ import annotations

import csv
import io
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from .conftest import JourneyDocuments
from .texts import Texts

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
PROCESSING_TIMEOUT_MS = 120_000
VALID_BUSINESS_ID = "514713288"
JWT = re.compile(r"eyJ[\w-]{10,}\.[\w-]{10,}")


@dataclass
class Journey:
    page: Page
    url: str
    texts: Texts
    documents: JourneyDocuments
    screenshot_prefix: str | None = None  # "en" / "he": save screenshots of every main screen
    phone_width: int | None = None  # when set, no screen may scroll sideways
    request_urls: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("request", lambda request: self.request_urls.append(request.url))

    # --- helpers --------------------------------------------------------------------------------
    def nav(self, key: str) -> None:
        self.page.get_by_role("navigation").get_by_role("link", name=self.texts.nav[key], exact=True).click()
        if self.phone_width:
            self.settle()
            width = self.page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= self.phone_width, f"{key} is {width} px wide at {self.phone_width} px"

    def shoot(self, name: str) -> None:
        if not self.screenshot_prefix:
            return
        from PIL import Image

        self.settle()
        self.page.evaluate("() => window.scrollTo(0, 0)")
        image = Image.open(io.BytesIO(self.page.screenshot(full_page=True)))
        image.thumbnail((1000, 2400))  # small files: downscaled and reduced to a palette
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        image.convert("RGB").quantize(colors=128).save(
            SCREENSHOTS / f"{self.screenshot_prefix}-{name}.png", optimize=True
        )

    def settle(self) -> None:
        """Let the screen finish loading (the live-status stream never ends, so no "network idle")."""
        page = self.page
        page.wait_for_function("() => !document.querySelector('[aria-busy=true]')", timeout=15_000)
        page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=15_000)
        page.wait_for_timeout(400)

    def field(self, label: str) -> Locator:
        """A detail-page field by its label, whether or not it carries the "unsure" mark."""
        return self.page.get_by_label(re.compile(rf"^{re.escape(label)}( \(.+\))?$"))

    def kpi(self, label: str) -> str:
        term = self.page.locator("dt", has_text=re.compile(rf"^{re.escape(label)}$"))
        return term.locator("xpath=following-sibling::dd").inner_text()

    # --- steps ----------------------------------------------------------------------------------
    def sign_up(self, email: str | None = None) -> str:
        email = email or f"web-{uuid.uuid4().hex[:8]}@example.com"
        page, t = self.page, self.texts
        page.goto(self.url)
        page.get_by_role("button", name=t.log_in, exact=True).or_(
            page.get_by_role("button", name="כניסה", exact=True)
        ).wait_for()
        if page.locator("html").get_attribute("lang") != t.lang:
            page.get_by_role("button", name="עברית" if t.lang == "he" else "English").click()
        self.assert_language()
        self.shoot("welcome")
        page.get_by_role("link", name=t.to_signup).click()
        page.get_by_label(t.full_name).fill("דנה כהן" if t.lang == "he" else "Dana Cohen")
        page.get_by_label(t.email).fill(email)
        page.get_by_label(t.password).fill("password-123")
        page.get_by_label(t.business_id).fill(VALID_BUSINESS_ID)
        page.get_by_label(t.base_currency).select_option("ILS")
        page.get_by_role("button", name=t.sign_up, exact=True).click()
        expect(page.get_by_role("navigation").get_by_role("link", name=t.nav["businesses"])).to_be_visible()
        for key in ("invoices", "businesses", "analytics", "insights", "settings"):
            expect(
                page.get_by_role("navigation").get_by_role("link", name=t.nav[key], exact=True)
            ).to_be_visible()
        return email

    def assert_language(self) -> None:
        html = self.page.locator("html")
        expect(html).to_have_attribute("lang", self.texts.lang)
        expect(html).to_have_attribute("dir", "rtl" if self.texts.lang == "he" else "ltr")

    def upload_and_watch(self) -> dict[str, list[str]]:
        """Uploads the three files and returns every stage each row showed, in order."""
        page, t = self.page, self.texts
        self.nav("upload")
        page.evaluate(
            """() => {
              window.__stages = {};
              new MutationObserver(() => {
                for (const row of document.querySelectorAll('li.upload-row')) {
                  const name = row.getAttribute('aria-label');
                  const stage = row.querySelector('.status')?.textContent;
                  const seen = (window.__stages[name] ??= []);
                  if (stage && seen[seen.length - 1] !== stage) seen.push(stage);
                }
              }).observe(document.body, {subtree: true, childList: true, characterData: true});
            }"""
        )
        page.get_by_label(t.choose_files).set_input_files(self.documents.all)
        final = re.compile("|".join(map(re.escape, t.final_statuses)))
        for name in (self.documents.pdf.name, self.documents.scan.name, self.documents.photo.name):
            row = page.get_by_role("listitem", name=name)
            expect(row.locator(".status")).to_have_text(final, timeout=PROCESSING_TIMEOUT_MS)
        return page.evaluate("() => window.__stages")

    def assign_businesses(self) -> None:
        """The dialog asks for each invoice that matched no business: create one for the PDF, leave the
        Hebrew scan for later, pick the suggestion (the new business) for the phone photo."""
        page, t = self.page, self.texts
        dialog = page.get_by_role("dialog", name=t.assign_title)
        handled: list[str] = []
        for _ in range(3):
            expect(dialog).to_be_visible(timeout=60_000)
            vendor = dialog.locator("bdi.vendor").inner_text()
            if vendor == "Northwind Supplies Ltd":
                self.shoot("assign")
                expect(dialog.get_by_label(t.monthly_limit)).not_to_have_value("")
                # Below this month's 1,534 + 472: the budget is overrun, whatever the day of the month.
                dialog.get_by_label(t.monthly_limit).fill("2000")
                dialog.get_by_role("button", name=t.create_and_assign).click()
                handled.append("created")
            elif "אלקטרו" in vendor:
                dialog.get_by_role("button", name=t.later, exact=True).click()
                handled.append("later")
            elif vendor == "Northwind Office Supply":
                dialog.get_by_role("button", name=t.assign_to).click()
                handled.append("picked")
            else:
                raise AssertionError(f"unexpected vendor in the assign dialog: {vendor!r}")
            expect(dialog.locator("bdi.vendor", has_text=vendor)).to_have_count(0)
        assert sorted(handled) == ["created", "later", "picked"], handled
        expect(dialog).to_have_count(0)
        photo_row = page.get_by_role("listitem", name=self.documents.photo.name)
        expect(photo_row).to_contain_text("Northwind Supplies Ltd")
        scan_row = page.get_by_role("listitem", name=self.documents.scan.name)
        expect(scan_row.get_by_role("button", name=t.assign_button)).to_be_visible()
        self.shoot("upload")

    def review_pdf(self) -> None:
        """Evidence box over the page, a corrected amount, the review confirmed."""
        page, t = self.page, self.texts
        self.nav("upload")  # this session's uploads are still listed there
        row = page.get_by_role("listitem", name=self.documents.pdf.name)
        row.get_by_role("link", name=t.open_invoice).click()
        image = page.get_by_role("img", name=t.page_alt)
        expect(image).to_be_visible()
        page.wait_for_function(
            "() => [...document.images].every(img => img.complete && img.naturalWidth > 0)"
        )
        page.mouse.move(0, 0)  # the hovered field's evidence would win over the focused one's
        self.field(t.field_total).focus()
        box = page.get_by_test_id("evidence-box")
        expect(box).to_be_visible()
        inside, drawn = image.bounding_box(), box.bounding_box()
        assert inside and drawn and drawn["width"] > 5 and drawn["height"] > 3
        assert inside["x"] <= drawn["x"] and drawn["x"] + drawn["width"] <= inside["x"] + inside["width"] + 1
        assert (
            inside["y"] <= drawn["y"] and drawn["y"] + drawn["height"] <= inside["y"] + inside["height"] + 1
        )
        # The total is printed in the lower part of the text block, right of the middle.
        assert drawn["x"] > inside["x"] + inside["width"] * 0.3
        self.shoot("detail")
        expect(self.field(t.field_total)).to_have_value("1534")
        self.field(t.field_subtotal).fill("1400")
        self.field(t.field_vat).fill("252")
        self.field(t.field_total).fill("1652")
        page.get_by_role("button", name=t.confirm).click()
        expect(page.get_by_text(re.compile(t.reviewed))).to_be_visible()
        expect(self.field(t.field_total)).to_have_value("1652")

    def analytics_spend(self) -> float:
        self.nav("analytics")
        return _amount(self.kpi(self.texts.spend_this_month))

    def wait_for_analytics(self, expected: float) -> None:
        page = self.page
        self.nav("analytics")
        term = page.locator("dt", has_text=re.compile(rf"^{re.escape(self.texts.spend_this_month)}$"))
        value = term.locator("xpath=following-sibling::dd")
        expect(value).to_contain_text(_money_text(expected), timeout=60_000)
        expect(page.locator(".chart canvas")).to_have_count(5)
        self.shoot("analytics")

    def export_csv(self) -> list[dict[str, str]]:
        page, t = self.page, self.texts
        self.nav("invoices")
        expect(page.get_by_role("link", name="Northwind Supplies Ltd")).to_be_visible()
        # Dates and money as people write them: 01/12/2026 and ₪1,180.00 in Hebrew; Dec 1, 2026 in English.
        row = page.get_by_role("row").filter(has_text="5521")
        date_pattern = r"^\d{2}/\d{2}/\d{4}$" if t.lang == "he" else r"^[A-Z][a-z]{2} \d{1,2}, \d{4}$"
        expect(row.get_by_role("cell").nth(1)).to_have_text(re.compile(date_pattern))
        expect(row).to_contain_text("₪1,180.00")
        self.shoot("invoices")
        with page.expect_download() as download:
            page.get_by_role("button", name=t.export_csv).click()
        data = Path(download.value.path()).read_text(encoding="utf-8-sig")
        return list(csv.DictReader(io.StringIO(data)))

    def visit_business(self) -> None:
        page, t = self.page, self.texts
        self.nav("businesses")
        expect(page.get_by_role("heading", name="Northwind Supplies Ltd")).to_be_visible()
        queue = page.get_by_role("region", name=t.unassigned)
        expect(queue).to_contain_text("אלקטרו")
        self.shoot("home")
        page.get_by_role("link", name="Northwind Supplies Ltd").first.click()
        value = page.locator("dt", has_text=re.compile(rf"^{re.escape(t.business_month)}$")).locator(
            "xpath=following-sibling::dd"
        )
        expect(value).to_contain_text(_money_text(1652 + 472), timeout=60_000)
        expect(page.locator(".chart canvas")).to_have_count(1)
        self.shoot("business")

    def other_screens(self) -> None:
        page, t = self.page, self.texts
        self.nav("insights")
        page.get_by_role("button", name=t.refresh).click()
        expect(page.get_by_role("button", name=t.refresh)).to_be_enabled()
        # Northwind is over its budget this month: a card tells it, in the interface's language.
        card = page.get_by_role("article").filter(has_text="Northwind Supplies Ltd").first
        expect(card).to_contain_text("חרג מהתקציב" if t.lang == "he" else "is over its monthly budget")
        self.shoot("insights")
        self.nav("settings")
        expect(page.get_by_label(t.full_name)).to_have_value("דנה כהן" if t.lang == "he" else "Dana Cohen")
        self.shoot("settings")

    def log_out(self) -> None:
        page, t = self.page, self.texts
        page.get_by_role("button", name=t.log_out).click()
        expect(page.get_by_role("button", name=t.log_in, exact=True)).to_be_visible()
        page.reload()
        expect(page.get_by_role("button", name=t.log_in, exact=True)).to_be_visible()
        tokens_in_urls = [url for url in self.request_urls if JWT.search(url) or "access_token" in url]
        assert not tokens_in_urls, tokens_in_urls


def _money_text(amount: float) -> str:
    return f"₪{amount:,.2f}"


def _amount(text: str) -> float:
    return float(re.sub(r"[^\d.\-]", "", text.split("\n")[0]))

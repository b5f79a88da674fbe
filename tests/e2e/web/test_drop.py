"""Dropping files on the upload area (drag and drop) sends each one and shows its live stage."""

from __future__ import annotations

import base64
import re

import pytest
from playwright.sync_api import expect

from .conftest import JourneyDocuments, WebStack
from .journey import Journey
from .texts import ENGLISH

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


def test_dropped_files_are_uploaded(web_stack: WebStack, open_page, documents: JourneyDocuments) -> None:
    page = open_page()
    journey = Journey(page, web_stack.url, ENGLISH, documents)
    journey.sign_up()
    journey.nav("upload")
    files = [
        {"name": path.name, "type": mime, "data": base64.b64encode(path.read_bytes()).decode()}
        for path, mime in ((documents.pdf, "application/pdf"), (documents.scan, "image/png"))
    ]
    transfer = page.evaluate_handle(
        """(files) => {
          const transfer = new DataTransfer();
          for (const file of files) {
            const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
            transfer.items.add(new File([bytes], file.name, {type: file.type}));
          }
          return transfer;
        }""",
        files,
    )
    zone = page.get_by_text("Drop invoices here").locator("xpath=..")
    zone.dispatch_event("dragover", {"dataTransfer": transfer})
    zone.dispatch_event("drop", {"dataTransfer": transfer})
    for path in (documents.pdf, documents.scan):
        row = page.get_by_role("listitem", name=path.name)
        expect(row.locator(".status")).to_have_text(re.compile("extracted|needs review"), timeout=90_000)

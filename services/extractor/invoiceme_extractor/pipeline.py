"""Text in, validated fields out: the one function the service handler and the CLI both call."""

from __future__ import annotations

from invoiceme_common.events import PageText

from .contract import Extraction
from .rules import extract_with_rules


def extract_invoice(pages: list[PageText]) -> Extraction:
    text = "\n\n".join(page.text for page in pages)
    extraction = extract_with_rules(text)
    method = {page.method for page in pages}
    origin = method.pop() if len(method) == 1 else "mixed"
    extraction.source = {field: f"{origin}+{how}" for field, how in extraction.source.items()}
    return extraction

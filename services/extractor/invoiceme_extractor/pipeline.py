"""Text in, validated fields out: the one function the service handler and the CLI both call."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from .contract import Extraction, ExtractionWarning
from .evidence import add_boxes
from .future_years import mend_future_year
from .llm.base import LlmProvider
from .llm.chain import run_chain
from .llm.constraints import check_answer
from .llm.context import layout_hints
from .llm.normalize import normalize_fields, normalize_line_items
from .llm.prompt import with_layout_hints
from .merge import merge
from .rules import read_fields
from .rules.lines import document_lines
from .two_reads import merge_reads, second_reads, surer_when_agreed, weighed_confidence
from .validation import validate


def _origin(pages: Sequence[Any]) -> str:
    methods = {page.method for page in pages}
    return methods.pop() if len(methods) == 1 else "mixed"


def _weigh_by_ocr_confidence(
    extraction: Extraction, pages: Sequence[Any], seconds: Sequence[Any], from_second: set[str]
) -> None:
    """A value read from a shaky OCR page is less certain than the same value from a text layer;
    a value taken from the pages' second read is weighed by that read's pages."""
    first = weighed_confidence(extraction, pages)
    second = weighed_confidence(extraction, seconds) if from_second else {}
    extraction.confidence = {name: (second if name in from_second else first)[name] for name in first}


async def extract_invoice(
    pages: Sequence[Any], providers: Sequence[LlmProvider] = (), today: date | None = None
) -> Extraction:
    """Rules always run; configured LLMs are tried in order and merged over them; then validation.

    `pages` are PageText or OcrPage values (number, text, method; OcrPage adds word boxes); an
    OcrPage read twice (a till slip) gives its fields from the surer read (`two_reads`).
    """
    today = today or datetime.now(UTC).date()
    found, extraction = read_fields(list(pages))
    from_second: set[str] = set()
    agreed: set[str] = set()
    if seconds := second_reads(pages):
        merged = merge_reads((found, extraction), read_fields(seconds), pages, seconds, today)
        found, extraction = merged.found, merged.extraction
        from_second, agreed = merged.from_second, merged.agreed
    if providers:
        text = "\n\n".join(page.text for page in pages)
        hints = layout_hints(found, extraction.evidence, document_lines(list(pages)))
        answer = await run_chain(providers, with_layout_hints(text, hints))
        if answer.fields is not None:
            llm_fields, violations = check_answer(normalize_fields(answer.fields), text, today)
            extraction = merge(extraction, llm_fields, normalize_line_items(answer.fields))
            extraction.warnings.extend(violations)
        else:
            message = "; ".join(answer.failures) or "no provider answered"
            extraction.warnings.append(
                ExtractionWarning(code="llm_unavailable", message=f"used rules only: {message}")
            )
    _weigh_by_ocr_confidence(extraction, pages, seconds, from_second)
    surer_when_agreed(extraction, agreed)
    mend_future_year(extraction, pages, today)  # last: two reads agreeing on a misread year prove nothing
    origin = _origin(pages)
    extraction.source = {field: f"{origin}+{how}" for field, how in extraction.source.items()}
    add_boxes(extraction.evidence, pages)
    extraction.warnings.extend(validate(extraction, today))
    return extraction

"""Why an invoice failed, as a user may see it: a stable code and a message a person understands.

The services record the full reason (it stays in `invoices.error`, the logs and the dead letters, for
operators); raw exception text can name internal hosts, paths and libraries, so the API shows only
what a known reason says, with the numbers it carries, and a generic message otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PublicFailure:
    code: str
    message: str


# (pattern over the recorded reason, code, message; {name} takes a named group of digits)
_KNOWN: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), code, message)
    for pattern, code, message in (
        (r"^no readable text on any page", "no_text", "no readable text on any page"),
        (r"^the PDF is encrypted", "encrypted_pdf", "the PDF is locked with a password; upload an open copy"),
        (
            r"^page (?P<page>\d+) is \d+x\d+ pixels \((?P<mp>\d+) megapixels\); "
            r"the limit is (?P<limit>[\d.]+)",
            "page_too_large",
            "page {page} is too large to read ({mp} megapixels; the limit is {limit})",
        ),
        (
            r"^the document has (?P<pages>\d+) pages; the limit is (?P<limit>\d+)",
            "too_many_pages",
            "the document has {pages} pages; at most {limit} are read",
        ),
        (r"^the document has no pages", "no_pages", "the document has no pages"),
        (
            r"^(the PDF is damaged|page \d+ of the PDF is damaged)",
            "damaged_pdf",
            "the PDF is damaged or truncated; upload another copy",
        ),
        (r"^the file is empty", "empty_file", "the file is empty"),
        (
            r"^the file is (?P<mb>[\d.]+) MB; the limit is (?P<limit>[\d.]+) MB",
            "file_too_large",
            "the file is {mb} MB; the limit is {limit} MB",
        ),
        (r"not a PDF or an image", "unsupported_file", "the file is not a PDF or a supported image"),
        (
            r"^(the image cannot be decoded|the image is truncated|page \d+ is missing from the image"
            r"|Tesseract could not read|the OCR worker died)",
            "damaged_file",
            "the file is damaged or cannot be decoded; upload another copy",
        ),
        (r"took longer than", "too_slow", "reading this document took too long; try a clearer, smaller scan"),
        (r"^the original file is missing", "original_missing", "the original is missing; upload it again"),
    )
)
_GENERIC = PublicFailure(
    "processing_failed", "this document could not be processed; try re-extracting it, or upload it again"
)


def public_failure(recorded: str | None) -> PublicFailure | None:
    """The code and message to show for a recorded failure reason (None when there is none)."""
    if not recorded:
        return None
    for pattern, code, message in _KNOWN:
        found = pattern.search(recorded)
        if found:
            return PublicFailure(code, message.format(**found.groupdict()))
    return _GENERIC


def shown(recorded: str | None) -> dict[str, str | None]:
    """`error` and `error_code` as the API models carry them."""
    failure = public_failure(recorded)
    return {"error": failure.message if failure else None, "error_code": failure.code if failure else None}

"""The name an uploaded file is recorded under: what the client sent, refused when it cannot be stored
or shown safely (Postgres text cannot hold NUL; control characters break headers and logs)."""

from __future__ import annotations

import re

from invoiceme_gateway.domain_errors import BadRequest

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
MAX_NAME_LENGTH = 255


def upload_name(filename: str | None) -> str:
    """The recorded name (at most 255 characters); BadRequest when it holds control characters."""
    name = (filename or "").strip()
    if _CONTROL_CHARACTERS.search(name):
        raise BadRequest(
            "the file name contains control characters (such as NUL); rename the file and upload it again",
            code="bad_file_name",
        )
    return name[:MAX_NAME_LENGTH] or "upload"

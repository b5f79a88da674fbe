"""The `invoiceme` program. A warm `invoiceme ocr` call (`--warm`, or INVOICEME_OCR_WARM=1) goes to
the warm reader before click and the commands are imported (~0.1 s of CPU, a tenth of a one-page
read; the reader parses the arguments with the command's own options); everything else, and a warm
call no reader could take, is the click group's."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

_TRUE = {"1", "true", "t", "yes", "y", "on"}  # what click reads as true in a flag's variable


def is_ocr_setting(name_or_line: str) -> bool:
    """An OCR_* variable's name, or a .env line that sets one (any case, as the settings read them);
    here, where every call has it loaded already, for the cold command and the warm reader's key."""
    return name_or_line.strip().removeprefix("export ").lstrip().lower().startswith("ocr_")


def warm_ocr_call(arguments: list[str], environ: Mapping[str, str] = os.environ) -> bool:
    """Whether `invoiceme ARGUMENTS` is an `ocr` call for the warm reader: `ocr --warm` or
    INVOICEME_OCR_WARM set, and not a call for help (click answers that)."""
    if arguments[:1] != ["ocr"]:
        return False
    options = arguments[1 : arguments.index("--")] if "--" in arguments else arguments[1:]
    if "--help" in options:
        return False
    return "--warm" in options or environ.get("INVOICEME_OCR_WARM", "").strip().lower() in _TRUE


def main() -> None:
    arguments = sys.argv[1:]
    if warm_ocr_call(arguments):
        from .warm_ocr import forward

        status = forward(arguments[1:])
        if status is not None:
            sys.exit(status)
    from .main import cli

    sys.exit(cli())

"""Where this machine's Tesseract language data (traineddata) are, and which languages it can load."""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

USUAL_TESSDATA = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata")


@cache
def tessdata_path() -> str | None:
    """Where this machine's traineddata are: TESSDATA_PREFIX, the usual places, else the `tesseract`
    program says (asking it costs a process start, ~0.1 s of every `invoiceme ocr`)."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    candidates = [prefix, str(Path(prefix, "tessdata"))] if prefix else []
    found = next((path for path in [*candidates, *USUAL_TESSDATA] if _has_traineddata(path)), None)
    if found or not (program := shutil.which("tesseract")):
        return found
    listing = subprocess.run([program, "--list-langs"], capture_output=True, text=True, check=False)
    for line in (listing.stdout + listing.stderr).splitlines():
        if '"' in line:  # List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):
            candidates.append(line.split('"')[1])
    return next((path for path in candidates if _has_traineddata(path)), None)


def _has_traineddata(folder: str) -> bool:
    return Path(folder, "eng.traineddata").exists()


def installed_languages() -> set[str]:
    """Languages this Tesseract can load (its traineddata files)."""
    if (folder := tessdata_path()) is not None:
        return {path.name.removesuffix(".traineddata") for path in Path(folder).glob("*.traineddata")}
    import pytesseract

    return set(pytesseract.get_languages(config=""))


def missing_languages(languages: str) -> list[str]:
    """Configured languages (`heb+eng`) that this Tesseract has no traineddata for; checked at
    start-up so a typo fails the service once, not every page."""
    installed = installed_languages()
    return [language for language in languages.split("+") if language not in installed]

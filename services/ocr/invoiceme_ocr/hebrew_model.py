"""Which traineddata reads Hebrew: `heb` (Debian's tesseract-ocr-heb) or the script model `Hebrew`
(tesseract-ocr-script-hebr: every Hebrew-script language, a larger character set and word list).

The rest of the OCR path names the language `heb` (`heb+eng`, the re-reads with `heb`); only the
engine that loads the traineddata swaps in the chosen model, so every rule keyed on `heb` holds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

HEBREW = "heb"
SCRIPT_MODEL = "Hebrew"  # Debian installs it as tessdata/Hebrew.traineddata (upstream: script/Hebrew)

_log = logging.getLogger("invoiceme.ocr")
_chosen = threading.local()  # the model the page being read in this thread asked for
_resolved: dict[str, str] = {}  # model asked for -> model loaded (after the fall-back)


def tesseract_languages(languages: str, hebrew_model: str) -> str:
    """`languages` as Tesseract loads them: each `heb` replaced by the Hebrew model."""
    return "+".join(hebrew_model if language == HEBREW else language for language in languages.split("+"))


def resolve(hebrew_model: str, installed: Callable[[str], bool]) -> str:
    """The model to load (`Hebrew`, or `heb+Hebrew` for both): the one asked for when installed,
    else `heb`, saying so."""
    if all(model == HEBREW or installed(model) for model in hebrew_model.split("+")):
        return hebrew_model
    _log.warning(
        "ocr.hebrew_model_missing model=%s fallback=%s hint=apt-get install tesseract-ocr-script-hebr",
        hebrew_model,
        HEBREW,
    )
    return HEBREW


def choose(hebrew_model: str, installed: Callable[[str], bool]) -> None:
    """Make `hebrew_model` (or its fall-back) the one this thread's next reads load."""
    if hebrew_model not in _resolved:
        _resolved[hebrew_model] = resolve(hebrew_model, installed)
    _chosen.model = _resolved[hebrew_model]


def for_engine(languages: str) -> str:
    """`languages` with this thread's chosen Hebrew model (`heb` until one is chosen)."""
    return tesseract_languages(languages, getattr(_chosen, "model", HEBREW))

"""Tesseract calls through one loaded engine per worker process (`tesserocr`), not a process per call.

`tesserocr` is built from source against Debian's libtesseract (`make` does it: `--no-binary
tesserocr`), so the engine is the same Tesseract 5.3 the `tesseract` program is; the PyPI wheel
bundles Tesseract 5.5, which read some generated Hebrew scans worse (bench/extraction).

Starting the `tesseract` program loads `heb+eng` (~0.2 s) and passes the page through a temporary
TIFF file on every call; the re-reads and the orientation check each paid that again. `tesserocr`
keeps the engine loaded per (languages, page segmentation mode) for the life of the worker and
takes the pixels from memory. Where `tesserocr` is not installed the same calls go through
`pytesseract` (the program, `tesseract_program`), so the results keep one shape: pytesseract's
`Output.DICT` columns (`tesseract_results`).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .tessdata import tessdata_path
from .tesseract_program import program_orientation, program_words
from .tesseract_results import OSD_CHARACTERS, OsdReading, TesseractFailed, TesseractTimedOut, parse_tsv

if TYPE_CHECKING:
    import numpy as np

# Debian's libtesseract uses OpenMP, which reads its thread limit once, when the library loads:
# with more threads than cores a page takes ~8x longer. Set before the import (an explicit value wins).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
try:
    import tesserocr
except ImportError:  # optional: the `tesseract` program does the same, slower
    tesserocr = None


_engines = threading.local()  # an engine is not thread-safe: one set per thread
_quiet_lock = threading.Lock()
_quiet_depth = [0, -1]  # calls in progress, the saved stderr descriptor


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Leptonica inside the engine prints notes like "Error in pixScanForForeground: invalid box"
    to the process's stderr on ordinary receipts; the `tesseract` program printed the same to a pipe
    nobody read. Keep them out of our logs (file descriptor 2, shared by threads: counted)."""
    with _quiet_lock:
        if _quiet_depth[0] == 0:
            sys.stderr.flush()
            _quiet_depth[1] = os.dup(2)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            os.close(null)
        _quiet_depth[0] += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth[0] -= 1
            if _quiet_depth[0] == 0:
                os.dup2(_quiet_depth[1], 2)
                os.close(_quiet_depth[1])


OSD = ("osd", 0)  # the orientation engine's (languages, page segmentation mode): PSM.OSD_ONLY
_warming: dict[tuple[str, int], Future[Any]] = {}  # engines loading in the background, not yet taken
_warming_lock = threading.Lock()


def warm_up(languages: str, segmentation_mode: int) -> None:
    """Start loading an engine in a background thread; the first thread to need it takes it over
    (an engine is used by one thread at a time, not tied to the one that made it). Tesseract lets go
    of the GIL while it loads its traineddata (~0.15 s for heb+eng), so a one-file `invoiceme ocr`
    loads it while Python imports and prepares the page, as the `tesseract` program cannot."""
    key = (languages, segmentation_mode)
    if tesserocr is None or key in _engines.__dict__.get("loaded", {}):
        return  # nothing to load (or this thread has it already)
    with _warming_lock:
        if key in _warming:
            return
        future: Future[Any] = Future()
        _warming[key] = future

    def load() -> None:
        try:
            future.set_result(_new_engine(*key))
        except BaseException as exc:  # handed to whoever takes the engine
            future.set_exception(exc)

    threading.Thread(target=load, name=f"tesseract-{languages}", daemon=True).start()


def _engine(languages: str, segmentation_mode: int) -> Any:
    loaded: dict[tuple[str, int], Any] = _engines.__dict__.setdefault("loaded", {})
    key = (languages, segmentation_mode)
    if key not in loaded:
        with _warming_lock:
            warming = _warming.pop(key, None)
        loaded[key] = warming.result() if warming is not None else _new_engine(languages, segmentation_mode)
    return loaded[key]


def _new_engine(languages: str, segmentation_mode: int) -> Any:
    assert tesserocr is not None
    try:
        engine = tesserocr.PyTessBaseAPI(
            path=tessdata_path() or "",
            lang=languages,
            psm=segmentation_mode,
            oem=tesserocr.OEM.LSTM_ONLY if languages != OSD[0] else tesserocr.OEM.DEFAULT,
        )
    except RuntimeError as exc:
        raise TesseractFailed(f"cannot load Tesseract's {languages} data ({exc})") from exc
    if languages == OSD[0]:
        engine.SetVariable("min_characters_to_try", str(OSD_CHARACTERS))
    return engine


def _set_image(engine: Any, gray: np.ndarray) -> None:
    import numpy as np  # here, not at the top: `invoiceme ocr` starts the engines before NumPy loads

    pixels = np.ascontiguousarray(gray, dtype=np.uint8)
    engine.SetImageBytes(pixels.tobytes(), pixels.shape[1], pixels.shape[0], 1, pixels.shape[1])


def read_words(gray: np.ndarray, languages: str, segmentation_mode: int, timeout: float) -> dict[str, list]:
    """Words with boxes and confidences (LSTM engine), as `pytesseract.image_to_data` gives them."""
    if tesserocr is None:
        return program_words(gray, languages, segmentation_mode, timeout)
    engine = _engine(languages, segmentation_mode)
    _set_image(engine, gray)
    started = time.monotonic()
    with _quiet_stderr():
        recognized = engine.Recognize(timeout=int(timeout * 1000))
    # Tesseract 5.3 stops at the deadline but still reports success: the clock tells.
    if not recognized or time.monotonic() - started >= timeout:
        engine.Clear()
        raise TesseractTimedOut(f"took longer than {timeout:g} s")
    data = parse_tsv(engine.GetTSVText(0))
    engine.Clear()  # the page's recognition results are not needed once copied out
    return data


CHOICE_DIGITS = "0123456789-"  # what an id's crop may hold: its choices are weighed among these


def read_symbol_choices(
    gray: np.ndarray, timeout: float, alphabet: str = CHOICE_DIGITS
) -> list[list[tuple[str, float]]] | None:
    """One line of `alphabet`'s characters (digits by default) read with the LSTM's choices kept: per
    character read, each character the engine weighed with its weight (0..1), its pick first. None
    without `tesserocr` (the program gives no choices) or when Tesseract fails."""
    if tesserocr is None:
        return None
    loaded: dict[str, Any] = _engines.__dict__.setdefault("choices", {})
    if alphabet not in loaded:  # its own engine: the variables below must not change other reads
        engine = _new_engine("eng", 7)  # PSM.SINGLE_LINE
        engine.SetVariable("lstm_choice_mode", "2")  # the alternatives of every character
        engine.SetVariable("tessedit_char_whitelist", alphabet)
        loaded[alphabet] = engine
    engine = loaded[alphabet]
    _set_image(engine, gray)
    with _quiet_stderr():
        recognized = engine.Recognize(timeout=int(timeout * 1000))
    if not recognized:
        engine.Clear()
        return None
    level = tesserocr.RIL.SYMBOL
    symbols = []
    try:
        for symbol in tesserocr.iterate_level(engine.GetIterator(), level):
            pick = symbol.GetUTF8Text(level) or ""
            weighed = [(c.GetUTF8Text(), c.Confidence() / 100) for c in symbol.GetChoiceIterator()]
            symbols.append([(pick, symbol.Confidence(level) / 100), *[c for c in weighed if c[0] != pick]])
    except RuntimeError:  # "No text returned" for a symbol: no choices, the page stands (it failed whole)
        symbols = []
    engine.Clear()
    return symbols or None


def detect_orientation(
    gray: np.ndarray, timeout: float, characters: int = OSD_CHARACTERS
) -> OsdReading | None:
    """What OSD says of the image, or None when it cannot tell (too little text, no osd.traineddata).
    `characters`: OSD's min_characters_to_try; it classifies up to five times as many letters."""
    if tesserocr is None:
        return program_orientation(gray, timeout, characters)
    try:
        engine = _engine(*OSD)
    except TesseractFailed:
        return None
    _set_image(engine, gray)
    engine.SetVariable("min_characters_to_try", str(characters))
    with _quiet_stderr():
        found = engine.DetectOrientationScript()
    engine.Clear()
    if not found:
        return None
    # Tesseract reports how far the text is turned counter-clockwise; undoing it is the rest of 360.
    degrees = (360 - int(found["orient_deg"])) % 360
    script, script_confidence = str(found["script_name"]), float(found["script_conf"])
    return OsdReading(degrees, float(found["orient_conf"]), script, script_confidence)

"""What Tesseract answers, whichever way it is called (the loaded engine or the `tesseract` program):
words as pytesseract's `Output.DICT` columns, OSD's reading of a page, and its failures."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

TSV_COLUMNS = (
    "level", "page_num", "block_num", "par_num", "line_num", "word_num",
    "left", "top", "width", "height", "conf", "text",
)  # fmt: skip


_INT_COLUMNS = frozenset(TSV_COLUMNS[:10])


class TesseractFailed(Exception):
    """Tesseract refused the image or gave up; the message says why."""


class TesseractTimedOut(TesseractFailed):
    pass


def parse_tsv(tsv: str) -> dict[str, list[Any]]:
    """Tesseract's TSV rows (header or not) as columns, like `pytesseract.Output.DICT`."""
    data: dict[str, list[Any]] = {column: [] for column in TSV_COLUMNS}
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < len(TSV_COLUMNS) or cells[0] == "level":
            continue
        for column, cell in zip(TSV_COLUMNS[:-1], cells[: len(TSV_COLUMNS) - 1], strict=True):
            data[column].append(int(cell) if column in _INT_COLUMNS else float(cell))
        data["text"].append("\t".join(cells[len(TSV_COLUMNS) - 1 :]))
    return data


OSD_CHARACTERS = 10  # OSD's min_characters_to_try unless told otherwise


class OsdReading(NamedTuple):
    """What OSD says of an image: which way up, and in which script (alphabet) its letters are."""

    degrees: int  # clockwise, to make the text upright
    confidence: float
    script: str = ""  # "Latin", "Hebrew", ... ("" when not reported)
    script_confidence: float = 0.0


def parse_osd(report: str) -> tuple[int, float]:
    """(clockwise degrees to turn the page upright, confidence) from `tesseract --psm 0` output."""
    rotate = re.search(r"Rotate:\s*(\d+)", report)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", report)
    if not rotate or not confidence:
        return 0, 0.0
    return int(rotate.group(1)) % 360, float(confidence.group(1))


def parse_osd_script(report: str) -> tuple[str, float]:
    """(script name, confidence) from `tesseract --psm 0` output; ("", 0.0) when it has none."""
    script = re.search(r"Script:\s*(\S+)", report)
    confidence = re.search(r"Script confidence:\s*([\d.]+)", report)
    if not script or not confidence:
        return "", 0.0
    return script.group(1), float(confidence.group(1))

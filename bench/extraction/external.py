"""../shared/data/external-dev: real third-party documents, scored per source by the shared scorer
(../shared/tools/score_external.py, loaded by path so its rules are the judge's rules exactly)."""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.extraction.cache import OcrCache
from bench.extraction.extract import Extracted, extract_files
from bench.shared import EXTERNAL_DEV, SHARED

EXTERNAL = EXTERNAL_DEV
SCORER = SHARED / "tools" / "score_external.py"
DOCUMENT_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png")


def available() -> bool:
    return (EXTERNAL / "manifest.csv").exists() and SCORER.exists()


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_external", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def manifest_rows() -> list[dict[str, str]]:
    with (EXTERNAL / "manifest.csv").open(newline="") as handle:
        return list(csv.DictReader(handle))


def run_external(
    cache: OcrCache, progress: Any = None
) -> tuple[list[str], list[tuple[float, bool]], Extracted]:
    """(the scorer's table lines, (confidence, right) per predicted labelled field, raw predictions)."""
    files = sorted(p for p in EXTERNAL.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES)
    extracted = extract_files(files, cache, progress, "external-dev")
    scorer = load_scorer()
    with tempfile.TemporaryDirectory() as folder:
        for stem, prediction in extracted.predictions.items():
            (Path(folder) / f"{stem}.json").write_text(json.dumps(prediction, ensure_ascii=False))
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            scorer.main(str(EXTERNAL / "manifest.csv"), folder)
    return printed.getvalue().strip().splitlines(), list(_judged(scorer, extracted)), extracted


def labelled_fields(scorer: ModuleType, row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(manifest column, contract field) of each field the row's source labels, as the scorer counts
    them: not an empty cell, nor SROIE's currency (implicit in its labels, not printed truth)."""
    for column, name in scorer.FIELDS.items():
        if row.get(column, "") != "" and not (column == "currency" and row["source"] == "sroie"):
            yield column, name


def external_misses(extracted: Extracted) -> list[str]:
    """Wrong or missing labelled fields of external-dev, judged by the shared scorer's own `same`."""
    scorer = load_scorer()
    lines = []
    for row in manifest_rows():
        stem = Path(row["file"]).stem
        prediction = extracted.predictions.get(stem, {})
        for column, name in labelled_fields(scorer, row):
            if not scorer.same(column, row[column], prediction.get(name)):
                lines.append(f"{stem:44} {name:14} truth={row[column]!r} got={prediction.get(name)!r}")
    return lines


def _judged(scorer: ModuleType, extracted: Extracted) -> Any:
    """(confidence, right) with the scorer's own `same` and field mapping."""
    for row in manifest_rows():
        prediction = extracted.predictions.get(Path(row["file"]).stem)
        if prediction is None:
            continue
        confidence = prediction.get("confidence") or {}
        for column, name in labelled_fields(scorer, row):
            value = prediction.get(name)
            if value in (None, "") or name not in confidence:
                continue
            yield float(confidence[name]), bool(scorer.same(column, row[column], value))

"""Caches that make a re-run after an extractor change take seconds: the generated corpus (keyed by the
generator's source, the seed and the plan) and OCR results (keyed by the file's bytes and by the OCR
code and options that read it). Both live under .cache/ (ignored by git); delete it to start cold."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache"
CORPUS_SOURCE = ROOT / "tests" / "corpus"
OCR_SOURCE = ROOT / "services" / "ocr" / "invoiceme_ocr"


def source_digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def corpus_key(seed: int, plan: Any) -> str:
    """The corpus folder's name for (this checkout's generator source, seed, plan)."""
    return hashlib.sha256(
        f"{source_digest(CORPUS_SOURCE)}/{seed}/{json.dumps(asdict(plan), sort_keys=True)}".encode()
    ).hexdigest()[:16]


def cached_corpus(seed: int, plan: Any, build: Callable[[Path], object], cache: Path = CACHE) -> Path:
    """The corpus folder for (generator source, seed, plan), built once by `build(folder)`."""
    key = corpus_key(seed, plan)
    folder = cache / "corpus" / key
    if (folder / ".complete").exists():
        return folder
    building = folder.with_name(f"{key}.building-{os.getpid()}")  # two runs at once each build their own
    shutil.rmtree(building, ignore_errors=True)
    build(building)
    (building / ".complete").write_text("")
    try:
        building.rename(folder)
    except OSError:  # another run finished first (or a stale incomplete folder): keep a complete one
        if not (folder / ".complete").exists():
            shutil.rmtree(folder)
            building.rename(folder)
        else:
            shutil.rmtree(building)
    return folder


class OcrCache:
    """OcrDocument JSON per (file bytes, OCR code, options)."""

    def __init__(self, options: Any, folder: Path | None = None) -> None:
        self.folder = folder or CACHE / "ocr"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.options = options  # what a miss is read with (`extract.read_files`)
        self.salt = f"{source_digest(OCR_SOURCE)}/{options!r}".encode()
        self.hits = self.misses = 0

    def path(self, data: bytes) -> Path:
        return self.folder / f"{hashlib.sha256(self.salt + data).hexdigest()[:32]}.json"

    def get(self, data: bytes) -> Any | None:
        from invoiceme_common.events import OcrDocument

        path = self.path(data)
        if not path.exists():
            self.misses += 1
            return None
        try:
            document = OcrDocument.model_validate_json(path.read_text())
        except ValueError:  # unreadable entry: read the file again
            self.misses += 1
            return None
        self.hits += 1
        return document

    def put(self, data: bytes, document: Any) -> None:
        """Atomic: several bench runs (two helpers) may fill the same cache at once."""
        path = self.path(data)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.part")
        try:
            partial.write_text(document.model_dump_json())
            os.replace(partial, path)
        except (
            ValueError,
            UnicodeEncodeError,
        ):  # e.g. a lone surrogate in a PDF text layer: just do not cache it
            partial.unlink(missing_ok=True)

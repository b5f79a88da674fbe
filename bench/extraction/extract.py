"""Read files through the OCR service's DocumentReader (cached), then extract with the offline rules
provider, timing extraction alone on text-layer documents."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.extraction.cache import OcrCache


@dataclass
class Extracted:
    predictions: dict[str, dict[str, Any]] = field(default_factory=dict)  # file stem -> contract JSON
    failures: dict[str, str] = field(default_factory=dict)
    text_layer_ms: list[float] = field(default_factory=list)  # one per text-layer page

    def timing_line(self) -> str:
        if not self.text_layer_ms:
            return "no text-layer pages"
        ordered = sorted(self.text_layer_ms)
        p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
        return (
            f"median {statistics.median(ordered):.1f} ms, p90 {p90:.1f} ms, max {ordered[-1]:.1f} ms "
            f"per text-layer page ({len(ordered)} pages)"
        )


async def _read_all(
    files: list[Path], cache: OcrCache, tick: Callable[[], None], options: Any = None
) -> dict[Path, Any]:
    from invoiceme_ocr.reader import DocumentReader

    documents: dict[Path, Any] = {}
    misses = []
    for path in files:
        document = cache.get(path.read_bytes())
        if document is None:
            misses.append(path)
        else:
            documents[path] = document
            tick()
    if not misses:
        return documents
    reader = DocumentReader(options or cache.options, workers=2)  # by default: what the cache is keyed by
    limit = asyncio.Semaphore(4)  # enough to keep both workers busy, without queueing every file's bytes

    async def one(path: Path) -> None:
        async with limit:
            data = path.read_bytes()  # noqa: ASYNC240 - a benchmark, not a server
            try:
                documents[path] = await reader.read(data)
                cache.put(data, documents[path])
            except Exception as error:  # a failed file scores zero; it does not stop the run
                documents[path] = error
            tick()

    try:
        await asyncio.gather(*(one(path) for path in misses))
    finally:
        reader.close()
    return documents


async def _extract_all(documents: dict[Path, Any], result: Extracted, tick: Callable[[], None]) -> None:
    from invoiceme_extractor.pipeline import extract_invoice

    for path, document in documents.items():
        if isinstance(document, Exception):
            result.failures[path.stem] = f"read: {type(document).__name__}: {document}"
            tick()
            continue
        try:
            started = time.perf_counter()
            extraction = await extract_invoice(document.pages)
            elapsed_ms = (time.perf_counter() - started) * 1000
        except Exception as error:
            result.failures[path.stem] = f"extract: {type(error).__name__}: {error}"
            tick()
            continue
        if all(page.method == "text_layer" for page in document.pages):
            result.text_layer_ms.append(elapsed_ms / max(1, len(document.pages)))
        result.predictions[path.stem] = extraction.model_dump(mode="json")
        tick()


def predict(document: Any) -> dict[str, Any]:
    """The offline extractor's contract JSON for one read document; {} for a file that could not be
    read (its exception in place of the document), so every field scores wrong."""
    from invoiceme_extractor.pipeline import extract_invoice

    if isinstance(document, Exception):
        return {}
    return asyncio.run(extract_invoice(document.pages)).model_dump(mode="json")


def _ticker(progress: Any, description: str, total: int) -> Callable[[], None]:
    if progress is None:
        return lambda: None
    task = progress.add_task(description, total=total)
    return lambda: progress.advance(task)


def read_files(files: list[Path], cache: OcrCache, progress: Any = None, label: str = "") -> dict[Path, Any]:
    """Every file's OcrDocument (or the exception that stopped its read), in the order given."""
    documents = asyncio.run(_read_all(files, cache, _ticker(progress, f"read {label}", len(files))))
    return {path: documents[path] for path in files}


def extract_files(files: list[Path], cache: OcrCache, progress: Any = None, label: str = "") -> Extracted:
    """Predictions for every file; `progress` is a rich Progress (or None)."""
    result = Extracted()
    ordered = read_files(files, cache, progress, label)
    asyncio.run(_extract_all(ordered, result, _ticker(progress, f"extract {label}", len(files))))
    return result

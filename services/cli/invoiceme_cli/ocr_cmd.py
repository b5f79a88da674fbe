"""`invoiceme ocr FILE... [--json]`: the OCR service's reader on local files, no server needed.

Text (or JSON) goes to stdout in the order the files were given; progress and refusals go to
stderr. A file that cannot be read does not stop the others; it makes the exit status 1.

One image, the common case, pays little besides its read: Tesseract's engines start loading (in
background threads) before NumPy and OpenCV are imported, the image is read in this thread with no
event loop or worker pool, pydantic is not imported (but for --json), and the settings are loaded
only when some OCR_* variable is set (docs/BENCHMARKS.md, "`invoiceme ocr FILE`: what a one-file
call pays besides the read").
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .entry import is_ocr_setting

if TYPE_CHECKING:
    from invoiceme_common.ocr_pages import OcrPage
    from invoiceme_ocr.engine import OcrOptions


def _read_file(path: Path) -> bytes:
    """Bytes of a file, or UnreadableDocument saying why not (missing, a folder, no permission)."""
    from invoiceme_ocr.engine import UnreadableDocument

    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(error.strerror or str(error)) from error


def ocr_configured(environ: Mapping[str, str], env_file: Path) -> bool:
    """Whether any OCR setting is given: an OCR_* variable (any case, as the settings read them) in
    the environment or in the .env file. Only then are the settings loaded (pydantic-settings is
    ~0.1-0.3 s of CPU to import); their defaults are `OcrOptions`' and `engine.DEFAULT_*`."""
    if any(is_ocr_setting(name) for name in environ):
        return True
    try:
        lines = env_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # no .env: nothing configured there
        return False
    return any(is_ocr_setting(line) for line in lines)


def _configuration(languages: str | None) -> tuple[OcrOptions, int, int]:
    """(reading options, worker processes, largest file in bytes) from the settings, or their
    defaults when nothing is configured. A page is read once: the second read (`second_reads`)
    serves the extractor, not the text this command prints."""
    from invoiceme_ocr.engine import DEFAULT_MAX_FILE_MB, DEFAULT_WORKERS, OcrOptions

    if ocr_configured(os.environ, Path(".env")):
        from invoiceme_ocr.settings import OcrSettings

        settings = OcrSettings()
        options, workers = settings.ocr_options(languages), settings.ocr_workers
        max_file_bytes = settings.ocr_max_file_bytes
    else:
        options = OcrOptions(languages=languages) if languages else OcrOptions()
        workers, max_file_bytes = DEFAULT_WORKERS, int(DEFAULT_MAX_FILE_MB * 2**20)
    return replace(options, second_read=False), workers, max_file_bytes


def _read_one_image(path: Path, options: OcrOptions, max_file_bytes: int, as_json: bool) -> int | None:
    """One image read here and now: no event loop, no worker pool (Tesseract keeps the page timeout
    itself). None for a multi-frame image, which takes the general way."""
    from invoiceme_ocr import images
    from invoiceme_ocr.engine import UnreadableDocument, check_document

    try:
        data = _read_file(path)
        media_type = check_document(data, max_file_bytes)
        if images.image_page_count(data) != 1:
            return None
        page = images.read_image_page(data, 0, options)
    except UnreadableDocument as error:
        _print_failure(path, str(error), as_json)
        return 1
    except Exception as error:  # the same words as for several files, not a traceback
        _print_failure(path, f"unexpected error ({type(error).__name__}: {error})", as_json)
        return 1
    _print_document(path, [page], media_type, as_json, many=False)
    return 0


async def _read_all(
    paths: list[Path], options: OcrOptions, workers: int, max_file_bytes: int, as_json: bool
) -> int:
    import asyncio

    from invoiceme_ocr.engine import UnreadableDocument
    from invoiceme_ocr.reader import DocumentReader

    reader = DocumentReader(
        options,
        workers=workers,
        max_file_bytes=max_file_bytes,
        inline_single_page=len(paths) == 1,  # no worker to start for a one-page PDF
    )
    # A few files in flight keep every worker busy with single-page files; more would only use memory.
    in_flight = asyncio.Semaphore(workers * 2)

    async def read(path: Path):
        async with in_flight:
            return await reader.read(_read_file(path))

    failures = 0
    try:
        with _progress_bar(len(paths)) as advance:
            tasks = [asyncio.create_task(read(path)) for path in paths]
            for task in tasks:
                task.add_done_callback(lambda _: advance())
            for path, task in zip(paths, tasks, strict=True):
                try:
                    document = await task
                except UnreadableDocument as error:
                    failures += 1
                    _print_failure(path, str(error), as_json)
                    continue
                except Exception as error:  # a bug must not hide the other files' results
                    failures += 1
                    _print_failure(path, f"unexpected error ({type(error).__name__}: {error})", as_json)
                    continue
                _print_document(path, document.pages, document.media_type, as_json, many=len(paths) > 1)
    finally:
        reader.close()
    return 1 if failures else 0


@contextmanager
def _progress_bar(total: int) -> Iterator[Callable[[], None]]:
    """A bar on stderr for several files; none (and no `rich` to import, ~0.05 s) for one."""
    if total < 2 or not sys.stderr.isatty():  # no bar for one file, nor into a pipe or the warm reader
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        bar = progress.add_task("reading", total=total)
        yield lambda: progress.advance(bar)


def _print_error(message: str) -> None:
    click.secho(message, fg="red", err=True)


def _is_image(path: Path) -> bool:
    from invoiceme_common.sniff import sniff_media_type

    try:
        with path.open("rb") as file:
            media_type = sniff_media_type(file.read(1024))
    except OSError:  # said when the file is read
        return False
    return media_type is not None and media_type.startswith("image/")


def _print_failure(path: Path, reason: str, as_json: bool) -> None:
    _print_error(f"{path}: cannot read: {reason}")
    if as_json:
        click.echo(json.dumps({"file": str(path), "error": reason}, ensure_ascii=False))


def _print_document(path: Path, pages: list[OcrPage], media_type: str, as_json: bool, many: bool) -> None:
    if as_json:
        from invoiceme_common.events import OcrDocument  # pydantic: only for JSON

        document = OcrDocument(pages=pages, media_type=media_type)
        click.echo(json.dumps({"file": str(path), **document.model_dump(mode="json")}, ensure_ascii=False))
        return
    if many:
        click.echo(f"==> {path} <==")
    for page in pages:
        if len(pages) > 1:
            click.echo(f"--- page {page.number} ({page.method}, confidence {page.confidence:.2f}) ---")
        click.echo(page.text)
    if many:
        click.echo()


@click.command("ocr")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per file (pages, words, lines, boxes)."
)
@click.option("--languages", default=None, help="Tesseract languages (default: OCR_LANGUAGES or heb+eng).")
@click.option(
    "--workers", default=None, type=click.IntRange(1, 32), help="Worker processes (default: OCR_WORKERS)."
)
@click.option(
    "--warm",
    is_flag=True,
    envvar="INVOICEME_OCR_WARM",
    help="Read in a background reader that keeps Tesseract loaded between calls and exits after "
    "INVOICEME_OCR_WARM_IDLE seconds (default 300) unused; the first call starts it.",
)
def ocr(
    files: tuple[Path, ...], as_json: bool, languages: str | None, workers: int | None, warm: bool
) -> None:
    """Read FILES (PDF, PNG, JPEG, TIFF, WebP, BMP, HEIC) and print their text."""
    if warm:
        from . import warm_ocr

        if not warm_ocr.read_here:  # not the reader itself, nor a call it could not take
            options = ["--json"] if as_json else []
            options += ["--languages", languages] if languages else []
            options += ["--workers", str(workers)] if workers else []
            status = warm_ocr.forward([*options, "--", *map(str, files)])
            if status is not None:
                raise SystemExit(status)
    raise SystemExit(read_and_print(list(files), as_json, languages, workers))


def read_and_print(files: list[Path], as_json: bool, languages: str | None, workers: int | None) -> int:
    """Read the files, print their text (or JSON) and the reasons for those that cannot be read;
    the exit status."""
    # Tesseract's module first (tesserocr and Pillow, not NumPy or OpenCV): its engines load while
    # the rest is imported.
    from invoiceme_ocr.tessdata import missing_languages
    from invoiceme_ocr.tesseract_api import warm_up

    options, default_workers, max_file_bytes = _configuration(languages)
    if missing := missing_languages(options.languages):
        _print_error(f"Tesseract has no language data for {', '.join(missing)}")
        return 2
    if len(files) == 1 and _is_image(files[0]):
        # One image is read in this process: load Tesseract while the rest starts up. (A PDF may
        # need no OCR at all: its text layer.)
        for engine in options.engines():
            warm_up(*engine)
        status = _read_one_image(files[0], options, max_file_bytes, as_json)
        if status is not None:
            return status
    import asyncio

    return asyncio.run(_read_all(files, options, workers or default_workers, max_file_bytes, as_json))

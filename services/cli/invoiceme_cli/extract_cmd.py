"""`invoiceme extract FILE...`: OCR + extraction on local files, no server needed."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress

console = Console(stderr=True)
_SUMMARY_EXCLUDES = {"confidence", "source", "evidence", "line_items", "warnings"}


def contract_json(extraction: Any) -> str:
    """The field contract with its fields at the top level (what --out writes and --json prints)."""
    data = extraction.model_dump(mode="json")
    data["needs_review"] = extraction.needs_review
    return json.dumps(data, ensure_ascii=False, indent=2)


async def _extract_one(reader: Any, path: Path, providers: list[Any]) -> Any:
    """The file's Extraction, or the reason it could not be read (one bad file fails alone)."""
    from invoiceme_extractor.pipeline import extract_invoice
    from invoiceme_ocr.engine import UnreadableDocument

    try:
        document = await reader.read(path.read_bytes())  # noqa: ASYNC240 - a CLI, one file at a time
        return await extract_invoice(document.pages, providers)
    except UnreadableDocument as error:
        return str(error)
    except Exception as error:  # a crash on one file must not stop the batch
        return f"{type(error).__name__}: {error}"


def output_names(files: list[Path]) -> dict[Path, str]:
    """What --out names each file's result: `<stem>.json` (what the shared scorer reads), but
    `<name>.json` for files that share a stem (`a.pdf` and its picture `a.png`), so that neither
    result overwrites the other."""
    stems = [path.stem for path in files]
    return {path: f"{path.name if stems.count(path.stem) > 1 else path.stem}.json" for path in files}


def _show(path: Path, extraction: Any, out: Path | None, as_json: bool, name: str) -> None:
    if out is not None:
        (out / name).write_text(contract_json(extraction))
    if as_json:
        click.echo(contract_json(extraction))
    elif out is None:
        console.print(f"[bold]{path.name}[/]", extraction.model_dump(exclude=_SUMMARY_EXCLUDES))
        for warning in extraction.warnings:
            console.print(f"  [yellow]{warning.code}[/]: {warning.message}")


async def _run(files: list[Path], provider: str | None, out: Path | None, as_json: bool) -> int:
    from invoiceme_extractor.llm.registry import ProviderRegistry
    from invoiceme_extractor.settings import ExtractorSettings
    from invoiceme_ocr.engine import OcrOptions
    from invoiceme_ocr.reader import DocumentReader

    providers = ProviderRegistry(ExtractorSettings().llm_config()).chain(provider)
    reader = DocumentReader(OcrOptions(languages="heb+eng", dpi=300), workers=2)
    failures = 0
    names = output_names(files)
    try:
        with Progress(console=console, transient=True, disable=out is None) as progress:
            task = progress.add_task("extracting", total=len(files))
            for path in files:
                result = await _extract_one(reader, path, providers)
                if isinstance(result, str):
                    failures += 1
                    console.print(f"[red]{path}: {result}[/]")
                else:
                    _show(path, result, out, as_json, names[path])
                progress.advance(task)
    finally:
        reader.close()  # stops the OCR worker processes
    return failures


@click.command("extract")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--provider",
    type=click.Choice(["rules", "groq", "ollama", "auto"]),
    default=None,
    help="Extraction provider (default: LLM_PROVIDER)",
)
@click.option("--json", "as_json", is_flag=True, help="Print the field contract as JSON per file")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write <stem>.json per file into this folder (<name>.json where two files share a stem)",
)
def extract(files: tuple[Path, ...], provider: str | None, as_json: bool, out: Path | None) -> None:
    """Run OCR and field extraction on invoice files (PDF or images); a bad file fails alone."""
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    failures = asyncio.run(_run(list(files), provider, out, as_json))
    if failures:
        console.print(f"[red]{failures} of {len(files)} file(s) failed[/]")
        raise SystemExit(1)

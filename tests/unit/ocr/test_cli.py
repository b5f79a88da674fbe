"""`invoiceme ocr`: text per file, reasons for unreadable files, a non-zero exit status for them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from invoiceme_cli.main import cli
from tests.support import synthetic_pages as synthetic

from .conftest import ENGLISH, pdf_bytes


def test_prints_text_and_reasons(tmp_path: Path, english_page) -> None:
    good_image = tmp_path / "scan.png"
    good_image.write_bytes(synthetic.encode(english_page, "PNG"))
    good_pdf = tmp_path / "born-digital.pdf"
    good_pdf.write_bytes(pdf_bytes([["Invoice 4821 from Acme Logistics Ltd"]]))
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["ocr", str(good_image), str(empty), str(good_pdf), "--workers", "2"])
    assert result.exit_code == 1
    assert ENGLISH[0] in result.stdout and "Invoice 4821 from Acme Logistics Ltd" in result.stdout
    assert result.stdout.index(ENGLISH[0]) < result.stdout.index("Invoice 4821")  # order of the arguments
    assert "empty.pdf: cannot read: the file is empty" in result.stderr
    assert "Traceback" not in result.output


def test_json_has_pages_words_and_boxes(tmp_path: Path) -> None:
    pdf = tmp_path / "invoice.pdf"
    pdf.write_bytes(pdf_bytes([["Invoice 4821 from Acme Logistics Ltd"]]))
    result = CliRunner().invoke(cli, ["ocr", "--json", str(pdf)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["file"] == str(pdf) and document["media_type"] == "application/pdf"
    page = document["pages"][0]
    assert page["method"] == "text_layer" and page["words"][0]["text"] == "Invoice"
    assert {"left", "top", "width", "height", "confidence"} <= set(page["lines"][0])


def test_unknown_language_is_refused_up_front(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ocr", "--languages", "heb+xyz", str(tmp_path / "any.png")])
    assert result.exit_code == 2
    assert "no language data for xyz" in result.stderr

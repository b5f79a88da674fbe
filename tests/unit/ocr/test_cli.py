"""`invoiceme ocr`: text per file, reasons for unreadable files, a non-zero exit status for them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pillow_heif
from click.testing import CliRunner
from PIL import Image

from invoiceme_cli.main import cli
from invoiceme_cli.ocr_cmd import ocr_configured
from invoiceme_ocr.engine import DEFAULT_MAX_FILE_MB, DEFAULT_WORKERS, OcrOptions
from invoiceme_ocr.settings import OcrSettings
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


def test_the_command_reads_a_slip_once(tmp_path: Path, english_page) -> None:
    """Its text is the first read's; the second read (`second_reads`) serves only the extractor."""
    image = tmp_path / "slip.png"
    image.write_bytes(synthetic.encode(english_page, "PNG"))  # narrow: the service reads it twice
    result = CliRunner().invoke(cli, ["ocr", "--json", str(image)])
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)["pages"][0]
    assert page["method"] == "ocr" and page["second_read"] is None


def test_unknown_language_is_refused_up_front(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ocr", "--languages", "heb+xyz", str(tmp_path / "any.png")])
    assert result.exit_code == 2
    assert "no language data for xyz" in result.stderr


class TestOneImage:
    """One image, the common call: read in the command's own process, with the same words as before."""

    def test_a_photo_is_read(self, tmp_path: Path, english_page) -> None:
        photo = tmp_path / "photo.jpg"
        photo.write_bytes(synthetic.encode(synthetic.photographed(english_page), "JPEG", quality=90))
        result = CliRunner().invoke(cli, ["ocr", str(photo)])
        assert result.exit_code == 0, result.output
        assert "4821" in result.stdout and "27,081.00" in result.stdout

    def test_json_of_one_image(self, tmp_path: Path, english_page) -> None:
        image = tmp_path / "scan.png"
        image.write_bytes(synthetic.encode(english_page, "PNG"))
        result = CliRunner().invoke(cli, ["ocr", "--json", str(image)])
        assert result.exit_code == 0, result.output
        document = json.loads(result.stdout)
        assert document["media_type"] == "image/png" and document["pages"][0]["method"] == "ocr"
        assert ENGLISH[0] in document["pages"][0]["text"]

    def test_a_missing_file_is_named_with_its_reason(self, tmp_path: Path) -> None:
        result = CliRunner().invoke(cli, ["ocr", str(tmp_path / "nowhere.png")])
        assert result.exit_code == 1
        assert "nowhere.png: cannot read: No such file or directory" in result.stderr
        assert "Traceback" not in result.output

    def test_a_damaged_image_is_named_with_its_reason(self, tmp_path: Path, english_page) -> None:
        damaged = tmp_path / "cut.png"
        damaged.write_bytes(synthetic.encode(english_page, "PNG")[:2000])  # a PNG header, half the pixels
        result = CliRunner().invoke(cli, ["ocr", str(damaged)])
        assert result.exit_code == 1
        assert "cut.png: cannot read: the image" in result.stderr and "Traceback" not in result.output

    def test_a_file_that_is_no_image_says_what_it_is(self, tmp_path: Path) -> None:
        archive = tmp_path / "invoice.png"
        archive.write_bytes(b"PK\x03\x04" + bytes(100))
        result = CliRunner().invoke(cli, ["ocr", str(archive)])
        assert result.exit_code == 1
        assert "a ZIP archive" in result.stderr

    def test_a_heic_photo_is_read_in_a_fresh_process(self, tmp_path: Path, english_page) -> None:
        photo = tmp_path / "IMG_0001.HEIC"
        buffer = io.BytesIO()
        pillow_heif.from_pillow(Image.fromarray(english_page).convert("RGB")).save(buffer, quality=90)
        photo.write_bytes(buffer.getvalue())
        # A new process: HEIF support is loaded for HEIF files only, not by some earlier test.
        probe = f"from invoiceme_cli.main import cli; cli(['ocr', {str(photo)!r}])"
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert ENGLISH[0] in done.stdout

    def test_loads_neither_pydantic_nor_event_loop_nor_worker_pool(
        self, tmp_path: Path, english_page
    ) -> None:
        image = tmp_path / "scan.png"
        image.write_bytes(synthetic.encode(english_page, "PNG"))
        probe = (
            "import os, sys; from click.testing import CliRunner; from invoiceme_cli.main import cli;"
            f"result = CliRunner().invoke(cli, ['ocr', {str(image)!r}]);"
            f"assert {ENGLISH[0]!r} in result.stdout, result.output;"
            "loaded = ('pydantic', 'asyncio', 'concurrent.futures.process');"
            "print([m for m in loaded if m in sys.modules])"
        )
        env = {key: value for key, value in os.environ.items() if not key.lower().startswith("ocr_")}
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
        )
        assert done.stdout.strip() == "[]"


def test_several_files_with_progress(tmp_path: Path, english_page, hebrew_page) -> None:
    paths = []
    for name, page in (("en.png", english_page), ("he.png", hebrew_page)):
        paths.append(tmp_path / name)
        paths[-1].write_bytes(synthetic.encode(page, "PNG"))
    result = CliRunner().invoke(cli, ["ocr", *map(str, paths)])
    assert result.exit_code == 0, result.output
    first, second = (result.stdout.index(f"==> {path} <==") for path in paths)
    assert first < result.stdout.index(ENGLISH[0]) < second  # each file's text under its own name
    assert "4821" in result.stdout[second:]


class TestSettings:
    """The settings are loaded only when an OCR variable is set; otherwise their defaults apply."""

    def test_an_ocr_variable_in_the_environment_or_dotenv_counts(self, tmp_path: Path) -> None:
        dotenv = tmp_path / ".env"
        assert not ocr_configured({"PATH": "/bin", "NATS_URL": "nats://x"}, dotenv)  # no .env at all
        assert ocr_configured({"OCR_LANGUAGES": "eng"}, dotenv)
        assert ocr_configured({"ocr_psm": "6"}, dotenv)  # any case, as the settings read it
        dotenv.write_text("# OCR_LANGUAGES=eng\nDATABASE_URL=postgresql://x\n")
        assert not ocr_configured({}, dotenv)
        dotenv.write_text("DATABASE_URL=postgresql://x\n  export OCR_MAX_FILE_MB=5\n")
        assert ocr_configured({}, dotenv)

    def test_defaults_are_the_settings_defaults(self, monkeypatch) -> None:
        for name in list(os.environ):
            if name.lower().startswith("ocr_"):
                monkeypatch.delenv(name)
        settings = OcrSettings(_env_file=None)
        assert settings.ocr_options() == OcrOptions()
        assert settings.ocr_workers == DEFAULT_WORKERS
        assert settings.ocr_max_file_bytes == int(DEFAULT_MAX_FILE_MB * 2**20)

    def test_a_configured_language_is_used(self, tmp_path: Path, monkeypatch) -> None:
        monkeypatch.setenv("OCR_LANGUAGES", "heb+xyz")
        result = CliRunner().invoke(cli, ["ocr", str(tmp_path / "any.png")])
        assert result.exit_code == 2 and "no language data for xyz" in result.stderr

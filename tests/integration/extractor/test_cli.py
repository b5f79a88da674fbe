"""`invoiceme extract` end to end on generated documents: real OCR reader, rules provider, files out."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from invoiceme_cli.main import cli
from tests.corpus.compose import compose
from tests.corpus.pdf import to_pdf


def _invoice_pdf(path: Path, language: str) -> dict:
    page, truth = compose("classic", language, 5)
    path.write_bytes(to_pdf(page))
    return truth


class TestExtractCommand:
    """Writes <stem>.json with the contract at the top level; a bad file fails alone with its reason."""

    def test_writes_contract_and_fails_bad_file_alone(self, tmp_path: Path) -> None:
        truth = _invoice_pdf(tmp_path / "good.pdf", "he")
        (tmp_path / "bad.pdf").write_bytes(b"not a pdf at all")
        out = tmp_path / "out"
        result = CliRunner().invoke(
            cli,
            [
                "extract",
                str(tmp_path / "good.pdf"),
                str(tmp_path / "bad.pdf"),
                "--out",
                str(out),
                "--provider",
                "rules",
            ],
        )
        assert result.exit_code == 1
        assert "bad.pdf" in result.output and "1 of 2 file(s) failed" in result.output
        written = json.loads((out / "good.json").read_text())
        assert written["total"] == truth["total"] and written["vendor_tax_id"] == truth["vendor_tax_id"]
        assert written["invoice_number"] == truth["invoice_number"]
        assert written["source"]["total"] == "text_layer+rules" and "needs_review" in written
        assert not (out / "bad.json").exists()

"""`invoiceme extract --out`: one result file per input, none overwriting another."""

from __future__ import annotations

from pathlib import Path

from invoiceme_cli.extract_cmd import output_names


def test_results_are_named_by_stem_as_the_scorer_reads_them() -> None:
    files = [Path("in/a.pdf"), Path("in/b.jpg")]
    assert output_names(files) == {Path("in/a.pdf"): "a.json", Path("in/b.jpg"): "b.json"}


def test_a_pdf_and_its_picture_under_one_stem_keep_both_results() -> None:
    files = [Path("in/a.pdf"), Path("in/a.png"), Path("other/c.pdf")]
    names = output_names(files)
    assert names == {
        Path("in/a.pdf"): "a.pdf.json",
        Path("in/a.png"): "a.png.json",
        Path("other/c.pdf"): "c.json",
    }
    assert len(set(names.values())) == len(files)

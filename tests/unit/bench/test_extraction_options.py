"""The extraction benchmark's switches: which OCR steps read the corpus (`--steps`)."""

from __future__ import annotations

import pytest

from bench.extraction.run import ocr_steps

KNOWN = ("perspective", "deskew", "invert_fills", "clear_rules", "binarize")
DEFAULT = ("perspective", "deskew", "invert_fills", "clear_rules")


class TestOcrSteps:
    """A change to the default steps, or a full list, always in the steps' own order."""

    def test_no_spec_keeps_the_default(self) -> None:
        assert ocr_steps(None, DEFAULT, KNOWN) == DEFAULT
        assert ocr_steps("", DEFAULT, KNOWN) == DEFAULT

    def test_changes_to_the_default(self) -> None:
        assert ocr_steps("-invert_fills", DEFAULT, KNOWN) == ("perspective", "deskew", "clear_rules")
        assert ocr_steps("+binarize,-deskew", DEFAULT, KNOWN) == (
            "perspective",
            "invert_fills",
            "clear_rules",
            "binarize",
        )

    def test_a_full_list_is_put_in_order(self) -> None:
        assert ocr_steps("clear_rules,perspective", DEFAULT, KNOWN) == ("perspective", "clear_rules")

    def test_an_unknown_step_stops_the_run(self) -> None:
        with pytest.raises(SystemExit, match="invert_fill"):
            ocr_steps("-invert_fill", DEFAULT, KNOWN)

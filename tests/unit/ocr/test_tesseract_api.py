"""Both ways of calling Tesseract (the loaded engine, the program) give the same columns and words."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from invoiceme_ocr import tessdata, tesseract_api, tesseract_results
from tests.support import synthetic_pages as synthetic

from .conftest import ENGLISH


class TestTsv:
    """Tesseract's TSV becomes pytesseract's Output.DICT columns, header or not."""

    def test_rows_to_columns(self) -> None:
        tsv = (
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
            "1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t\n"
            "5\t1\t1\t1\t1\t1\t10\t12\t30\t14\t96.5\tTotal\n"
        )
        data = tesseract_results.parse_tsv(tsv)
        assert data["text"] == ["", "Total"]
        assert data["conf"] == [-1.0, 96.5]
        assert data["left"] == [0, 10] and data["line_num"] == [0, 1]


@pytest.fixture(params=["engine", "program"])
def way(request, monkeypatch) -> str:
    if request.param == "program":
        monkeypatch.setattr(tesseract_api, "tesserocr", None)
    elif tesseract_api.tesserocr is None:
        pytest.skip("tesserocr is not installed")
    return str(request.param)


class TestReadWords:
    """Words with boxes and confidences, whichever way Tesseract is called."""

    def test_reads_the_page(self, way: str, english_page: np.ndarray) -> None:
        data = tesseract_api.read_words(english_page, "eng", 4, 60)
        words = [text for text, conf in zip(data["text"], data["conf"], strict=True) if conf >= 0 and text]
        assert ENGLISH[0].split()[0] in words
        assert len(data["left"]) == len(data["text"]) == len(data["conf"])

    def test_timeout_is_reported(self, way: str, english_page: np.ndarray) -> None:
        big = np.tile(english_page, (4, 2))
        with pytest.raises(tesseract_results.TesseractTimedOut):
            tesseract_api.read_words(big, "heb+eng", 4, 0.01)

    def test_orientation_of_an_upside_down_page(self, way: str, english_page: np.ndarray) -> None:
        found = tesseract_api.detect_orientation(synthetic.rotate_page(english_page, 180), 30)
        assert found is not None and found[0] == 180

    def test_quarter_turn_is_undone_clockwise(self, way: str, english_page: np.ndarray) -> None:
        turned = synthetic.rotate_page(english_page, 90)  # counter-clockwise
        found = tesseract_api.detect_orientation(turned, 30)
        assert found is not None and found[0] == 90


@pytest.mark.skipif(tesseract_api.tesserocr is None, reason="tesserocr is not installed")
class TestWarmUp:
    """An engine loaded in the background is taken over by the first thread that reads with it."""

    def test_read_in_another_thread_takes_the_warmed_engine(self, english_page: np.ndarray) -> None:
        key = ("eng", 3)  # a key no other test loads
        tesseract_api.warm_up(*key)
        assert key in tesseract_api._warming
        with ThreadPoolExecutor(1) as pool:
            data = pool.submit(tesseract_api.read_words, english_page, *key, 60).result()
        assert ENGLISH[0].split()[0] in data["text"]
        assert key not in tesseract_api._warming  # taken, not loaded a second time

    def test_an_engine_this_thread_has_is_not_loaded_again(self, english_page: np.ndarray) -> None:
        # The Latin engine is warmed on every page OSD finds Latin; a worker loads it once.
        key = ("eng", 7)  # a key no other test loads
        tesseract_api.read_words(english_page, *key, 60)
        tesseract_api.warm_up(*key)
        assert key not in tesseract_api._warming

    def test_a_load_that_failed_fails_the_read(self, english_page: np.ndarray) -> None:
        tesseract_api.warm_up("xyz", 4)
        with pytest.raises(tesseract_results.TesseractFailed, match="xyz"):
            tesseract_api.read_words(english_page, "xyz", 4, 60)


class TestQuietStderr:
    """Leptonica's notes during a call are dropped; stderr works again afterwards."""

    def test_notes_dropped_then_restored(self, capfd) -> None:
        with tesseract_api._quiet_stderr(), tesseract_api._quiet_stderr():
            os.write(2, b"Error in pixScanForForeground: invalid box\n")
        os.write(2, b"after\n")
        assert capfd.readouterr().err == "after\n"


class TestStartUp:
    """What `invoiceme ocr FILE` pays before reading: no process to find the languages, no NATS client."""

    def test_languages_are_the_traineddata_files(self, tmp_path, monkeypatch) -> None:
        for name in ("eng", "heb", "osd"):
            (tmp_path / f"{name}.traineddata").write_bytes(b"")
        monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
        monkeypatch.setattr(tessdata.subprocess, "run", _no_process)
        tessdata.tessdata_path.cache_clear()
        try:
            assert tessdata.tessdata_path() == str(tmp_path)
            assert tessdata.installed_languages() == {"eng", "heb", "osd"}
        finally:
            tessdata.tessdata_path.cache_clear()

    def test_ocr_settings_do_not_load_the_nats_client(self) -> None:
        probe = "import sys, invoiceme_ocr.settings; print('nats' in sys.modules)"
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
        assert done.stdout.strip() == "False"


def _no_process(*args: object, **kwargs: object) -> None:
    raise AssertionError("a process was started to find the traineddata")


class TestOsdCharacters:
    """How many letters OSD classifies is set on every call: a cheap look leaves no trace on the next."""

    def test_each_call_sets_its_own(self) -> None:
        if tesseract_api.tesserocr is None:
            pytest.skip("tesserocr is not installed")
        page = synthetic.render_page(ENGLISH * 3, dpi=300, width_in=6, height_in=4)
        engine = tesseract_api._engine(*tesseract_api.OSD)
        assert tesseract_api.detect_orientation(page, 30, characters=5) is not None
        assert engine.GetIntVariable("min_characters_to_try") == 5
        assert tesseract_api.detect_orientation(page, 30) is not None
        assert engine.GetIntVariable("min_characters_to_try") == tesseract_results.OSD_CHARACTERS

    def test_the_program_takes_it_too(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(tesseract_api, "tesserocr", None)
        page = synthetic.render_page(ENGLISH * 3, dpi=300, width_in=6, height_in=4)
        reading = tesseract_api.detect_orientation(page, 30, characters=5)
        assert reading is not None and reading.degrees == 0

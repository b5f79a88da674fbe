"""`invoiceme ocr --warm`: the same answers as a cold call, from one reader that stays loaded between
calls, that is replaced when the settings differ and that goes away when idle or killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from invoiceme_cli.entry import warm_ocr_call
from invoiceme_cli.main import cli
from invoiceme_cli.warm_ocr import (
    configuration_key,
    decode_answer,
    decode_request,
    encode_answer,
    encode_request,
    runtime_folder,
)
from tests.support import synthetic_pages as synthetic

from .conftest import ENGLISH


def _environment(runtime: Path, idle: float = 60) -> dict[str, str]:
    environ = {key: value for key, value in os.environ.items() if not key.lower().startswith("ocr_")}
    return {**environ, "XDG_RUNTIME_DIR": str(runtime), "INVOICEME_OCR_WARM_IDLE": str(idle)}


def _invoiceme(*arguments: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from invoiceme_cli.entry import main; main()", *arguments]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=120, check=False)


def _readers(runtime: Path) -> list[int]:
    readers = []
    for pid_file in (runtime / "invoiceme").glob("ocr-*.pid"):
        try:
            readers.append(int(pid_file.read_text()))
        except FileNotFoundError:  # a reader that exits removes its file between the listing and the read
            continue
    return readers


def _wait_until(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


class TestWhichCalls:
    def test_an_ocr_call_with_the_flag_or_the_variable(self) -> None:
        assert warm_ocr_call(["ocr", "--warm", "a.png"], {})
        assert warm_ocr_call(["ocr", "a.png"], {"INVOICEME_OCR_WARM": "1"})
        assert warm_ocr_call(["ocr", "a.png"], {"INVOICEME_OCR_WARM": " True "})
        assert not warm_ocr_call(["ocr", "a.png"], {"INVOICEME_OCR_WARM": "0"})
        assert not warm_ocr_call(["ocr", "--warm", "--help"], {})  # click answers for help
        assert not warm_ocr_call(["ocr", "--", "--warm"], {})  # a file named --warm
        assert not warm_ocr_call(["extract", "--warm", "a.png"], {"INVOICEME_OCR_WARM": "1"})


class TestKey:
    def test_ocr_settings_and_code_change_the_reader_other_variables_do_not(self) -> None:
        key = configuration_key({"PATH": "/bin", "OCR_LANGUAGES": "eng"}, "", "1.0")
        assert key == configuration_key(
            {"PATH": "/usr/bin", "OCR_LANGUAGES": "eng"}, "DATABASE_URL=x\n", "1.0"
        )
        assert key != configuration_key({"OCR_LANGUAGES": "heb+eng"}, "", "1.0")
        assert key != configuration_key({"OCR_LANGUAGES": "eng"}, "export OCR_PSM=6\n", "1.0")
        assert key != configuration_key({"OCR_LANGUAGES": "eng"}, "", "2.0")  # an upgraded checkout

    def test_a_folder_others_may_enter_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "invoiceme").mkdir(mode=0o755)
        os.chmod(tmp_path / "invoiceme", 0o755)
        with pytest.raises(PermissionError, match="chmod 700"):
            runtime_folder({"XDG_RUNTIME_DIR": str(tmp_path)})
        os.chmod(tmp_path / "invoiceme", 0o700)
        assert runtime_folder({"XDG_RUNTIME_DIR": str(tmp_path)}) == str(tmp_path / "invoiceme")


class TestProtocol:
    """What a warm call sends and receives, and what it loads to do so."""

    def test_a_request_and_an_answer_come_back_as_sent(self) -> None:
        arguments = ["--json", "--", "two\nlines.png", "caf\udce9.png", ""]  # a newline, a non-UTF-8 byte
        assert decode_request(encode_request("/home/me", arguments)) == ("/home/me", arguments)
        answer = (2, "naïve text\n", "שגיאה: reason\n")
        assert decode_answer(encode_answer(*answer)) == answer

    def test_a_reader_gone_mid_call_sends_no_answer(self) -> None:
        assert decode_answer(b"") is None

    def test_an_empty_request_is_refused(self) -> None:
        with pytest.raises(ValueError):
            decode_request(b"")

    def test_a_warm_call_loads_none_of_the_heavier_modules(self) -> None:
        # json, pathlib, socket and typing (and re, enum under them) were a third of a call's CPU
        heavy = ("json", "pathlib", "socket", "typing", "re", "enum", "importlib.util", "subprocess")
        code = (
            "import sys; import invoiceme_cli.entry, invoiceme_cli.warm_ocr as w; w._code_stamp(); "
            f"print(sorted(set({heavy!r}) & set(sys.modules)))"
        )
        loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert loaded.stdout.strip() == "[]"


def test_warm_calls_answer_as_cold_ones_from_one_reader(tmp_path: Path, english_page) -> None:
    image = tmp_path / "scan.png"
    image.write_bytes(synthetic.encode(english_page, "PNG"))
    runtime = tmp_path / "run"
    env = _environment(runtime)
    cold = _invoiceme("ocr", "scan.png", env=env, cwd=tmp_path)
    first = _invoiceme("ocr", "--warm", "scan.png", env=env, cwd=tmp_path)  # starts the reader
    readers = _readers(runtime)
    try:
        assert cold.returncode == first.returncode == 0, first.stderr
        assert ENGLISH[0] in cold.stdout and first.stdout == cold.stdout
        assert len(readers) == 1
        second = _invoiceme("ocr", "--warm", "--json", "scan.png", "missing.png", env=env, cwd=tmp_path)
        assert _readers(runtime) == readers  # answered by the same reader
        assert second.returncode == 1
        assert "missing.png: cannot read: No such file or directory" in second.stderr
        assert '"media_type": "image/png"' in second.stdout and ENGLISH[0] in second.stdout
        with pytest.MonkeyPatch.context() as patch:  # the click command's own --warm, in process
            patch.chdir(tmp_path)
            in_process = CliRunner().invoke(cli, ["ocr", "--warm", "scan.png"], env=env)
        assert in_process.exit_code == 0 and in_process.stdout == cold.stdout
        assert _readers(runtime) == readers
        wrong = _invoiceme("ocr", "--warm", "--workers", "0", "scan.png", env=env, cwd=tmp_path)
        assert wrong.returncode == 2 and "Invalid value for '--workers'" in wrong.stderr  # click's own words
        other = _invoiceme("ocr", "--warm", "scan.png", env={**env, "OCR_LANGUAGES": "eng"}, cwd=tmp_path)
        assert other.returncode == 0 and ENGLISH[0] in other.stdout
        assert len(_readers(runtime)) == 2  # other settings, another reader
    finally:
        for pid in _readers(runtime):
            os.kill(pid, signal.SIGTERM)
    assert _wait_until(lambda: not _readers(runtime) and not list(runtime.glob("invoiceme/*.sock")))


def test_an_idle_reader_exits_and_the_next_call_starts_another(tmp_path: Path, english_page) -> None:
    image = tmp_path / "scan.png"
    image.write_bytes(synthetic.encode(english_page, "PNG"))
    runtime = tmp_path / "run"
    env = _environment(runtime, idle=1)
    assert _invoiceme("ocr", "--warm", "scan.png", env=env, cwd=tmp_path).returncode == 0
    assert _wait_until(lambda: not _readers(runtime))  # gone after a second without a call
    again = _invoiceme("ocr", "--warm", "scan.png", env=env, cwd=tmp_path)
    assert again.returncode == 0 and ENGLISH[0] in again.stdout
    assert "reading here" not in again.stderr  # a new reader answered, not the fallback

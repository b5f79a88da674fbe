"""`invoiceme ocr --warm`: a background reader that keeps Tesseract, NumPy and OpenCV loaded.

A one-image `invoiceme ocr` spends ~0.5-0.8 s of CPU on start-up (imports, traineddata, OSD data)
before it reads a pixel (docs/BENCHMARKS.md, "`invoiceme ocr FILE`: what a one-file call pays
besides the read"). With `--warm` the command only sends its arguments over a Unix socket to a
reader that has paid that once, and prints what the reader answers: the same text, reasons and exit
status as a cold call, because the reader runs the same `read_and_print`. The first call starts the
reader (and waits for it); the reader exits after INVOICEME_OCR_WARM_IDLE seconds (default 300)
without a call. Like dmypy or Gradle's daemon, it is opt-in.

One reader per configuration: the socket's name carries a digest of the OCR settings in force (OCR_*
variables, the .env's OCR_* lines), the Python and the code's modification times, so a changed
setting or an upgraded checkout gets a fresh reader. The socket lives in a folder only its user may
enter, and the reader serves only its own user.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TypedDict

from .entry import is_ocr_setting

IDLE_SECONDS = 300.0
START_TIMEOUT_SECONDS = 60.0  # imports and traineddata take ~1-3 s; a loaded machine, more


class Answer(TypedDict):
    """What the reader printed for one call, and the call's exit status."""

    status: int
    stdout: str
    stderr: str


_PACKAGES = ("invoiceme_cli", "invoiceme_ocr", "invoiceme_common")


def runtime_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """A folder only this user can enter: $XDG_RUNTIME_DIR's, else one in the temp folder. A folder
    someone else owns, or others may enter, is refused: a socket there could be another's reader."""
    base = environ.get("XDG_RUNTIME_DIR")
    if base:
        folder = Path(base) / "invoiceme"
    else:
        folder = Path(environ.get("TMPDIR", "/tmp")) / f"invoiceme-{os.getuid()}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = folder.stat()
    if status.st_uid != os.getuid() or status.st_mode & 0o077:
        raise PermissionError(f"{folder} must belong to you and be closed to others (chmod 700)")
    return folder


def configuration_key(environ: dict[str, str], dotenv_text: str, code_stamp: str) -> str:
    """A short digest of everything the reader's answers depend on besides the request itself."""
    settings = sorted((name.lower(), value) for name, value in environ.items() if is_ocr_setting(name))
    dotenv = sorted(line.strip() for line in dotenv_text.splitlines() if is_ocr_setting(line.strip()))
    text = json.dumps([settings, dotenv, sys.executable, code_stamp])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _code_stamp() -> str:
    """The newest modification time of the packages a reader runs: an edited or upgraded checkout
    must not be answered by a reader that loaded the old code."""
    import importlib.util

    newest = 0.0
    for package in _PACKAGES:
        spec = importlib.util.find_spec(package)
        folders = (spec.submodule_search_locations or []) if spec else []
        for folder in folders:
            for root, _, names in os.walk(folder):
                for name in names:
                    if name.endswith(".py"):
                        newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)
    return f"{newest:.6f}"


def socket_path() -> Path:
    try:
        dotenv = Path(".env").read_text(encoding="utf-8", errors="replace")
    except OSError:  # no .env here
        dotenv = ""
    return runtime_folder() / f"ocr-{configuration_key(dict(os.environ), dotenv, _code_stamp())}.sock"


# Set in the warm reader itself, and after a call it could not take: the command then reads here.
read_here = False


def forward(arguments: list[str]) -> int | None:
    """Send an `ocr` call's arguments to the warm reader (started when none answers) and print its
    answer; the call's exit status. None when no reader could be reached or started: the caller
    reads the files itself (and `read_here` says so to the command)."""
    global read_here
    request: dict[str, object] = {"cwd": os.getcwd(), "arguments": arguments}
    try:
        path = socket_path()
        answer = _ask(path, request)
        if answer is None:
            _start_reader(path)
            answer = _ask(path, request, wait_seconds=START_TIMEOUT_SECONDS)
        if answer is None:
            raise OSError(f"the reader did not start; see {path.with_suffix('.log')}")
    except OSError as error:
        print(f"invoiceme ocr --warm: no warm reader ({error}); reading here", file=sys.stderr)
        read_here = True
        return None
    sys.stdout.write(answer["stdout"])
    sys.stdout.flush()
    sys.stderr.write(answer["stderr"])
    return answer["status"]


def _ask(path: Path, request: dict[str, object], wait_seconds: float = 0.0) -> Answer | None:
    """The reader's answer, or None when nothing listens there (within wait_seconds)."""
    deadline = time.monotonic() + wait_seconds
    while True:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            client.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError):
            client.close()
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)
            continue
        with client, client.makefile("rwb") as stream:
            stream.write(json.dumps(request).encode() + b"\n")
            stream.flush()
            line = stream.readline()
        if not line:  # the reader went away mid-call (idle exit racing this call): ask a new one
            return None
        answer: Answer = json.loads(line)
        return answer


def _start_reader(path: Path) -> None:
    import subprocess

    idle = os.environ.get("INVOICEME_OCR_WARM_IDLE", str(IDLE_SECONDS))
    with path.with_suffix(".log").open("ab") as log:
        subprocess.Popen(  # our own module, with our own interpreter
            [sys.executable, "-m", "invoiceme_cli.warm_reader", str(path), idle],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,  # outlives the call that started it; a Ctrl-C there is not its
            close_fds=True,
        )

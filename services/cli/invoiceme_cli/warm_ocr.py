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

This module is all a warm call loads besides `entry`, so it imports only what Python has loaded at
start-up (os, sys) and C modules: json, pathlib, socket, typing and importlib.util (re, enum) were
~30 ms of CPU per call, a third of the call's own cost (docs/BENCHMARKS.md, ocrcost11). Hence the
plain protocol: the request is the caller's folder and arguments, NUL-separated, ended by closing
the writing side; the answer `STATUS STDOUT_BYTES\n`, stdout, then stderr to the end.
"""

from __future__ import annotations

import _socket
import hashlib
import os
import sys
import time
from collections.abc import Mapping

from .entry import is_ocr_setting

IDLE_SECONDS = 300.0
START_TIMEOUT_SECONDS = 60.0  # imports and traineddata take ~1-3 s; a loaded machine, more
ENCODING, ERRORS = "utf-8", "surrogateescape"  # printed text both ways, undecodable bytes kept

_PACKAGES = ("invoiceme_cli", "invoiceme_ocr", "invoiceme_common")


def runtime_folder(environ: Mapping[str, str] = os.environ) -> str:
    """A folder only this user can enter: $XDG_RUNTIME_DIR's, else one in the temp folder. A folder
    someone else owns, or others may enter, is refused: a socket there could be another's reader."""
    base = environ.get("XDG_RUNTIME_DIR")
    if base:
        folder = os.path.join(base, "invoiceme")
    else:
        folder = os.path.join(environ.get("TMPDIR", "/tmp"), f"invoiceme-{os.getuid()}")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    status = os.stat(folder)
    if status.st_uid != os.getuid() or status.st_mode & 0o077:
        raise PermissionError(f"{folder} must belong to you and be closed to others (chmod 700)")
    return folder


def configuration_key(environ: Mapping[str, str], dotenv_text: str, code_stamp: str) -> str:
    """A short digest of everything the reader's answers depend on besides the request itself."""
    settings = sorted((name.lower(), value) for name, value in environ.items() if is_ocr_setting(name))
    dotenv = sorted(line.strip() for line in dotenv_text.splitlines() if is_ocr_setting(line.strip()))
    text = repr([settings, dotenv, sys.executable, code_stamp])
    return hashlib.sha256(text.encode(ENCODING, ERRORS)).hexdigest()[:16]


def _code_stamp() -> str:
    """The newest modification time of the packages a reader runs: an edited or upgraded checkout
    must not be answered by a reader that loaded the old code."""
    from importlib.machinery import PathFinder  # sys.path's own search, as an import makes it

    newest = 0.0
    for package in _PACKAGES:
        spec = PathFinder.find_spec(package)
        folders = (spec.submodule_search_locations or []) if spec else []
        for folder in folders:
            for root, _, names in os.walk(folder):
                for name in names:
                    if name.endswith(".py"):
                        newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)
    return f"{newest:.6f}"


def socket_path() -> str:
    try:
        with open(".env", encoding="utf-8", errors="replace") as dotenv_file:
            dotenv = dotenv_file.read()
    except OSError:  # no .env here
        dotenv = ""
    key = configuration_key(os.environ, dotenv, _code_stamp())
    return os.path.join(runtime_folder(), f"ocr-{key}.sock")


def encode_request(cwd: str, arguments: list[str]) -> bytes:
    return b"\0".join(os.fsencode(field) for field in [cwd, *arguments])


def decode_request(data: bytes) -> tuple[str, list[str]]:
    """The caller's folder and arguments; ValueError when `data` is not a request."""
    cwd, *arguments = (os.fsdecode(field) for field in data.split(b"\0"))
    if not cwd:
        raise ValueError("no folder in the request")
    return cwd, arguments


def encode_answer(status: int, stdout: str, stderr: str) -> bytes:
    out = stdout.encode(ENCODING, ERRORS)
    return b"%d %d\n" % (status, len(out)) + out + stderr.encode(ENCODING, ERRORS)


def decode_answer(data: bytes) -> tuple[int, str, str] | None:
    """The call's status, stdout and stderr; None when the reader sent no answer (it went away)."""
    header, newline, rest = data.partition(b"\n")
    if not newline:
        return None
    status, out_bytes = (int(number) for number in header.split())
    out, err = rest[:out_bytes], rest[out_bytes:]
    return status, out.decode(ENCODING, ERRORS), err.decode(ENCODING, ERRORS)


# Set in the warm reader itself, and after a call it could not take: the command then reads here.
read_here = False


def forward(arguments: list[str]) -> int | None:
    """Send an `ocr` call's arguments to the warm reader (started when none answers) and print its
    answer; the call's exit status. None when no reader could be reached or started: the caller
    reads the files itself (and `read_here` says so to the command)."""
    global read_here
    request = encode_request(os.getcwd(), arguments)
    try:
        path = socket_path()
        answer = _ask(path, request)
        if answer is None:
            _start_reader(path)
            answer = _ask(path, request, wait_seconds=START_TIMEOUT_SECONDS)
        if answer is None:
            raise OSError(f"the reader did not start; see {path.removesuffix('.sock')}.log")
    except OSError as error:
        print(f"invoiceme ocr --warm: no warm reader ({error}); reading here", file=sys.stderr)
        read_here = True
        return None
    status, stdout, stderr = answer
    sys.stdout.write(stdout)
    sys.stdout.flush()
    sys.stderr.write(stderr)
    return status


def _ask(path: str, request: bytes, wait_seconds: float = 0.0) -> tuple[int, str, str] | None:
    """The reader's answer, or None when nothing listens there (within wait_seconds)."""
    deadline = time.monotonic() + wait_seconds
    while True:
        client = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        try:
            client.connect(path)
        except (FileNotFoundError, ConnectionRefusedError):
            client.close()
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)
            continue
        try:
            client.sendall(request)
            client.shutdown(_socket.SHUT_WR)
            chunks = []
            while chunk := client.recv(1 << 16):
                chunks.append(chunk)
        finally:
            client.close()
        # no answer: the reader went away mid-call (idle exit racing this call): ask a new one
        return decode_answer(b"".join(chunks))


def _start_reader(path: str) -> None:
    import subprocess

    idle = os.environ.get("INVOICEME_OCR_WARM_IDLE", str(IDLE_SECONDS))
    with open(path.removesuffix(".sock") + ".log", "ab") as log:
        subprocess.Popen(  # our own module, with our own interpreter
            [sys.executable, "-m", "invoiceme_cli.warm_reader", path, idle],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,  # outlives the call that started it; a Ctrl-C there is not its
            close_fds=True,
        )

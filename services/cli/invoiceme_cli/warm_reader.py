"""The warm reader behind `invoiceme ocr --warm`: `python -m invoiceme_cli.warm_reader SOCKET IDLE`.

It loads what a read needs once, then answers calls on a Unix socket one at a time (a read takes
both of Tesseract's threads; two at once would only share them), each by running the command's own
`read_and_print` with its output captured, and exits after IDLE seconds without a call. A lock file
keeps two readers from serving one socket when two first calls start one each.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import signal
import socket
import struct
import sys
import time
from pathlib import Path
from typing import IO, TypedDict

from . import warm_ocr


class Answer(TypedDict):
    """What the reader printed for one call, and the call's exit status."""

    status: int
    stdout: str
    stderr: str


def answer(cwd: str, arguments: list[str]) -> Answer:
    """Run one call as the command would (its own option parsing, messages and exit status), in the
    caller's folder, and return what it printed."""
    from .ocr_cmd import ocr

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            os.chdir(cwd)
            ocr.main(arguments)
            status = 0
        except SystemExit as exit:  # click ends every call so, usage errors (2) included
            status = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
        except Exception as error:  # a bug answers this call with its reason; the reader goes on
            print(f"invoiceme ocr: unexpected error ({type(error).__name__}: {error})", file=sys.stderr)
            status = 1
    return {"status": status, "stdout": stdout.getvalue(), "stderr": stderr.getvalue()}


def _same_user(connection: socket.socket) -> bool:
    """The caller runs as this reader's user (the folder's mode says so too; this says it again)."""
    credentials = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


def _warm_up() -> None:
    """Import and load what the first read would, so that it pays none of it."""
    from invoiceme_ocr import images  # noqa: F401  # NumPy, OpenCV and the preprocessing steps
    from invoiceme_ocr.tesseract_api import warm_up

    from .ocr_cmd import _configuration

    for engine in _configuration(None)[0].engines():
        warm_up(*engine)


def _lock(path: Path) -> IO[str] | None:
    """The reader's lock on its socket, held while it serves; None when another reader holds it.
    A reader that is exiting lets go within moments, so a short wait tells the two apart."""
    lock = path.with_suffix(".lock").open("w")
    for _ in range(50):
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return lock
        except BlockingIOError:
            time.sleep(0.1)
    lock.close()
    return None


def serve(path: Path, idle_seconds: float) -> None:
    lock = _lock(path)
    if lock is None:
        return  # another reader serves this socket
    warm_ocr.read_here = True  # a --warm call's arguments are read here, not sent on
    _warm_up()
    path.unlink(missing_ok=True)  # a reader that died without cleaning up
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    os.chmod(path, 0o600)
    server.listen(16)
    server.settimeout(idle_seconds)
    pid_file = path.with_suffix(".pid")
    pid_file.write_text(f"{os.getpid()}\n")  # to stop it early: kill $(cat ...pid)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # a kill cleans up as an idle exit does
    try:
        while True:
            try:
                connection, _ = server.accept()
            except TimeoutError:
                return  # idle: give the memory back
            with connection, connection.makefile("rwb") as stream:
                connection.settimeout(None)
                if not _same_user(connection):
                    continue
                try:
                    cwd, arguments = warm_ocr.decode_request(stream.read())  # the caller's whole request
                    done = answer(cwd, arguments)
                    stream.write(warm_ocr.encode_answer(done["status"], done["stdout"], done["stderr"]))
                    stream.flush()
                except (ValueError, OSError):  # not a call, or the caller left (Ctrl-C): next one
                    continue
    finally:
        path.unlink(missing_ok=True)
        pid_file.unlink(missing_ok=True)
        server.close()
        lock.close()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), float(sys.argv[2]))

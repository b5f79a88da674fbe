"""The NATS configuration we deploy (deploy/nats/nats-server.conf), run by a real nats-server: no
anonymous client, each service only where it needs to be."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.security.nats_probe import PASSWORDS

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def deployed_nats(tmp_path_factory) -> Iterator[int]:
    port = _free_port()
    env = {**os.environ, **{f"NATS_{name.upper()}_PASSWORD": pw for name, pw in PASSWORDS.items()}}
    binary = Path(sys.executable).parent / "nats-server"
    folder = tmp_path_factory.mktemp("deployed-nats")
    # The deployed file as it is, with only its data folder moved (the server refuses two store_dirs).
    config = (ROOT / "deploy/nats/nats-server.conf").read_text().replace("/data", str(folder / "data"))
    (folder / "nats-server.conf").write_text(config)
    listen = ["-a", "127.0.0.1", "-p", str(port), "-m", str(_free_port())]
    process = subprocess.Popen(
        [str(binary), "-c", str(folder / "nats-server.conf"), *listen],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "nats-server.log").open("wb"),
    )
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            log = (folder / "nats-server.log").read_text()
            assert process.poll() is None and time.monotonic() < deadline, f"nats-server did not start: {log}"
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(10)


class TestDeployedNats:
    """Credentials are required; each service reaches what its work needs; nobody deletes the stream."""

    def test_each_user_where_it_needs_to_be(self, deployed_nats):
        probe = subprocess.run(
            [sys.executable, "-m", "tests.security.nats_probe", str(deployed_nats)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert probe.returncode == 0, probe.stderr[-2000:]
        found = json.loads(probe.stdout.strip().splitlines()[-1])
        assert found == {
            "anonymous_connects": False,
            "gateway_declares_stream": True,
            "gateway_stores_file": True,
            "gateway_publishes": True,
            "ocr_reads_file": True,
            "ocr_publishes": True,
            "ocr_deletes_stream": False,
            "analytics_publishes": True,
            "analytics_reaches_files": False,
            "stream_kept": True,
        }

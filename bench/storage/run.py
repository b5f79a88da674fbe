"""Which async S3 client: a 25 MB streamed put and get through aiobotocore and through obstore,
against a real S3-compatible server on loopback (moto_server), each client in a process of its own.

    .venv/bin/python -m bench.storage.run [--mb 25] [--rounds 3]

moto_server is itself Python and shares the 2 cores, so absolute times are the server's as much as
the client's; the peak-RSS growth (what a 25 MB upload costs the service's memory) is the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

from tests.support.s3_server import running_s3_server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"load before: {os.getloadavg()[0]:.2f} (1-min average)")
    with running_s3_server() as server:
        for client in ("aiobotocore", "obstore", "invoiceme") * 2:
            bucket = server.new_bucket()
            output = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.storage.clients",
                    client,
                    server.endpoint_url,
                    bucket,
                    "--mb",
                    str(args.mb),
                    "--rounds",
                    str(args.rounds),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            print(json.dumps(json.loads(output.strip().splitlines()[-1])))
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

"""A local HTTP server (127.0.0.1, random port) that speaks the Bank of Israel SDMX-CSV, Frankfurter
and OpenAI chat-completions formats, and records what it was asked."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

BOI_CSV = (
    "SERIES_CODE,FREQ,BASE_CURRENCY,COUNTER_CURRENCY,UNIT_MEASURE,TIME_PERIOD,OBS_VALUE\n"
    "RER_USD_ILS,D,USD,ILS,ILS,2024-03-07,3.6010\n"
    "RER_USD_ILS,D,USD,ILS,ILS,2024-03-08,3.6120\n"
)


class FakeServer:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.chat_reply = "Plain text."
        self.fail = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: str, content_type: str) -> None:
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                server.requests.append((parts.path, query))
                if server.fail:
                    return self._send(503, "down", "text/plain")
                if parts.path.startswith("/boi/RER_USD_ILS"):
                    return self._send(200, BOI_CSV, "text/csv")
                if parts.path.startswith("/frankfurter/"):
                    body = {
                        "amount": 1.0,
                        "base": query["base"],
                        "date": parts.path.rsplit("/", 1)[1],
                        "rates": {query["symbols"]: 0.9234},
                    }
                    return self._send(200, json.dumps(body), "application/json")
                return self._send(404, "{}", "application/json")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                server.requests.append((self.path, json.loads(self.rfile.read(length))))
                reply = {"choices": [{"message": {"role": "assistant", "content": server.chat_reply}}]}
                return self._send(200, json.dumps(reply), "application/json")

        return Handler


@contextmanager
def fake_server() -> Iterator[FakeServer]:
    fake = FakeServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), fake.handler())
    fake.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        httpd.shutdown()
        httpd.server_close()

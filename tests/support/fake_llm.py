"""A real HTTP server on 127.0.0.1 that speaks Groq's OpenAI-compatible chat completions and Ollama's
/api/chat, scriptable per request: 429 with Retry-After, 5xx, slow replies, malformed JSON."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    content: str | None = None  # the model's message content; None = the server's default answer
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (timeouts)
    raw_body: str | None = None  # send this body verbatim instead of a wire-format envelope


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    at: float


class FakeLlmServer:
    def __init__(self, default_content: str) -> None:
        self.default_content = default_content
        self.script: deque[Reply] = deque()
        self.received: list[Received] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.received.append(Received(self.path, dict(self.headers), body, time.monotonic()))
                reply = server.script.popleft() if server.script else Reply()
                time.sleep(reply.delay)
                payload = (
                    reply.raw_body if reply.raw_body is not None else server.envelope(self.path, body, reply)
                )
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("content-type", "application/json")
                    self.end_headers()
                    self.wfile.write(payload.encode())
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def envelope(self, path: str, body: dict[str, Any], reply: Reply) -> str:
        content = reply.content if reply.content is not None else self.default_content
        if reply.status >= 400:
            return json.dumps({"error": {"message": "scripted failure", "type": "server_error"}})
        if path.endswith("/chat/completions"):  # Groq / OpenAI wire format
            return json.dumps(
                {
                    "id": "chatcmpl-fake",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": body.get("model"),
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": content},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
                }
            )
        if path == "/api/chat":  # Ollama wire format (durations in nanoseconds)
            return json.dumps(
                {
                    "model": body.get("model"),
                    "created_at": "2026-11-25T10:00:00Z",
                    "message": {"role": "assistant", "content": content},
                    "done": True,
                    "done_reason": "stop",
                    "total_duration": 1_000_000,
                    "eval_count": 50,
                }
            )
        return json.dumps({"error": "not found"})

    def start(self) -> FakeLlmServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

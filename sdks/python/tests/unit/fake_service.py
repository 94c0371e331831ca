"""A real HTTP server on 127.0.0.1 (http.server, in a thread) answering a script of replies and recording
every request, so the client under test talks HTTP through urllib exactly as it would to the service."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional


class Received:
    def __init__(self, method: str, path: str, query: List[tuple], headers: Dict[str, str], body: bytes) -> None:
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body

    def header(self, name: str) -> Optional[str]:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


def reply(status: int, body: Any = None, raw: Optional[str] = None, headers: Optional[Dict[str, str]] = None):
    return {"status": status, "body": body, "raw": raw, "headers": headers or {}}


DROP = {"drop": True}
HANG = {"hang": True}


class FakeService:
    def __init__(self) -> None:
        self.received: List[Received] = []
        self.script: List[Dict[str, Any]] = []
        self._release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                url = urllib.parse.urlsplit(self.path)
                fake.received.append(Received(self.command, url.path, urllib.parse.parse_qsl(url.query),
                                              dict(self.headers.items()), body))
                step = fake.script.pop(0) if fake.script else reply(599, raw="no scripted reply left")
                if step.get("drop"):
                    self.close_connection = True
                    self.connection.close()
                    return
                if step.get("hang"):
                    fake._release.wait(30)
                    self.close_connection = True
                    return
                text = step["raw"] if step["raw"] is not None else (
                    "" if step["body"] is None else json.dumps(step["body"]))
                payload = text.encode("utf-8")
                self.send_response(step["status"])
                content_type = "application/problem+json" if step["status"] >= 400 else "application/json"
                headers = {"Content-Type": content_type, **step["headers"]}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PATCH = do_DELETE = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        self.base_url = "http://127.0.0.1:%d/api" % self._server.server_address[1]

    def reply(self, *steps: Dict[str, Any]) -> "FakeService":
        self.script.extend(steps)
        return self

    def stop(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)


def wire_customer(**overrides: Any) -> Dict[str, Any]:
    customer = {
        "id": "cust_01jq3v6x9c4m2k8d7f5h1n0p2r",
        "externalId": "usr_98765",
        "email": "sarah@kampaltech.ug",
        "name": "Nakato Sarah",
        "country": "UG",
        "currency": "UGX",
        "status": "active",
        "metadata": {"user_id": "usr_98765", "account_type": "business"},
        "totalSpent": 150000.25,
        "activeSubscriptions": 1,
        "createdAt": "2025-03-01T10:00:00.000Z",
        "updatedAt": "2025-03-02T11:30:00.500Z",
    }
    customer.update(overrides)
    return customer


def problem(status: int, code: str, detail: str, **extra: Any) -> Dict[str, Any]:
    document = {
        "type": "https://docs.novabilling.dev/errors/" + code,
        "title": code,
        "status": status,
        "detail": detail,
        "code": code,
        "requestId": "req_test0000000000000000000001",
    }
    document.update(extra)
    return document

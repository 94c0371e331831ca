"""One HTTP request to the service, with timeouts and retries, over the standard library's urllib."""

import email.utils
import http.client
import json
import random
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from decimal import Decimal
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from ._errors import APIConnectionError, APITimeoutError, NovaBillingError, error_for, parse_problem

VERSION = "0.1.0"
DEFAULT_BASE_URL = "http://localhost:3000/api"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2

#: First backoff, doubled per retry up to MAX_BACKOFF, then jittered down by up to 25%.
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
#: A Retry-After longer than this (seconds) is not waited for: the error is raised instead.
MAX_RETRY_AFTER = 60.0

_IDEMPOTENCY_KEY = re.compile(r"^[\x20-\x7e]{1,255}$")


def check_idempotency_key(key: str) -> None:
    """1-255 printable ASCII characters, as the service requires."""
    if not isinstance(key, str) or not _IDEMPOTENCY_KEY.match(key):
        raise ValueError("idempotency_key must be 1-255 printable ASCII characters")


def retry_after_seconds(headers: Mapping[str, str], now: Optional[float] = None) -> Optional[float]:
    """``Retry-After`` as delay-seconds or an HTTP date, in seconds; None when absent or unreadable."""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if value is None or not value.strip():
        return None
    value = value.strip()
    if re.match(r"^\d+(\.\d+)?$", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Transport:
    def __init__(self, token: str, base_url: str, timeout: float, max_retries: int,
                 sleep: Callable[[float], None], rand: Callable[[], float] = random.random) -> None:
        self._token = token
        self._base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._max_retries = max_retries
        self._sleep = sleep
        self._random = rand
        self._opener = urllib.request.build_opener()

    def backoff(self, retry: int) -> float:
        """Exponential backoff with jitter: 0.5 s, 1 s, 2 s, ... up to 8 s, each shortened by up to 25%."""
        exponential = min(MAX_BACKOFF, INITIAL_BACKOFF * (2 ** retry))
        return exponential * (1 - 0.25 * self._random())

    def request(self, method: str, path: str, *, query: Optional[Mapping[str, Any]] = None,
                body: Optional[Mapping[str, Any]] = None, idempotency_key: Optional[str] = None) -> Any:
        write = method != "GET"
        if write:
            idempotency_key = idempotency_key if idempotency_key is not None else str(uuid.uuid4())
            check_idempotency_key(idempotency_key)
        url = self._url(path, query)
        headers = {
            "Accept": "application/json",
            "Authorization": "Bearer " + self._token,
            "User-Agent": "novabilling-python/" + VERSION,
        }
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body, ensure_ascii=False, allow_nan=False).encode("utf-8")
        if write:
            headers["Idempotency-Key"] = idempotency_key  # type: ignore[assignment]

        retry = 0
        while True:
            # Every write carries an Idempotency-Key (the caller's or a fresh UUID, the same on every attempt),
            # so a retry can never apply a write twice: the service answers the first outcome again.
            can_retry = retry < self._max_retries
            try:
                status, response_headers, raw = self._attempt(method, url, headers, data)
            except APIConnectionError:
                if not can_retry:
                    raise
                self._sleep(self.backoff(retry))
                retry += 1
                continue
            if 200 <= status < 300:
                return _decode(raw, status, response_headers)
            decoded = _try_decode(raw, response_headers)
            problem = parse_problem(decoded)
            if can_retry and _should_retry(status, problem.code if problem else None):
                wait = retry_after_seconds(response_headers)
                if wait is None or wait <= MAX_RETRY_AFTER:
                    self._sleep(self.backoff(retry) if wait is None else wait)
                    retry += 1
                    continue
            raise error_for(status, problem, response_headers,
                            None if problem else _fallback_detail(raw, status))

    def _url(self, path: str, query: Optional[Mapping[str, Any]]) -> str:
        url = self._base_url + path
        if query:
            pairs = [(name, _query_value(value)) for name, value in query.items() if value is not None]
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        return url

    def _attempt(self, method: str, url: str, headers: Dict[str, str],
                 data: Optional[bytes]) -> Tuple[int, Dict[str, str], bytes]:
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            try:
                with self._opener.open(request, timeout=self._timeout) as response:
                    return response.status, dict(response.headers.items()), response.read()
            except urllib.error.HTTPError as error:
                with error:
                    return error.code, dict(error.headers.items()), error.read()
        except (socket.timeout, TimeoutError) as error:
            raise APITimeoutError("No answer from %s %s within %s s" % (method, url, self._timeout)) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, (socket.timeout, TimeoutError)):
                raise APITimeoutError("No answer from %s %s within %s s" % (method, url, self._timeout)) from error
            raise APIConnectionError("Connection to %s %s failed: %s" % (method, url, error.reason)) from error
        except (http.client.HTTPException, OSError) as error:
            raise APIConnectionError("Connection to %s %s failed: %r" % (method, url, error)) from error


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _should_retry(status: int, code: Optional[str]) -> bool:
    """429 and 503 always; 409 ``idempotency_key_in_use`` (the same key's first request is still running)."""
    return status in (429, 503) or (status == 409 and code == "idempotency_key_in_use")


def _decode(raw: bytes, status: int, headers: Mapping[str, str]) -> Any:
    try:
        return json.loads(raw.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as error:
        request_id = next((v for k, v in headers.items() if k.lower() == "x-request-id"), None)
        raise NovaBillingError("The service answered %d with a body that is not JSON%s"
                               % (status, " (request %s)" % request_id if request_id else "")) from error


def _try_decode(raw: bytes, headers: Mapping[str, str]) -> Any:
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    if "json" not in content_type.lower():
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def _fallback_detail(raw: bytes, status: int) -> str:
    text = " ".join(raw.decode("utf-8", errors="replace").split())[:200]
    return text or http.client.responses.get(status, "no details")

"""The errors the client raises: one base, one class per meaningful HTTP status, and no-answer errors."""

from typing import Any, List, Mapping, Optional

from ._models import FieldError, Problem, from_wire


class NovaBillingError(Exception):
    """The base of every error this client raises."""


class APIError(NovaBillingError):
    """The service answered with an error status.

    ``status``, ``code``, ``detail``, ``request_id`` and ``errors`` come from the problem document
    (RFC 9457); ``request_id`` falls back to the ``X-Request-Id`` header when the body is not a problem
    document (a proxy's error page, say). ``str(error)`` holds all of them, so logging the error is enough to
    quote the request id to support.
    """

    def __init__(self, status: int, problem: Optional[Problem], headers: Mapping[str, str],
                 fallback_detail: Optional[str] = None) -> None:
        self.status = status
        self.problem = problem
        self.headers = dict(headers)
        self.code: Optional[str] = problem.code if problem else None
        self.title: Optional[str] = problem.title if problem else None
        self.type: Optional[str] = problem.type if problem else None
        self.detail: Optional[str] = problem.detail if problem and problem.detail else fallback_detail
        self.request_id: Optional[str] = (problem.request_id if problem and problem.request_id
                                          else _header(headers, "X-Request-Id"))
        self.errors: List[FieldError] = list(problem.errors or []) if problem else []
        super().__init__(_describe(status, self.code, self.detail, self.request_id))


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def _describe(status: int, code: Optional[str], detail: Optional[str], request_id: Optional[str]) -> str:
    message = str(status)
    if code:
        message += " " + code
    if detail:
        message += ": " + detail
    if request_id:
        message += " (request " + request_id + ")"
    return message


class BadRequestError(APIError):
    """400: the request was malformed or invalid; ``errors`` names every offending field."""


class AuthenticationError(APIError):
    """401: the API key is missing, unknown, revoked or expired."""


class PermissionDeniedError(APIError):
    """403: the API key lacks the scope the call needs."""


class NotFoundError(APIError):
    """404: no such customer in your tenant (``customer_not_found``), or no such route."""


class ConflictError(APIError):
    """409: a unique rule was broken (``customer_email_taken``, ``customer_external_id_taken``)."""


class UnprocessableEntityError(APIError):
    """422: understood but refused (e.g. an Idempotency-Key reused with another request)."""


class RateLimitError(APIError):
    """429: too many requests; retried automatically, raised once the retries are spent."""


class InternalServerError(APIError):
    """5xx: the service failed; 503 (``service_unavailable``) is retried automatically."""


class APIConnectionError(NovaBillingError):
    """No answer: the connection failed or was cut. Retried automatically."""


class APITimeoutError(APIConnectionError):
    """No answer within ``timeout``."""


_BY_STATUS = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def parse_problem(data: Any) -> Optional[Problem]:
    """The problem document in a decoded JSON body, or None when it is not one."""
    if not isinstance(data, dict):
        return None
    try:
        problem = from_wire(Problem, data)
    except (TypeError, ValueError):
        return None
    return problem


def error_for(status: int, problem: Optional[Problem], headers: Mapping[str, str],
              fallback_detail: Optional[str] = None) -> APIError:
    """The error for an error status."""
    cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIError)
    return cls(status, problem, headers, fallback_detail)

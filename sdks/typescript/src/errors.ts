import type { FieldError, Problem } from './types.js';

/** The base of every error this client throws. */
export class NovaBillingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = new.target.name;
    if (options && 'cause' in options) {
      // Assigned rather than passed to super: ES2020 lib types have no ErrorOptions.
      (this as { cause?: unknown }).cause = options.cause;
    }
  }
}

/**
 * The service answered with an error status. `status`, `code`, `detail`, `requestId` and `errors` come from
 * the problem document (RFC 9457); `requestId` falls back to the `X-Request-Id` header when the body is not
 * a problem document (a proxy's error page, say). The message holds all of them, so logging the error is
 * enough to quote the request id to support.
 */
export class APIError extends NovaBillingError {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: FieldError[];
  readonly headers: Headers;
  /** The parsed problem document, when the body was one. */
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, headers: Headers, fallbackDetail?: string) {
    const requestId = problem?.requestId ?? headers.get('x-request-id') ?? undefined;
    const detail = problem?.detail ?? fallbackDetail;
    super(describe(status, problem?.code, detail, requestId));
    this.status = status;
    this.problem = problem;
    this.code = problem?.code;
    this.title = problem?.title;
    this.detail = detail;
    this.type = problem?.type;
    this.requestId = requestId;
    this.errors = Array.isArray(problem?.errors) ? problem!.errors : [];
    this.headers = headers;
  }
}

function describe(status: number, code: string | undefined, detail: string | undefined,
    requestId: string | undefined): string {
  let message = String(status);
  if (code) message += ` ${code}`;
  if (detail) message += `: ${detail}`;
  if (requestId) message += ` (request ${requestId})`;
  return message;
}

/** 400: the request was malformed or invalid; `errors` names every offending field. */
export class BadRequestError extends APIError {}
/** 401: the API key is missing, unknown, revoked or expired. */
export class AuthenticationError extends APIError {}
/** 403: the API key lacks the scope the call needs. */
export class PermissionDeniedError extends APIError {}
/** 404: no such customer in your tenant (`customer_not_found`), or no such route. */
export class NotFoundError extends APIError {}
/** 409: a unique rule was broken (`customer_email_taken`, `customer_external_id_taken`). */
export class ConflictError extends APIError {}
/** 422: the request was understood but refused (e.g. an Idempotency-Key reused with another request). */
export class UnprocessableEntityError extends APIError {}
/** 429: too many requests; retried automatically, thrown once the retries are spent. */
export class RateLimitError extends APIError {}
/** 5xx: the service failed; 503 (`service_unavailable`) is retried automatically. */
export class InternalServerError extends APIError {}

/** No answer: the connection failed or was cut. Retried automatically when that is safe. */
export class APIConnectionError extends NovaBillingError {}
/** No answer within `timeoutMs`. */
export class APITimeoutError extends APIConnectionError {}

/** The error class for an error status. */
export function errorFor(status: number, problem: Problem | undefined, headers: Headers,
    fallbackDetail?: string): APIError {
  const type = status === 400 ? BadRequestError
    : status === 401 ? AuthenticationError
    : status === 403 ? PermissionDeniedError
    : status === 404 ? NotFoundError
    : status === 409 ? ConflictError
    : status === 422 ? UnprocessableEntityError
    : status === 429 ? RateLimitError
    : status >= 500 ? InternalServerError
    : APIError;
  return new type(status, problem, headers, fallbackDetail);
}

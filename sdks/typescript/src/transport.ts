import { APIConnectionError, APITimeoutError, NovaBillingError, errorFor } from './errors.js';
import type { Problem, RequestOptions } from './types.js';

export const VERSION = '0.1.0';
export const DEFAULT_BASE_URL = 'http://localhost:3000/api';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;

/** First backoff, doubled per retry up to {@link MAX_BACKOFF_MS}, then jittered down by up to 25%. */
export const INITIAL_BACKOFF_MS = 500;
export const MAX_BACKOFF_MS = 8_000;
/** A `Retry-After` longer than this is not waited for: the error is thrown instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  token: string;
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  options?: RequestOptions;
}

/** One request, with timeouts and retries; the answer's JSON, or a typed error. */
export class Transport {
  constructor(private readonly settings: TransportOptions) {}

  async request<T>(request: ApiRequest): Promise<T> {
    const options = request.options ?? {};
    const write = request.method !== 'GET';
    const idempotencyKey = write ? (options.idempotencyKey ?? await newIdempotencyKey()) : undefined;
    if (idempotencyKey !== undefined) checkIdempotencyKey(idempotencyKey);
    const maxRetries = options.maxRetries ?? this.settings.maxRetries;
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    const url = this.url(request.path, request.query);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.settings.token}`,
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);

    for (let retry = 0; ; retry++) {
      // Every write carries an Idempotency-Key (the caller's or a fresh UUID, the same on every attempt), so a
      // retry can never apply a write twice: the service answers the first outcome again.
      const canRetry = retry < maxRetries;
      let response: Response;
      let text: string;
      try {
        ({ response, text } = await this.attempt(url, { method: request.method, headers, body }, timeoutMs,
          options.signal));
      } catch (error) {
        if (options.signal?.aborted || !(error instanceof APIConnectionError) || !canRetry) throw error;
        await this.settings.sleep(this.backoff(retry));
        continue;
      }
      if (response.ok) return parseJson<T>(text, response);
      const problem = parseProblem(text, response.headers);
      if (canRetry && shouldRetry(response.status, problem)) {
        const wait = retryAfterMs(response.headers);
        if (wait === undefined || wait <= MAX_RETRY_AFTER_MS) {
          await this.settings.sleep(wait ?? this.backoff(retry));
          continue;
        }
      }
      throw errorFor(response.status, problem, response.headers,
        problem === undefined ? fallbackDetail(text, response) : undefined);
    }
  }

  /** Exponential backoff with jitter: 500 ms, 1 s, 2 s, ... up to 8 s, each shortened by up to 25% at random. */
  backoff(retry: number): number {
    const exponential = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** retry);
    return Math.round(exponential * (1 - 0.25 * this.settings.random()));
  }

  private url(path: string, query: ApiRequest['query']): string {
    let url = this.settings.baseUrl.replace(/\/+$/, '') + path;
    if (query) {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== null) search.append(name, String(value));
      }
      const encoded = search.toString();
      if (encoded) url += `?${encoded}`;
    }
    return url;
  }

  /** One HTTP exchange, the body read whole, within `timeoutMs`. */
  private async attempt(url: string, init: RequestInit, timeoutMs: number, signal: AbortSignal | undefined):
      Promise<{ response: Response; text: string }> {
    signal?.throwIfAborted?.();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.settings.fetch(url, { ...init, signal: controller.signal });
      const text = await response.text();
      return { response, text };
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      if (timedOut) {
        throw new APITimeoutError(`No answer from ${init.method} ${url} within ${timeoutMs} ms`, { cause: error });
      }
      throw new APIConnectionError(`Connection to ${init.method} ${url} failed: ${describeCause(error)}`,
        { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** 429 and 503 always; 409 `idempotency_key_in_use` (the same key's first request is still running). */
function shouldRetry(status: number, problem: Problem | undefined): boolean {
  return status === 429 || status === 503 || (status === 409 && problem?.code === 'idempotency_key_in_use');
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson<T>(text: string, response: Response): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new NovaBillingError(`The service answered ${response.status} with a body that is not JSON`
      + requestIdSuffix(response.headers), { cause: error });
  }
}

function parseProblem(text: string, headers: Headers): Problem | undefined {
  const type = headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Problem : undefined;
  } catch {
    return undefined;
  }
}

function fallbackDetail(text: string, response: Response): string {
  const snippet = text.trim().replace(/\s+/g, ' ').slice(0, 200);
  return snippet || response.statusText || 'no details';
}

function requestIdSuffix(headers: Headers): string {
  const id = headers.get('x-request-id');
  return id ? ` (request ${id})` : '';
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = cause && typeof cause === 'object' && 'code' in cause ? ` (${String(cause.code)})` : '';
    return error.message + code;
  }
  return String(error);
}

/** 1-255 printable ASCII characters, as the service requires. */
export function checkIdempotencyKey(key: string): void {
  if (typeof key !== 'string' || !/^[\x20-\x7e]{1,255}$/.test(key)) {
    throw new TypeError('idempotencyKey must be 1-255 printable ASCII characters');
  }
}

/** A random UUID v4, from the platform's Web Crypto (browsers, Node 19+; Node 18's node:crypto otherwise). */
export async function newIdempotencyKey(): Promise<string> {
  let crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  if (!crypto?.getRandomValues) {
    const specifier = 'node:crypto'; // a variable, so that browser bundlers leave it alone
    crypto = ((await import(specifier)) as { webcrypto: Crypto }).webcrypto;
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

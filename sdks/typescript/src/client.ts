import { Customers } from './customers.js';
import {
  DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, Transport, type FetchLike,
} from './transport.js';

export interface NovaBillingClientOptions {
  /** Your API key, `sk_live_...` or `sk_test_...`. */
  token: string;
  /** Default `http://localhost:3000/api`. */
  baseUrl?: string;
  /** Per attempt, default 60 000. */
  timeoutMs?: number;
  /** Retries after the first attempt (429, 503, network errors), default 2. */
  maxRetries?: number;
  /** A fetch implementation; default the platform's `globalThis.fetch`. */
  fetch?: FetchLike;
  /** How the client waits between retries; default `setTimeout`. Tests pass their own. */
  sleep?: (ms: number) => Promise<void>;
}

/** The NovaBilling API client. */
export class NovaBillingClient {
  readonly customers: Customers;

  constructor(options: NovaBillingClientOptions) {
    if (!options || typeof options.token !== 'string' || options.token.trim() === '') {
      throw new TypeError('NovaBillingClient needs a token: new NovaBillingClient({ token: \'sk_live_...\' })');
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    if (!(timeoutMs > 0)) throw new TypeError('timeoutMs must be a positive number');
    if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new TypeError('maxRetries must be an integer >= 0');
    const platformFetch = (globalThis as { fetch?: FetchLike }).fetch;
    const fetch = options.fetch ?? (platformFetch ? platformFetch.bind(globalThis) : undefined);
    if (!fetch) throw new TypeError('no fetch: run on Node 18+ or a browser, or pass options.fetch');
    const transport = new Transport({
      token: options.token,
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      timeoutMs,
      maxRetries,
      fetch,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: Math.random,
    });
    this.customers = new Customers(transport);
  }
}

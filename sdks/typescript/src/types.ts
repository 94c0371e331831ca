/**
 * The wire types of the NovaBilling Customers API, exactly as the service sends and accepts them (camelCase
 * JSON). `test/integration/openapi.test.ts` checks every one of them against the OpenAPI document the
 * running service serves, so a change to the API that these types do not follow fails the build.
 */

/** `active` or `inactive`. */
export type CustomerStatus = 'active' | 'inactive';

/** A metadata value: a string (at most 500 characters), a number or a boolean. */
export type MetadataValue = string | number | boolean;

/** Your key-value data: a flat object of at most 50 keys (1-40 characters each). Keys are never renamed. */
export type Metadata = Record<string, MetadataValue>;

/** A customer of your tenant. */
export interface Customer {
  /** Unique identifier, `cust_` + 26 characters. */
  id: string;
  /** Your application's user id, or null. */
  externalId: string | null;
  email: string;
  name: string;
  /** ISO 3166-1 alpha-2, upper case, or null. */
  country: string | null;
  /** ISO 4217, upper case. */
  currency: string;
  status: CustomerStatus;
  metadata: Metadata;
  /** Lifetime amount paid (paid invoices), in the customer's currency. */
  totalSpent: number;
  /** Count of active subscriptions. */
  activeSubscriptions: number;
  /** ISO 8601 UTC, with milliseconds. */
  createdAt: string;
  /** ISO 8601 UTC, with milliseconds. */
  updatedAt: string;
}

/** `customers.create`: `email` and `name` are required; `null` counts as not given. */
export interface CreateCustomerParams {
  email: string;
  name: string;
  externalId?: string | null;
  country?: string | null;
  /** Defaults to the tenant's currency. */
  currency?: string | null;
  /** Defaults to `active`. */
  status?: CustomerStatus | null;
  metadata?: Metadata | null;
}

/**
 * `customers.update`: only the fields given change; `metadata` replaces the stored metadata whole; `null`
 * clears `externalId`, `country` and `metadata` (as `{}` does).
 */
export interface UpdateCustomerParams {
  email?: string;
  name?: string;
  externalId?: string | null;
  country?: string | null;
  currency?: string;
  status?: CustomerStatus;
  metadata?: Metadata | null;
}

/** How a list is sorted. */
export type CustomerSortField = 'createdAt' | 'updatedAt' | 'name' | 'email';
export type SortOrder = 'asc' | 'desc';

/** `customers.list` (and `listAll`): every parameter is optional. */
export interface ListCustomersParams {
  /** From 1 (default 1). */
  page?: number;
  /** 1..100 (default 20). */
  limit?: number;
  /** Case-insensitive substring of name or email. */
  search?: string;
  status?: CustomerStatus;
  country?: string;
  currency?: string;
  externalId?: string;
  /** Exact email, case-insensitive. */
  email?: string;
  /** Default `createdAt`. */
  sortBy?: CustomerSortField;
  /** Default `desc`. */
  sortOrder?: SortOrder;
  /**
   * Keyset paging: the page right after this customer id (the last of the previous page) in the chosen order.
   * Costs the same at any depth and skips or repeats no one while customers come and go. Not with `page`.
   */
  startingAfter?: string;
  /** Keyset paging: the page right before this customer id; `hasMore` then says whether more lie before it. */
  endingBefore?: string;
}

/** One page of customers. */
export interface CustomerList {
  data: Customer[];
  /** Customers matching the query over all pages (exact up to 1,000, an estimate beyond). */
  total: number;
  page: number;
  limit: number;
  totalPages: number;
  /** Whether a later page holds more customers. */
  hasMore: boolean;
}

/** What `customers.delete` did. */
export interface DeletedCustomer {
  id: string;
  deleted: boolean;
  canceledSubscriptions: number;
  voidedInvoices: number;
}

/** One broken rule of a rejected request. */
export interface FieldError {
  /** The input: a field, a JSON path (`metadata.plan`) or a query parameter. */
  field: string;
  message: string;
}

/** RFC 9457 problem details: the body of every error the API answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable machine code, e.g. `customer_email_taken`; open-ended so new codes never break a client. */
  code: string;
  requestId: string;
  errors?: FieldError[];
}

/** Per-call options, the last argument of every method. */
export interface RequestOptions {
  /**
   * Sent as `Idempotency-Key` on writes (create, update, delete); the client generates a UUID v4 for every
   * write when none is given, and reuses it for that call's retries.
   */
  idempotencyKey?: string;
  /** Aborts the call (and its retries). */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (per attempt). */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
}

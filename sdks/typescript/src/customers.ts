import type { Transport } from './transport.js';
import type {
  CreateCustomerParams, Customer, CustomerList, DeletedCustomer, ListCustomersParams, RequestOptions,
  UpdateCustomerParams,
} from './types.js';

/** `client.customers`: create, update, list, get and delete your tenant's customers. */
export class Customers {
  /** @internal */
  constructor(private readonly transport: Transport) {}

  /** `POST /customers`. Throws {@link ConflictError} when the email (or externalId) is taken. */
  create(params: CreateCustomerParams, options?: RequestOptions): Promise<Customer> {
    return this.transport.request<Customer>({ method: 'POST', path: '/customers', body: params, options });
  }

  /** `PATCH /customers/{id}`: only the fields given change; `metadata` is replaced whole. */
  update(id: string, params: UpdateCustomerParams, options?: RequestOptions): Promise<Customer> {
    return this.transport.request<Customer>({ method: 'PATCH', path: customerPath(id), body: params, options });
  }

  /**
   * `GET /customers`: one page (`data`, `total`, `page`, `limit`, `totalPages`, `hasMore`), by `page` or by
   * keyset (`startingAfter` / `endingBefore`, a customer id).
   */
  list(params?: ListCustomersParams, options?: RequestOptions): Promise<CustomerList> {
    return this.transport.request<CustomerList>({ method: 'GET', path: '/customers', query: { ...params }, options });
  }

  /**
   * Every customer matching `params`, page after page (`params.limit` per request), until `hasMore` is false.
   * The first request is `params` as given (`page` or `startingAfter` may set where to start); every later
   * one asks for the page after the last customer seen (`startingAfter`), so customers created or deleted
   * meanwhile make it skip or repeat no one, and a deep page costs no more than the first:
   *
   * ```ts
   * for await (const customer of client.customers.listAll({ country: 'UG', limit: 100 })) { ... }
   * ```
   */
  async *listAll(params?: ListCustomersParams, options?: RequestOptions): AsyncGenerator<Customer, void, undefined> {
    if (params?.endingBefore !== undefined) {
      throw new TypeError('listAll walks forward: give startingAfter (or page), not endingBefore');
    }
    let query: ListCustomersParams = { ...params };
    for (;;) {
      const result = await this.list(query, options);
      yield* result.data;
      const last = result.data[result.data.length - 1];
      if (!result.hasMore || last === undefined) return;
      const { page: _page, ...rest } = query;
      query = { ...rest, startingAfter: last.id };
    }
  }

  /** `GET /customers/{id}`. Throws {@link NotFoundError} for an unknown id. */
  get(id: string, options?: RequestOptions): Promise<Customer> {
    return this.transport.request<Customer>({ method: 'GET', path: customerPath(id), options });
  }

  /**
   * `DELETE /customers/{id}`: cancels its active subscriptions, voids its unpaid invoices, deletes it.
   * Irreversible. Throws {@link NotFoundError} for an unknown id.
   */
  delete(id: string, options?: RequestOptions): Promise<DeletedCustomer> {
    return this.transport.request<DeletedCustomer>({ method: 'DELETE', path: customerPath(id), options });
  }
}

function customerPath(id: string): string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new TypeError('a customer id (cust_...) is required');
  }
  return `/customers/${encodeURIComponent(id)}`;
}

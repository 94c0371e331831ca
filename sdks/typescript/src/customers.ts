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

  /** `GET /customers`: one page (`data`, `total`, `page`, `limit`, `totalPages`, `hasMore`). */
  list(params?: ListCustomersParams, options?: RequestOptions): Promise<CustomerList> {
    return this.transport.request<CustomerList>({ method: 'GET', path: '/customers', query: { ...params }, options });
  }

  /**
   * Every customer matching `params`, page after page (from `params.page`, default 1, `params.limit` per
   * request), until `hasMore` is false:
   *
   * ```ts
   * for await (const customer of client.customers.listAll({ country: 'UG', limit: 100 })) { ... }
   * ```
   */
  async *listAll(params?: ListCustomersParams, options?: RequestOptions): AsyncGenerator<Customer, void, undefined> {
    let page = params?.page ?? 1;
    for (;;) {
      const result = await this.list({ ...params, page }, options);
      yield* result.data;
      if (!result.hasMore || result.data.length === 0) return;
      page += 1;
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

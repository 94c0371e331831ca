export { NovaBillingClient, type NovaBillingClientOptions } from './client.js';
export { Customers } from './customers.js';
export {
  NovaBillingError, APIError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError,
  ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, APIConnectionError,
  APITimeoutError,
} from './errors.js';
export { DEFAULT_BASE_URL, VERSION, type FetchLike } from './transport.js';
export type {
  CreateCustomerParams, Customer, CustomerList, CustomerSortField, CustomerStatus, DeletedCustomer, FieldError,
  ListCustomersParams, Metadata, MetadataValue, Problem, RequestOptions, SortOrder, UpdateCustomerParams,
} from './types.js';

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  APIConnectionError, APIError, APITimeoutError, AuthenticationError, BadRequestError, ConflictError,
  InternalServerError, NotFoundError, NovaBillingClient, NovaBillingError, PermissionDeniedError, RateLimitError,
  UnprocessableEntityError, type Customer,
} from 'novabilling';
import { FakeService, problem, recordingSleep, wireCustomer } from './fake-server.js';

const TOKEN = 'sk_live_unit0000000000000000000000000000';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let fake: FakeService;
let sleeps: number[];
let client: NovaBillingClient;

function newClient(options: { maxRetries?: number; timeoutMs?: number } = {}): NovaBillingClient {
  const recorder = recordingSleep();
  sleeps = recorder.sleeps;
  return new NovaBillingClient({ token: TOKEN, baseUrl: fake.baseUrl, sleep: recorder.sleep, ...options });
}

beforeEach(async () => {
  fake = await FakeService.start();
  client = newClient();
});

afterEach(async () => {
  await fake.stop();
});

describe('requests', () => {
  it('create POSTs the camelCase body with the key, JSON and a fresh UUID v4 Idempotency-Key', async () => {
    fake.reply({ status: 201, body: wireCustomer() });

    const customer = await client.customers.create({
      externalId: 'usr_98765', email: 'sarah@kampaltech.ug', name: 'Nakato Sarah', country: 'UG', currency: 'UGX',
      metadata: { userId: 'usr_98765', accountType: 'business' },
    });

    assert.equal(customer.id, 'cust_01jq3v6x9c4m2k8d7f5h1n0p2r');
    assert.equal(customer.totalSpent, 150000);
    assert.deepEqual(customer.metadata, { userId: 'usr_98765', accountType: 'business' });
    const [request] = fake.received;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.path, '/api/customers');
    assert.equal(request!.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(request!.headers['content-type'], 'application/json');
    assert.equal(request!.headers.accept, 'application/json');
    assert.match(String(request!.headers['idempotency-key']), UUID_V4);
    assert.deepEqual(JSON.parse(request!.body), {
      externalId: 'usr_98765', email: 'sarah@kampaltech.ug', name: 'Nakato Sarah', country: 'UG', currency: 'UGX',
      metadata: { userId: 'usr_98765', accountType: 'business' },
    });
  });

  it('generates a different Idempotency-Key for every call', async () => {
    fake.reply({ status: 201, body: wireCustomer() }, { status: 201, body: wireCustomer() });

    await client.customers.create({ email: 'a@b.ug', name: 'A' });
    await client.customers.create({ email: 'c@d.ug', name: 'C' });

    assert.notEqual(fake.received[0]!.headers['idempotency-key'], fake.received[1]!.headers['idempotency-key']);
  });

  it('sends the caller\'s Idempotency-Key and refuses one the service would refuse, before any request', async () => {
    fake.reply({ status: 201, body: wireCustomer() });

    await client.customers.create({ email: 'a@b.ug', name: 'A' }, { idempotencyKey: 'order-42/customer' });
    await assert.rejects(client.customers.create({ email: 'a@b.ug', name: 'A' }, { idempotencyKey: '' }), TypeError);
    await assert.rejects(client.customers.create({ email: 'a@b.ug', name: 'A' },
      { idempotencyKey: 'caf\u00e9' }), TypeError);
    await assert.rejects(client.customers.create({ email: 'a@b.ug', name: 'A' },
      { idempotencyKey: 'k'.repeat(256) }), TypeError);

    assert.equal(fake.received.length, 1);
    assert.equal(fake.received[0]!.headers['idempotency-key'], 'order-42/customer');
  });

  it('update PATCHes only the given fields, null included, to the encoded id', async () => {
    fake.reply({ status: 200, body: wireCustomer({ name: 'Nakato Sarah Williams', externalId: null }) });

    const updated = await client.customers.update('cust_x1y2z3', { name: 'Nakato Sarah Williams', externalId: null,
      metadata: null });

    assert.equal(updated.name, 'Nakato Sarah Williams');
    assert.equal(updated.externalId, null);
    const [request] = fake.received;
    assert.equal(request!.method, 'PATCH');
    assert.equal(request!.path, '/api/customers/cust_x1y2z3');
    assert.match(String(request!.headers['idempotency-key']), UUID_V4);
    assert.deepEqual(JSON.parse(request!.body), { name: 'Nakato Sarah Williams', externalId: null, metadata: null });
  });

  it('list sends the given parameters only and answers the page', async () => {
    fake.reply({ status: 200, body: { data: [wireCustomer()], total: 21, page: 2, limit: 20, totalPages: 2,
      hasMore: false } });

    const page = await client.customers.list({ search: 'sarah & co', page: 2, limit: 20, sortBy: 'name',
      sortOrder: 'asc', status: undefined });

    assert.equal(page.total, 21);
    assert.equal(page.data.length, 1);
    assert.equal(page.data[0]!.email, 'sarah@kampaltech.ug');
    const [request] = fake.received;
    assert.equal(request!.method, 'GET');
    assert.equal(request!.path, '/api/customers');
    assert.deepEqual([...request!.query], [['search', 'sarah & co'], ['page', '2'], ['limit', '20'],
      ['sortBy', 'name'], ['sortOrder', 'asc']]);
    assert.equal(request!.headers['idempotency-key'], undefined);
    assert.equal(request!.headers['content-type'], undefined);
  });

  it('list without parameters sends no query string', async () => {
    fake.reply({ status: 200, body: { data: [], total: 0, page: 1, limit: 20, totalPages: 0, hasMore: false } });

    await client.customers.list();

    assert.equal([...fake.received[0]!.query].length, 0);
  });

  it('get and delete address the encoded id; delete carries an Idempotency-Key', async () => {
    fake.reply({ status: 200, body: wireCustomer() },
      { status: 200, body: { id: 'cust_a/b', deleted: true, canceledSubscriptions: 2, voidedInvoices: 1 } });

    await client.customers.get('cust_a/b?c');
    const deleted = await client.customers.delete('cust_a/b');

    assert.deepEqual(deleted, { id: 'cust_a/b', deleted: true, canceledSubscriptions: 2, voidedInvoices: 1 });
    assert.equal(fake.received[0]!.path, '/api/customers/cust_a%2Fb%3Fc');
    assert.equal(fake.received[0]!.method, 'GET');
    assert.equal(fake.received[1]!.path, '/api/customers/cust_a%2Fb');
    assert.equal(fake.received[1]!.method, 'DELETE');
    assert.match(String(fake.received[1]!.headers['idempotency-key']), UUID_V4);
  });

  it('refuses an empty id without a request', async () => {
    assert.throws(() => client.customers.get(''), TypeError);
    assert.throws(() => client.customers.delete(''), TypeError);
    assert.equal(fake.received.length, 0);
  });

  it('takes a base URL with or without a trailing slash', async () => {
    fake.reply({ status: 200, body: wireCustomer() });
    const slashed = new NovaBillingClient({ token: TOKEN, baseUrl: `${fake.baseUrl}/` });

    await slashed.customers.get('cust_1');

    assert.equal(fake.received[0]!.path, '/api/customers/cust_1');
  });

  it('needs a token and sane options', () => {
    assert.throws(() => new NovaBillingClient({ token: '' }), TypeError);
    assert.throws(() => new NovaBillingClient({} as { token: string }), TypeError);
    assert.throws(() => new NovaBillingClient({ token: TOKEN, maxRetries: -1 }), TypeError);
    assert.throws(() => new NovaBillingClient({ token: TOKEN, timeoutMs: 0 }), TypeError);
  });
});

describe('listAll', () => {
  it('yields every customer of every page, asking for the page after the last one seen with the same filters', async () => {
    const ids = ['cust_1', 'cust_2', 'cust_3', 'cust_4', 'cust_5'];
    fake.reply(
      { status: 200, body: { data: ids.slice(0, 2).map((id) => wireCustomer({ id })), total: 5, page: 1, limit: 2,
        totalPages: 3, hasMore: true } },
      { status: 200, body: { data: ids.slice(2, 4).map((id) => wireCustomer({ id })), total: 5, page: 2, limit: 2,
        totalPages: 3, hasMore: true } },
      { status: 200, body: { data: ids.slice(4).map((id) => wireCustomer({ id })), total: 5, page: 3, limit: 2,
        totalPages: 3, hasMore: false } },
    );

    const seen: string[] = [];
    for await (const customer of client.customers.listAll({ country: 'UG', limit: 2 })) {
      seen.push(customer.id);
    }

    assert.deepEqual(seen, ids);
    assert.deepEqual(fake.received.map((r) => [r.query.get('page'), r.query.get('limit'), r.query.get('country'),
      r.query.get('startingAfter')]),
    [[null, '2', 'UG', null], [null, '2', 'UG', 'cust_2'], [null, '2', 'UG', 'cust_4']]);
  });

  it('goes on by keyset after a first page asked by number', async () => {
    fake.reply(
      { status: 200, body: { data: [wireCustomer({ id: 'cust_7' })], total: 2, page: 4, limit: 1, totalPages: 2,
        hasMore: true } },
      { status: 200, body: { data: [wireCustomer({ id: 'cust_8' })], total: 2, page: 1, limit: 1, totalPages: 2,
        hasMore: false } },
    );

    const seen: string[] = [];
    for await (const customer of client.customers.listAll({ page: 4, limit: 1, sortBy: 'name' })) {
      seen.push(customer.id);
    }

    assert.deepEqual(seen, ['cust_7', 'cust_8']);
    assert.deepEqual(fake.received.map((r) => [r.query.get('page'), r.query.get('startingAfter'), r.query.get('sortBy')]),
      [['4', null, 'name'], [null, 'cust_7', 'name']]);
  });

  it('refuses endingBefore (it walks forward only)', async () => {
    await assert.rejects(async () => {
      for await (const _ of client.customers.listAll({ endingBefore: 'cust_1' })) { /* nothing */ }
    }, TypeError);
    assert.equal(fake.received.length, 0);
  });

  it('starts at the given page and stops early when the caller breaks', async () => {
    fake.reply({ status: 200, body: { data: [wireCustomer({ id: 'cust_7' }), wireCustomer({ id: 'cust_8' })],
      total: 20, page: 4, limit: 2, totalPages: 10, hasMore: true } });

    const seen: Customer[] = [];
    for await (const customer of client.customers.listAll({ page: 4, limit: 2 })) {
      seen.push(customer);
      break;
    }

    assert.equal(seen.length, 1);
    assert.equal(fake.received.length, 1);
    assert.equal(fake.received[0]!.query.get('page'), '4');
  });

  it('stops on an empty page even if the service says there is more', async () => {
    fake.reply({ status: 200, body: { data: [], total: 3, page: 1, limit: 20, totalPages: 1, hasMore: true } });

    const seen: Customer[] = [];
    for await (const customer of client.customers.listAll()) seen.push(customer);

    assert.equal(seen.length, 0);
    assert.equal(fake.received.length, 1);
  });
});

describe('errors', () => {
  it('a 409 is a ConflictError carrying status, code, detail, requestId and a message to log', async () => {
    fake.reply({ status: 409, body: problem(409, 'customer_email_taken',
      'A customer with email sarah@kampaltech.ug already exists.') });

    const error = await client.customers.create({ email: 'sarah@kampaltech.ug', name: 'Nakato Sarah' })
      .then(() => assert.fail('expected a ConflictError'), (e: unknown) => e);

    assert.ok(error instanceof ConflictError);
    assert.ok(error instanceof APIError);
    assert.ok(error instanceof NovaBillingError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'ConflictError');
    assert.equal(error.status, 409);
    assert.equal(error.code, 'customer_email_taken');
    assert.equal(error.detail, 'A customer with email sarah@kampaltech.ug already exists.');
    assert.equal(error.requestId, 'req_test0000000000000000000001');
    assert.deepEqual(error.errors, []);
    assert.equal(error.message, '409 customer_email_taken: A customer with email sarah@kampaltech.ug already exists.'
      + ' (request req_test0000000000000000000001)');
    assert.equal(fake.received.length, 1, 'a conflict is not retried');
  });

  it('a 400 is a BadRequestError listing every invalid field', async () => {
    const errors = [{ field: 'email', message: 'is required' },
      { field: 'metadata.plan', message: 'must be a string, number or boolean' }];
    fake.reply({ status: 400, body: problem(400, 'validation_failed', 'The request has 2 invalid fields; see errors.',
      { errors }) });

    const error = await client.customers.create({ email: '', name: 'A' }).catch((e: unknown) => e);

    assert.ok(error instanceof BadRequestError);
    assert.deepEqual(error.errors, errors);
    assert.equal(error.code, 'validation_failed');
  });

  const statuses: Array<[number, string, new (...args: never[]) => APIError]> = [
    [401, 'unauthorized', AuthenticationError],
    [403, 'forbidden', PermissionDeniedError],
    [404, 'customer_not_found', NotFoundError],
    [422, 'idempotency_key_reused', UnprocessableEntityError],
    [500, 'internal_error', InternalServerError],
    [413, 'payload_too_large', APIError],
  ];
  for (const [status, code, type] of statuses) {
    it(`a ${status} is a ${type.name}, not retried`, async () => {
      fake.reply({ status, body: problem(status, code, 'no') });

      const error = await client.customers.get('cust_1').catch((e: unknown) => e);

      assert.ok(error instanceof type, `${String(error)} is a ${type.name}`);
      assert.equal((error as APIError).status, status);
      assert.equal((error as APIError).code, code);
      assert.equal(fake.received.length, 1);
    });
  }

  it('a body that is not a problem document still gives the status, the X-Request-Id and the text', async () => {
    fake.reply({ status: 502, rawBody: '<html><body>Bad gateway</body></html>',
      headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'req_from_header' } });

    const error = await client.customers.get('cust_1').catch((e: unknown) => e);

    assert.ok(error instanceof InternalServerError);
    assert.equal(error.status, 502);
    assert.equal(error.code, undefined);
    assert.equal(error.requestId, 'req_from_header');
    assert.equal(error.detail, '<html><body>Bad gateway</body></html>');
    assert.match(error.message, /^502: <html>.*\(request req_from_header\)$/);
  });

  it('a success whose body is not JSON is a NovaBillingError naming the request id', async () => {
    fake.reply({ status: 200, rawBody: 'not json', headers: { 'X-Request-Id': 'req_x' } });

    await assert.rejects(client.customers.get('cust_1'),
      (e: unknown) => e instanceof NovaBillingError && /not JSON.*req_x/.test(e.message));
  });
});

describe('retries', () => {
  it('retries a 503 after Retry-After seconds, with the same Idempotency-Key, then answers', async () => {
    fake.reply({ status: 503, body: problem(503, 'service_unavailable', 'down'), headers: { 'Retry-After': '2' } },
      { status: 201, body: wireCustomer() });

    const customer = await client.customers.create({ email: 'a@b.ug', name: 'A' });

    assert.equal(customer.id, 'cust_01jq3v6x9c4m2k8d7f5h1n0p2r');
    assert.deepEqual(sleeps, [2000]);
    assert.equal(fake.received.length, 2);
    const keys = fake.received.map((r) => r.headers['idempotency-key']);
    assert.match(String(keys[0]), UUID_V4);
    assert.equal(keys[1], keys[0]);
    assert.equal(fake.received[1]!.body, fake.received[0]!.body);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    fake.reply({ status: 429, body: problem(429, 'rate_limited', 'slow down'), headers: { 'Retry-After': inFiveSeconds } },
      { status: 200, body: wireCustomer() });

    await client.customers.get('cust_1');

    assert.equal(sleeps.length, 1);
    assert.ok(sleeps[0]! > 0 && sleeps[0]! <= 5000, `waited ${sleeps[0]} ms for an HTTP date 5 s ahead`);
  });

  it('backs off exponentially with jitter without Retry-After, then throws the last error', async () => {
    const limited = { status: 429, body: problem(429, 'rate_limited', 'slow down') };
    fake.reply(limited, limited, limited, limited);
    client = newClient({ maxRetries: 3 });

    const error = await client.customers.list().catch((e: unknown) => e);

    assert.ok(error instanceof RateLimitError);
    assert.equal(error.code, 'rate_limited');
    assert.equal(fake.received.length, 4);
    assert.equal(sleeps.length, 3);
    const bounds = [[375, 500], [750, 1000], [1500, 2000]];
    sleeps.forEach((ms, i) => assert.ok(ms >= bounds[i]![0]! && ms <= bounds[i]![1]!, `retry ${i} waited ${ms} ms`));
  });

  it('does not wait for a Retry-After beyond a minute: throws at once', async () => {
    fake.reply({ status: 503, body: problem(503, 'service_unavailable', 'down'), headers: { 'Retry-After': '3600' } });

    await assert.rejects(client.customers.get('cust_1'), InternalServerError);
    assert.deepEqual(sleeps, []);
  });

  it('retries a 409 idempotency_key_in_use (the first request still running) but no other 409', async () => {
    fake.reply({ status: 409, body: problem(409, 'idempotency_key_in_use', 'running'), headers: { 'Retry-After': '1' } },
      { status: 201, body: wireCustomer() });

    await client.customers.create({ email: 'a@b.ug', name: 'A' }, { idempotencyKey: 'k1' });

    assert.deepEqual(sleeps, [1000]);
    assert.deepEqual(fake.received.map((r) => r.headers['idempotency-key']), ['k1', 'k1']);
  });

  it('retries a dropped connection, for writes too (same key), and answers', async () => {
    fake.reply({ drop: true }, { status: 200, body: { id: 'cust_1', deleted: true, canceledSubscriptions: 0,
      voidedInvoices: 0 }, headers: { 'Idempotent-Replayed': 'true' } });

    const deleted = await client.customers.delete('cust_1');

    assert.equal(deleted.deleted, true);
    assert.equal(fake.received.length, 2);
    assert.equal(fake.received[1]!.headers['idempotency-key'], fake.received[0]!.headers['idempotency-key']);
    assert.equal(sleeps.length, 1);
  });

  it('gives up on a dropped connection after maxRetries with an APIConnectionError', async () => {
    fake.reply({ drop: true }, { drop: true }, { drop: true });

    const error = await client.customers.get('cust_1').catch((e: unknown) => e);

    assert.ok(error instanceof APIConnectionError);
    assert.ok(!(error instanceof APITimeoutError));
    assert.equal(fake.received.length, 3);
    assert.equal(sleeps.length, 2);
  });

  it('a refused connection is an APIConnectionError', async () => {
    const baseUrl = fake.baseUrl;
    await fake.stop();
    fake = await FakeService.start();
    const unreachable = new NovaBillingClient({ token: TOKEN, baseUrl, maxRetries: 0 });

    await assert.rejects(unreachable.customers.get('cust_1'), APIConnectionError);
  });

  it('an attempt without an answer within timeoutMs is an APITimeoutError, retried', async () => {
    fake.reply({ hang: true }, { hang: true });
    client = newClient({ timeoutMs: 100, maxRetries: 1 });

    await assert.rejects(client.customers.get('cust_1'), APITimeoutError);
    assert.equal(fake.received.length, 2);
  });

  it('maxRetries 0 (per client or per call) never retries', async () => {
    fake.reply({ status: 503, body: problem(503, 'service_unavailable', 'down') },
      { status: 503, body: problem(503, 'service_unavailable', 'down') });

    await assert.rejects(client.customers.get('cust_1', { maxRetries: 0 }), InternalServerError);
    client = newClient({ maxRetries: 0 });
    await assert.rejects(client.customers.get('cust_1'), InternalServerError);

    assert.equal(fake.received.length, 2);
    assert.deepEqual(sleeps, []);
  });

  it('a caller\'s abort stops the call and is not retried', async () => {
    fake.reply({ hang: true });
    const controller = new AbortController();

    const call = client.customers.get('cust_1', { signal: controller.signal });
    while (fake.received.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();

    await assert.rejects(call, (e: unknown) => e instanceof Error && e.name === 'AbortError');
    assert.equal(fake.received.length, 1);
    assert.deepEqual(sleeps, []);
  });
});

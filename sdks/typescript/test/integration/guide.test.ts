import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { ConflictError, NotFoundError, NovaBillingClient } from 'novabilling';
import { API_KEY, BASE_URL } from './env.js';
import { snippets } from './guide-snippets.js';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const WORK_DIR = fileURLToPath(new URL('../guide-run/', import.meta.url));
const GUIDE_KEY = `{ token: 'sk_live_a1b2c3d4...' }`;
const GUIDE_ID = `'cust_x1y2z3'`;

/** The guide's TypeScript snippets, read from docs/customers-guide.md. */
const guide = snippets('```typescript [TypeScript]');
/** The first snippet's import and client, which every later snippet of the guide uses. */
const PRELUDE = guide['Creating Customers'].slice(0, guide['Creating Customers'].indexOf('const customer'));

/**
 * A guide snippet as it is run: the first snippet's import and client before it (the guide's later snippets
 * use that client), only the base URL, the key and the example id changed.
 */
function prepare(name: string, snippet: string, customerId: string): string {
  let source = snippet.includes('import {') ? snippet : PRELUDE + snippet;
  assert.ok(source.includes(GUIDE_KEY), 'the guide constructs the client with its example key');
  source = source.replace(GUIDE_KEY, `{ token: ${JSON.stringify(API_KEY)}, baseUrl: ${JSON.stringify(BASE_URL)} }`);
  if (snippet.includes(GUIDE_ID)) source = source.split(GUIDE_ID).join(JSON.stringify(customerId));
  writeFileSync(`${WORK_DIR}${name}.mts`, source);
  return source;
}

/** Type-checks the snippets (strict) against the SDK's declarations, as a user's compiler would. */
function typeCheck(names: string[]): void {
  const program = ts.createProgram(names.map((name) => `${WORK_DIR}${name}.mts`), {
    strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022, types: [],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  assert.equal(diagnostics.length, 0, ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f, getCurrentDirectory: () => PACKAGE_DIR, getNewLine: () => '\n' }));
}

/** Runs a prepared snippet as an ES module inside this package (`'novabilling'` is the build) and answers its output. */
async function runSnippet(name: string, customerId?: string): Promise<string> {
  const snippet = SNIPPETS[name]!;
  const source = prepare(name, snippet, customerId ?? 'cust_unknown');
  if (snippet.includes(GUIDE_ID)) assert.ok(customerId, `the ${name} snippet needs the created id`);
  const script = `${WORK_DIR}${name}.mjs`;
  writeFileSync(script, ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  const { stdout } = await run(process.execPath, [script], { cwd: PACKAGE_DIR, timeout: 60_000 });
  return stdout;
}

const SNIPPETS: Record<string, string> = {
  create: guide['Creating Customers'], update: guide['Updating Customers'], list: guide['Basic Listing'],
  search: guide['Search by Name or Email'], get: guide['Getting Customer Details'], delete: guide['Deleting Customers'],
};

const client = new NovaBillingClient({ token: API_KEY, baseUrl: BASE_URL });

describe('the customers guide, TypeScript, against the running service', { concurrency: false }, () => {
  let id = '';

  it('type-checks against the SDK\'s declarations', () => {
    mkdirSync(WORK_DIR, { recursive: true });
    for (const [name, snippet] of Object.entries(SNIPPETS)) prepare(name, snippet, 'cust_x');
    typeCheck(Object.keys(SNIPPETS));
  });

  it('starts from a tenant without customers', async () => {
    const page = await client.customers.list();
    assert.equal(page.total, 0, 'the integration tests need a tenant without customers (a fresh service)');
  });

  it('Creating Customers', async () => {
    const output = await runSnippet('create');
    const match = /^Customer created: (cust_[0-9a-z]{26})\n$/.exec(output);
    assert.ok(match, `printed ${JSON.stringify(output)}`);
    id = match[1]!;
  });

  it('Updating Customers', async () => {
    assert.equal(await runSnippet('update', id), 'Updated: Nakato Sarah Williams\n');
  });

  it('Listing and Filtering Customers: Basic Listing', async () => {
    assert.equal(await runSnippet('list'), 'Showing 1 of 1 customers\n');
  });

  it('Listing and Filtering Customers: Search by Name or Email', async () => {
    assert.equal(await runSnippet('search'), 'Nakato Sarah Williams - sarah@kampaltech.ug\n');
  });

  it('Getting Customer Details', async () => {
    const output = await runSnippet('get', id);
    const printed = JSON.parse(output) as Record<string, unknown>;
    assert.deepEqual(Object.keys(printed), ['id', 'externalId', 'email', 'name', 'country', 'currency', 'status',
      'metadata', 'totalSpent', 'activeSubscriptions', 'createdAt', 'updatedAt'], 'the guide\'s fields, in order');
    assert.match(String(printed.createdAt), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.ok(String(printed.updatedAt) >= String(printed.createdAt));
    assert.deepEqual({ ...printed, createdAt: undefined, updatedAt: undefined }, {
      id,
      externalId: 'usr_98765',
      email: 'sarah@kampaltech.ug',
      name: 'Nakato Sarah Williams',
      country: 'UG',
      currency: 'UGX',
      status: 'active',
      metadata: { userId: 'usr_98765', accountType: 'enterprise', upgradeDate: '2025-03-01' },
      totalSpent: 0,
      activeSubscriptions: 0,
      createdAt: undefined,
      updatedAt: undefined,
    });
    assert.equal(output, `${JSON.stringify(printed, null, 2)}\n`);
  });

  it('Deleting Customers', async () => {
    assert.equal(await runSnippet('delete', id), 'Customer deleted\n');
    await assert.rejects(client.customers.get(id), (e: unknown) => e instanceof NotFoundError
      && e.status === 404 && e.code === 'customer_not_found' && /^req_/.test(e.requestId ?? ''));
  });
});

describe('errors from the running service', { concurrency: false }, () => {
  it('a duplicate email (in any case) is a ConflictError: 409 customer_email_taken, with a request id', async () => {
    const first = await client.customers.create({ email: 'sarah@kampaltech.ug', name: 'Nakato Sarah' });
    try {
      const error = await client.customers.create({ email: 'Sarah@KampalTech.ug', name: 'Someone Else' })
        .then(() => assert.fail('a second customer with the same email was created'), (e: unknown) => e);
      assert.ok(error instanceof ConflictError, `${String(error)} is a ConflictError`);
      assert.equal(error.status, 409);
      assert.equal(error.code, 'customer_email_taken');
      assert.match(error.detail ?? '', /sarah@kampaltech\.ug/i);
      assert.match(error.requestId ?? '', /^req_[0-9a-z]+$/);
      assert.ok(error.message.includes(error.requestId!), 'the message carries the request id');
      const page = await client.customers.list({ email: 'sarah@kampaltech.ug' });
      assert.deepEqual(page.data.map((c) => c.id), [first.id]);
    } finally {
      await client.customers.delete(first.id);
    }
  });

  it('an invalid create is a BadRequestError naming every field', async () => {
    const error = await client.customers.create({ email: 'not-an-email', name: '', country: 'XX' })
      .catch((e: unknown) => e);
    assert.equal((error as { name?: string }).name, 'BadRequestError');
    const fields = (error as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['country', 'email', 'name']);
    assert.equal((await client.customers.list()).total, 0, 'nothing was created');
  });

  it('listAll walks every page of the real list', async () => {
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(await client.customers.create({ email: `page${i}@example.ug`, name: `Page ${i}` }));
    }
    try {
      const seen: string[] = [];
      for await (const customer of client.customers.listAll({ limit: 2, sortBy: 'email', sortOrder: 'asc' })) {
        seen.push(customer.email);
      }
      assert.deepEqual(seen, created.map((c) => c.email));
    } finally {
      for (const customer of created) await client.customers.delete(customer.id);
    }
  });
});

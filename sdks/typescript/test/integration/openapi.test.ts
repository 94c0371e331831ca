import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { DEFAULT_BASE_URL, NovaBillingClient } from 'novabilling';
import { BASE_URL } from './env.js';
import { SdkTypes } from './sdk-types.js';
import { compare, shapeOfSchema, type Shape } from './shapes.js';

/**
 * The SDK stays true to the API: every operation, parameter, request body, answer and error the SDK models is
 * compared with the OpenAPI document the running service serves (`GET /api/openapi.yml`). Schemas are found
 * through the operations (operationId, then `$ref`s), never by schema name, so renaming a schema passes and
 * changing a field fails.
 */

type Json = Record<string, any>;

/** SDK method -> the operation it calls, and where its path parameter and body are among its arguments. */
const OPERATIONS: Record<string, { operationId: string; pathArgument?: number; bodyArgument?: number;
  queryArgument?: number }> = {
  create: { operationId: 'createCustomer', bodyArgument: 0 },
  update: { operationId: 'updateCustomer', pathArgument: 0, bodyArgument: 1 },
  list: { operationId: 'listCustomers', queryArgument: 0 },
  get: { operationId: 'getCustomer', pathArgument: 0 },
  delete: { operationId: 'deleteCustomer', pathArgument: 0 },
};
/** Methods built on the ones above (listAll pages through list). */
const DERIVED = new Set(['listAll']);

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

let document: Json;
let sdk: SdkTypes;

function operation(operationId: string): { path: string; method: string; op: Json; pathItem: Json } {
  for (const [path, pathItem] of Object.entries<Json>(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      if (pathItem[method]?.operationId === operationId) return { path, method, op: pathItem[method], pathItem };
    }
  }
  throw new Error(`the API has no operation ${operationId}`);
}

function parameters(operationId: string, location: string): Json[] {
  const { op, pathItem } = operation(operationId);
  const all = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]
    .map((p: Json) => (p.$ref ? resolveRef(p.$ref) : p));
  return all.filter((p: Json) => p.in === location);
}

function resolveRef(ref: string): Json {
  return ref.slice(2).split('/').reduce((node: Json, part: string) => node[part], document);
}

function jsonSchema(content: Json | undefined, where: string): unknown {
  const media = Object.entries<Json>(content ?? {}).find(([type]) => /json/i.test(type));
  assert.ok(media, `${where} has no JSON content`);
  return media[1].schema;
}

function successResponse(op: Json): Json {
  const codes = Object.keys(op.responses ?? {}).filter((c) => /^2\d\d$/.test(c));
  assert.equal(codes.length, 1, `one success answer, found ${codes.join(', ')}`);
  const response = op.responses[codes[0]!];
  return response.$ref ? resolveRef(response.$ref) : response;
}

function assertSame(api: Shape, mine: Shape, path: string, ignoreNullable = false): void {
  const differences = compare(api, mine, path, ignoreNullable);
  assert.deepEqual(differences, [], `the SDK does not follow the API:\n  ${differences.join('\n  ')}`);
}

/** The requests the SDK sends, captured by a fetch that answers `{}`. */
async function capture(call: (client: NovaBillingClient) => Promise<unknown>):
    Promise<{ method: string; url: URL; headers: Headers }> {
  let seen: { method: string; url: URL; headers: Headers } | undefined;
  const client = new NovaBillingClient({ token: 'sk_live_probe', fetch: async (input, init) => {
    seen = { method: String(init.method), url: new URL(input), headers: new Headers(init.headers) };
    return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  } });
  await call(client);
  assert.ok(seen, 'the SDK sent no request');
  return seen;
}

const CALLS: Record<string, (client: NovaBillingClient) => Promise<unknown>> = {
  create: (c) => c.customers.create({ email: 'a@b.ug', name: 'A' }),
  update: (c) => c.customers.update('cust_probe', { name: 'A' }),
  list: (c) => c.customers.list({ page: 1 }),
  get: (c) => c.customers.get('cust_probe'),
  delete: (c) => c.customers.delete('cust_probe'),
};

before(async () => {
  const response = await fetch(`${BASE_URL}/openapi.yml`);
  assert.equal(response.status, 200, `GET ${BASE_URL}/openapi.yml`);
  document = parse(await response.text()) as Json;
  assert.match(String(document.openapi), /^3\./);
  sdk = new SdkTypes();
});

describe('the SDK follows the OpenAPI document of the running service', () => {
  it('covers every method of Customers', () => {
    assert.deepEqual(sdk.methods().filter((m) => !DERIVED.has(m)).sort(), Object.keys(OPERATIONS).sort());
  });

  for (const [method, expected] of Object.entries(OPERATIONS)) {
    describe(`customers.${method} = ${expected.operationId}`, () => {
      it('calls the operation\'s method and path, from the default base URL', async () => {
        const { path, method: httpMethod } = operation(expected.operationId);
        // servers[0].url may be absolute (http://localhost:3000) or relative (/api); paths are compared.
        const server = String(document.servers?.[0]?.url ?? '').replace(/\/+$/, '');
        const sent = await capture(CALLS[method]!);
        assert.equal(sent.method, httpMethod.toUpperCase());
        const expectedPath = new URL(server + path.replace(/\{[^}]+\}/g, 'cust_probe'), DEFAULT_BASE_URL).pathname;
        assert.equal(sent.url.pathname, expectedPath);
        assert.equal(sent.url.origin, new URL(DEFAULT_BASE_URL).origin);
      });

      it('authenticates as the API says (HTTP bearer)', async () => {
        const { op } = operation(expected.operationId);
        const requirements: Json[] = op.security ?? document.security ?? [];
        assert.ok(requirements.length > 0, 'the operation requires authentication');
        for (const requirement of requirements) {
          for (const name of Object.keys(requirement)) {
            const scheme = document.components.securitySchemes[name];
            assert.equal(scheme.type, 'http');
            assert.equal(String(scheme.scheme).toLowerCase(), 'bearer');
          }
        }
        const sent = await capture(CALLS[method]!);
        assert.equal(sent.headers.get('authorization'), 'Bearer sk_live_probe');
      });

      it('sends every header parameter the API declares', async () => {
        const sent = await capture(CALLS[method]!);
        for (const header of parameters(expected.operationId, 'header')) {
          assert.ok(sent.headers.has(header.name), `the API declares the header ${header.name}; the SDK does not send it`);
        }
      });

      it('has the path parameters the API declares', () => {
        const declared = parameters(expected.operationId, 'path');
        if (expected.pathArgument === undefined) {
          assert.deepEqual(declared, []);
          return;
        }
        assert.equal(declared.length, 1, 'one path parameter');
        assert.equal(declared[0]!.required, true);
        const argument = sdk.parameter(method, expected.pathArgument);
        assert.equal(argument.optional, false);
        assertSame(shapeOfSchema(document, declared[0]!.schema), sdk.shape(argument.type),
          `${expected.operationId}(${declared[0]!.name})`);
      });

      it('has the query parameters the API declares', () => {
        const declared = parameters(expected.operationId, 'query');
        if (expected.queryArgument === undefined) {
          assert.deepEqual(declared.map((p) => p.name), []);
          return;
        }
        const props: Record<string, { required: boolean; shape: Shape }> = {};
        for (const parameter of declared) {
          props[parameter.name] = { required: parameter.required === true, shape: shapeOfSchema(document, parameter.schema) };
        }
        const argument = sdk.parameter(method, expected.queryArgument);
        assertSame({ kind: 'object', props, nullable: false }, sdk.shape(argument.type),
          `${expected.operationId}?`, true);
      });

      it('sends the request body the API declares', () => {
        const { op } = operation(expected.operationId);
        if (expected.bodyArgument === undefined) {
          assert.equal(op.requestBody, undefined);
          return;
        }
        const body = op.requestBody.$ref ? resolveRef(op.requestBody.$ref) : op.requestBody;
        const argument = sdk.parameter(method, expected.bodyArgument);
        assert.equal(argument.optional, body.required !== true, 'the body is required exactly when the API says so');
        assertSame(shapeOfSchema(document, jsonSchema(body.content, `${expected.operationId} request`)),
          sdk.shape(argument.type), `${expected.operationId} body`);
      });

      it('answers the success body the API declares', () => {
        const { op } = operation(expected.operationId);
        const schema = jsonSchema(successResponse(op).content, `${expected.operationId} success`);
        assertSame(shapeOfSchema(document, schema), sdk.shape(sdk.awaitedReturn(method)),
          `${expected.operationId} answer`);
      });

      it('reads every error answer as its Problem type', () => {
        const { op } = operation(expected.operationId);
        const errors = Object.entries<Json>(op.responses ?? {}).filter(([code]) => /^[45]\d\d$/.test(code));
        assert.ok(errors.length > 0, 'the operation declares its errors');
        for (const [code, declared] of errors) {
          const response = declared.$ref ? resolveRef(declared.$ref) : declared;
          assertSame(shapeOfSchema(document, jsonSchema(response.content, `${expected.operationId} ${code}`)),
            sdk.shape(sdk.exported('Problem')), `${expected.operationId} ${code}`);
        }
      });
    });
  }

  it('customers.listAll takes list\'s parameters and yields list\'s items', () => {
    const { op } = operation('listCustomers');
    const list = shapeOfSchema(document, jsonSchema(successResponse(op).content, 'listCustomers success'));
    assert.equal(list.kind, 'object');
    const data = (list as Extract<Shape, { kind: 'object' }>).props.data;
    assert.ok(data && data.shape.kind === 'array', 'the list answer has a data array');
    assertSame(data.shape.items, sdk.shape(sdk.yielded('listAll')), 'listAll yields');
    assertSame(sdk.shape(sdk.parameter('list', 0).type), sdk.shape(sdk.parameter('listAll', 0).type), 'listAll(params)');
  });
});

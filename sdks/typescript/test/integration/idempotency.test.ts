import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { NovaBillingClient, UnprocessableEntityError } from 'novabilling';
import { API_KEY, BASE_URL } from './env.js';

/** The service's Idempotency-Key through the SDK: what makes its automatic retries safe. */
describe('Idempotency-Key against the real service', () => {
  const client = new NovaBillingClient({ token: API_KEY, baseUrl: BASE_URL });

  it('a create sent again with its key returns the first customer and creates no second one', async () => {
    const idempotencyKey = randomUUID();
    const params = { email: 'idempotent@sdk.test', name: 'Idempotent Retry', metadata: { seats: 3 } };
    const first = await client.customers.create(params, { idempotencyKey });
    const again = await client.customers.create(params, { idempotencyKey });
    try {
      assert.deepEqual(again, first, 'the replay is the first answer');
      assert.equal((await client.customers.list({ email: 'idempotent@sdk.test' })).total, 1);

      await assert.rejects(
        client.customers.create({ email: 'other@sdk.test', name: 'Another Request' }, { idempotencyKey }),
        (e: unknown) => e instanceof UnprocessableEntityError && e.status === 422 && e.code === 'idempotency_key_reused');
      assert.equal((await client.customers.list({ email: 'other@sdk.test' })).total, 0, 'nothing created for it');
    } finally {
      const deleteKey = randomUUID();
      const deleted = await client.customers.delete(first.id, { idempotencyKey: deleteKey });
      assert.deepEqual(await client.customers.delete(first.id, { idempotencyKey: deleteKey }), deleted,
        'a delete sent again with its key gets its first answer, not a 404');
    }
  });
});

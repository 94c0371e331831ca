"""The service's Idempotency-Key through the SDK: what makes its automatic retries safe."""
import unittest
import uuid

from novabilling import NovaBilling, UnprocessableEntityError

from .env import API_KEY, BASE_URL


class IdempotencyTest(unittest.TestCase):

    def test_a_create_sent_again_with_its_key_returns_the_first_customer(self) -> None:
        client = NovaBilling(token=API_KEY, base_url=BASE_URL)
        key = str(uuid.uuid4())
        first = client.customers.create(email="idempotent@sdk.test", name="Idempotent Retry",
                                        metadata={"seats": 3}, idempotency_key=key)
        again = client.customers.create(email="idempotent@sdk.test", name="Idempotent Retry",
                                        metadata={"seats": 3}, idempotency_key=key)
        try:
            self.assertEqual(again.id, first.id)
            self.assertEqual(again.created_at, first.created_at)
            self.assertEqual(client.customers.list(email="idempotent@sdk.test").total, 1)
            with self.assertRaises(UnprocessableEntityError) as refused:
                client.customers.create(email="other@sdk.test", name="Another Request", idempotency_key=key)
            self.assertEqual(refused.exception.status, 422)
            self.assertEqual(refused.exception.code, "idempotency_key_reused")
            self.assertEqual(client.customers.list(email="other@sdk.test").total, 0)
        finally:
            delete_key = str(uuid.uuid4())
            deleted = client.customers.delete(first.id, idempotency_key=delete_key)
            again_deleted = client.customers.delete(first.id, idempotency_key=delete_key)
            self.assertEqual(again_deleted.id, deleted.id)


if __name__ == "__main__":
    unittest.main()

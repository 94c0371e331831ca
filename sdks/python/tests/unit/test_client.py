import json
import re
import unittest
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from email.utils import format_datetime

from novabilling import (APIConnectionError, APIError, APITimeoutError, AuthenticationError, BadRequestError,
                         ConflictError, Customer, FieldError, InternalServerError, NotFoundError, NovaBilling,
                         NovaBillingError, PermissionDeniedError, RateLimitError, UnprocessableEntityError)

from .fake_service import DROP, HANG, FakeService, problem, reply, wire_customer

TOKEN = "sk_live_unit0000000000000000000000000000"
UUID_V4 = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def page(customers, total, page_number, limit, has_more):
    return {"data": customers, "total": total, "page": page_number, "limit": limit,
            "totalPages": (total + limit - 1) // limit, "hasMore": has_more}


class ClientTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.fake = FakeService()
        self.addCleanup(self.fake.stop)
        self.client = self.new_client()

    def new_client(self, **options) -> NovaBilling:
        self.sleeps = []
        return NovaBilling(token=TOKEN, base_url=self.fake.base_url, sleep=self.sleeps.append, **options)


class RequestTest(ClientTestCase):
    def test_create_posts_camel_case_fields_keeps_metadata_keys_and_sends_a_uuid_idempotency_key(self) -> None:
        self.fake.reply(reply(201, wire_customer()))

        customer = self.client.customers.create(
            external_id="usr_98765", email="sarah@kampaltech.ug", name="Nakato Sarah", country="UG",
            currency="UGX", metadata={"user_id": "usr_98765", "account_type": "business"})

        (request,) = self.fake.received
        self.assertEqual(request.method, "POST")
        self.assertEqual(request.path, "/api/customers")
        self.assertEqual(request.header("Authorization"), "Bearer " + TOKEN)
        self.assertEqual(request.header("Content-Type"), "application/json")
        self.assertEqual(request.header("Accept"), "application/json")
        self.assertRegex(request.header("Idempotency-Key"), UUID_V4)
        self.assertEqual(request.json(), {
            "externalId": "usr_98765", "email": "sarah@kampaltech.ug", "name": "Nakato Sarah", "country": "UG",
            "currency": "UGX", "metadata": {"user_id": "usr_98765", "account_type": "business"}})
        self.assertEqual(customer, Customer(
            id="cust_01jq3v6x9c4m2k8d7f5h1n0p2r", external_id="usr_98765", email="sarah@kampaltech.ug",
            name="Nakato Sarah", country="UG", currency="UGX", status="active",
            metadata={"user_id": "usr_98765", "account_type": "business"}, total_spent=Decimal("150000.25"),
            active_subscriptions=1, created_at=datetime(2025, 3, 1, 10, 0, tzinfo=timezone.utc),
            updated_at=datetime(2025, 3, 2, 11, 30, 0, 500000, tzinfo=timezone.utc)))

    def test_money_is_exact_and_metadata_numbers_stay_plain(self) -> None:
        self.fake.reply(reply(200, raw=json.dumps(wire_customer(metadata={"ratio": 0.1, "n": 3, "ok": True}))
                              .replace("150000.25", "12345678901234567.89")))

        customer = self.client.customers.get("cust_1")

        self.assertEqual(customer.total_spent, Decimal("12345678901234567.89"))
        self.assertEqual(customer.metadata, {"ratio": 0.1, "n": 3, "ok": True})
        self.assertIsInstance(customer.metadata["ratio"], float)
        self.assertEqual(customer.to_dict()["totalSpent"], Decimal("12345678901234567.89"))
        self.assertEqual(customer.to_dict()["createdAt"], "2025-03-01T10:00:00.000Z")

    def test_omits_create_arguments_left_at_none(self) -> None:
        self.fake.reply(reply(201, wire_customer()))

        self.client.customers.create(email="a@b.ug", name="A")

        self.assertEqual(self.fake.received[0].json(), {"email": "a@b.ug", "name": "A"})

    def test_sends_the_callers_idempotency_key_and_refuses_one_the_service_would_refuse(self) -> None:
        self.fake.reply(reply(201, wire_customer()))

        self.client.customers.create(email="a@b.ug", name="A", idempotency_key="order-42/customer")
        for bad in ("", "caf\u00e9", "k" * 256, "tab\there"):
            with self.assertRaises(ValueError):
                self.client.customers.create(email="a@b.ug", name="A", idempotency_key=bad)

        self.assertEqual(len(self.fake.received), 1)
        self.assertEqual(self.fake.received[0].header("Idempotency-Key"), "order-42/customer")

    def test_every_write_gets_its_own_key(self) -> None:
        self.fake.reply(reply(201, wire_customer()), reply(201, wire_customer()))

        self.client.customers.create(email="a@b.ug", name="A")
        self.client.customers.create(email="c@d.ug", name="C")

        keys = [r.header("Idempotency-Key") for r in self.fake.received]
        self.assertNotEqual(keys[0], keys[1])

    def test_update_sends_only_given_fields_and_none_as_null(self) -> None:
        self.fake.reply(reply(200, wire_customer(name="Nakato Sarah Williams", externalId=None)))

        updated = self.client.customers.update("cust_x1y2z3", name="Nakato Sarah Williams", external_id=None,
                                               metadata={"upgrade_date": "2025-03-01"})

        (request,) = self.fake.received
        self.assertEqual(request.method, "PATCH")
        self.assertEqual(request.path, "/api/customers/cust_x1y2z3")
        self.assertRegex(request.header("Idempotency-Key"), UUID_V4)
        self.assertEqual(request.json(), {"name": "Nakato Sarah Williams", "externalId": None,
                                          "metadata": {"upgrade_date": "2025-03-01"}})
        self.assertEqual(updated.name, "Nakato Sarah Williams")
        self.assertIsNone(updated.external_id)

    def test_update_sends_none_metadata_as_null_which_clears_it(self) -> None:
        self.fake.reply(reply(200, wire_customer(metadata={})))

        updated = self.client.customers.update("cust_x1y2z3", metadata=None)

        self.assertEqual(self.fake.received[0].json(), {"metadata": None})
        self.assertEqual(updated.metadata, {})

    def test_list_sends_given_parameters_in_camel_case(self) -> None:
        self.fake.reply(reply(200, page([wire_customer()], 21, 2, 20, False)))

        result = self.client.customers.list(search="sarah & co", page=2, limit=20, sort_by="name",
                                            sort_order="asc", external_id="usr_1")

        (request,) = self.fake.received
        self.assertEqual(request.method, "GET")
        self.assertEqual(request.path, "/api/customers")
        self.assertEqual(sorted(request.query), sorted([("search", "sarah & co"), ("page", "2"), ("limit", "20"),
                                                        ("sortBy", "name"), ("sortOrder", "asc"),
                                                        ("externalId", "usr_1")]))
        self.assertIsNone(request.header("Idempotency-Key"))
        self.assertIsNone(request.header("Content-Type"))
        self.assertEqual((result.total, result.page, result.limit, result.total_pages, result.has_more),
                         (21, 2, 20, 2, False))
        self.assertEqual(result.data[0].email, "sarah@kampaltech.ug")

    def test_get_and_delete_address_the_encoded_id(self) -> None:
        self.fake.reply(reply(200, wire_customer()),
                        reply(200, {"id": "cust_a/b", "deleted": True, "canceledSubscriptions": 2,
                                    "voidedInvoices": 1}))

        self.client.customers.get("cust_a/b?c")
        deleted = self.client.customers.delete("cust_a/b")

        self.assertEqual(self.fake.received[0].path, "/api/customers/cust_a%2Fb%3Fc")
        self.assertEqual(self.fake.received[1].method, "DELETE")
        self.assertEqual(self.fake.received[1].path, "/api/customers/cust_a%2Fb")
        self.assertRegex(self.fake.received[1].header("Idempotency-Key"), UUID_V4)
        self.assertEqual((deleted.id, deleted.deleted, deleted.canceled_subscriptions, deleted.voided_invoices),
                         ("cust_a/b", True, 2, 1))

    def test_refuses_an_empty_id_without_a_request(self) -> None:
        for call in (lambda: self.client.customers.get(""), lambda: self.client.customers.delete(""),
                     lambda: self.client.customers.update("", name="A")):
            with self.assertRaises(ValueError):
                call()
        self.assertEqual(self.fake.received, [])

    def test_takes_a_base_url_with_a_trailing_slash(self) -> None:
        self.fake.reply(reply(200, wire_customer()))

        NovaBilling(token=TOKEN, base_url=self.fake.base_url + "/").customers.get("cust_1")

        self.assertEqual(self.fake.received[0].path, "/api/customers/cust_1")

    def test_needs_a_token_and_sane_options(self) -> None:
        for kwargs in ({"token": ""}, {"token": "  "}, {"token": TOKEN, "max_retries": -1},
                       {"token": TOKEN, "timeout": 0}, {"token": TOKEN, "max_retries": 1.5}):
            with self.assertRaises(ValueError, msg=str(kwargs)):
                NovaBilling(**kwargs)

    def test_default_base_url_is_the_guides(self) -> None:
        self.assertEqual(repr(NovaBilling(token=TOKEN)), "NovaBilling(base_url='http://localhost:3000/api')")


class ListAllTest(ClientTestCase):
    def test_yields_every_customer_of_every_page_with_the_same_filters(self) -> None:
        ids = ["cust_1", "cust_2", "cust_3", "cust_4", "cust_5"]
        self.fake.reply(
            reply(200, page([wire_customer(id=i) for i in ids[0:2]], 5, 1, 2, True)),
            reply(200, page([wire_customer(id=i) for i in ids[2:4]], 5, 2, 2, True)),
            reply(200, page([wire_customer(id=i) for i in ids[4:]], 5, 3, 2, False)))

        seen = [c.id for c in self.client.customers.list_all(country="UG", limit=2)]

        self.assertEqual(seen, ids)
        self.assertEqual([(dict(r.query).get("page"), dict(r.query)["limit"], dict(r.query)["country"],
                           dict(r.query).get("startingAfter")) for r in self.fake.received],
                         [(None, "2", "UG", None), (None, "2", "UG", "cust_2"), (None, "2", "UG", "cust_4")])

    def test_goes_on_by_keyset_after_a_first_page_asked_by_number(self) -> None:
        self.fake.reply(reply(200, page([wire_customer(id="cust_7")], 2, 4, 1, True)),
                        reply(200, page([wire_customer(id="cust_8")], 2, 1, 1, False)))

        seen = [c.id for c in self.client.customers.list_all(page=4, limit=1, sort_by="name")]

        self.assertEqual(seen, ["cust_7", "cust_8"])
        self.assertEqual([(dict(r.query).get("page"), dict(r.query).get("startingAfter"), dict(r.query)["sortBy"])
                          for r in self.fake.received], [("4", None, "name"), (None, "cust_7", "name")])

    def test_refuses_ending_before(self) -> None:
        with self.assertRaises(ValueError):
            next(self.client.customers.list_all(ending_before="cust_1"))
        self.assertEqual(self.fake.received, [])

    def test_is_lazy_starts_at_the_given_page_and_stops_when_the_caller_stops(self) -> None:
        self.fake.reply(reply(200, page([wire_customer(id="cust_7"), wire_customer(id="cust_8")], 20, 4, 2, True)))

        customers = self.client.customers.list_all(page=4, limit=2)
        self.assertEqual(self.fake.received, [])
        first = next(customers)

        self.assertEqual(first.id, "cust_7")
        self.assertEqual(len(self.fake.received), 1)
        self.assertEqual(dict(self.fake.received[0].query)["page"], "4")

    def test_stops_on_an_empty_page(self) -> None:
        self.fake.reply(reply(200, page([], 3, 1, 20, True)))

        self.assertEqual(list(self.client.customers.list_all()), [])
        self.assertEqual(len(self.fake.received), 1)


class ErrorTest(ClientTestCase):
    def test_a_409_is_a_conflict_error_with_status_code_detail_request_id_and_a_message_to_log(self) -> None:
        self.fake.reply(reply(409, problem(409, "customer_email_taken",
                                           "A customer with email sarah@kampaltech.ug already exists.")))

        with self.assertRaises(ConflictError) as raised:
            self.client.customers.create(email="sarah@kampaltech.ug", name="Nakato Sarah")

        error = raised.exception
        self.assertIsInstance(error, APIError)
        self.assertIsInstance(error, NovaBillingError)
        self.assertEqual(error.status, 409)
        self.assertEqual(error.code, "customer_email_taken")
        self.assertEqual(error.detail, "A customer with email sarah@kampaltech.ug already exists.")
        self.assertEqual(error.request_id, "req_test0000000000000000000001")
        self.assertEqual(error.errors, [])
        self.assertEqual(str(error), "409 customer_email_taken: A customer with email sarah@kampaltech.ug "
                                     "already exists. (request req_test0000000000000000000001)")
        self.assertEqual(len(self.fake.received), 1, "a conflict is not retried")

    def test_a_400_lists_every_invalid_field(self) -> None:
        errors = [{"field": "email", "message": "is required"},
                  {"field": "metadata.plan", "message": "must be a string, number or boolean"}]
        self.fake.reply(reply(400, problem(400, "validation_failed", "The request has 2 invalid fields; see errors.",
                                           errors=errors)))

        with self.assertRaises(BadRequestError) as raised:
            self.client.customers.create(email="", name="A")

        self.assertEqual(raised.exception.errors, [FieldError("email", "is required"),
                                                   FieldError("metadata.plan", "must be a string, number or boolean")])

    def test_each_status_has_its_class_and_is_not_retried(self) -> None:
        cases = [(401, "unauthorized", AuthenticationError), (403, "forbidden", PermissionDeniedError),
                 (404, "customer_not_found", NotFoundError), (422, "idempotency_key_reused", UnprocessableEntityError),
                 (500, "internal_error", InternalServerError), (413, "payload_too_large", APIError)]
        for status, code, cls in cases:
            with self.subTest(status=status):
                self.fake.received.clear()
                self.fake.reply(reply(status, problem(status, code, "no")))
                with self.assertRaises(cls) as raised:
                    self.client.customers.get("cust_1")
                self.assertEqual(type(raised.exception), cls)
                self.assertEqual((raised.exception.status, raised.exception.code), (status, code))
                self.assertEqual(len(self.fake.received), 1)

    def test_a_body_that_is_not_a_problem_still_gives_status_request_id_and_text(self) -> None:
        self.fake.reply(reply(502, raw="<html><body>Bad gateway</body></html>",
                              headers={"Content-Type": "text/html", "X-Request-Id": "req_from_header"}))

        with self.assertRaises(InternalServerError) as raised:
            self.client.customers.get("cust_1")

        error = raised.exception
        self.assertEqual((error.status, error.code, error.request_id), (502, None, "req_from_header"))
        self.assertEqual(error.detail, "<html><body>Bad gateway</body></html>")
        self.assertRegex(str(error), r"^502: <html>.*\(request req_from_header\)$")

    def test_a_success_that_is_not_json_is_a_novabilling_error_naming_the_request(self) -> None:
        self.fake.reply(reply(200, raw="not json", headers={"X-Request-Id": "req_x"}))

        with self.assertRaisesRegex(NovaBillingError, r"not JSON.*req_x"):
            self.client.customers.get("cust_1")


class RetryTest(ClientTestCase):
    def test_retries_a_503_after_retry_after_with_the_same_idempotency_key(self) -> None:
        self.fake.reply(reply(503, problem(503, "service_unavailable", "down"), headers={"Retry-After": "2"}),
                        reply(201, wire_customer()))

        customer = self.client.customers.create(email="a@b.ug", name="A")

        self.assertEqual(customer.id, "cust_01jq3v6x9c4m2k8d7f5h1n0p2r")
        self.assertEqual(self.sleeps, [2.0])
        first, second = self.fake.received
        self.assertRegex(first.header("Idempotency-Key"), UUID_V4)
        self.assertEqual(second.header("Idempotency-Key"), first.header("Idempotency-Key"))
        self.assertEqual(second.body, first.body)

    def test_honours_retry_after_as_an_http_date(self) -> None:
        in_five_seconds = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=5), usegmt=True)
        self.fake.reply(reply(429, problem(429, "rate_limited", "slow"), headers={"Retry-After": in_five_seconds}),
                        reply(200, wire_customer()))

        self.client.customers.get("cust_1")

        self.assertEqual(len(self.sleeps), 1)
        self.assertTrue(0 < self.sleeps[0] <= 5, self.sleeps)

    def test_backs_off_exponentially_with_jitter_then_raises_the_last_error(self) -> None:
        limited = reply(429, problem(429, "rate_limited", "slow down"))
        self.fake.reply(limited, limited, limited, limited)
        self.client = self.new_client(max_retries=3)

        with self.assertRaises(RateLimitError) as raised:
            self.client.customers.list()

        self.assertEqual(raised.exception.code, "rate_limited")
        self.assertEqual(len(self.fake.received), 4)
        self.assertEqual(len(self.sleeps), 3)
        for waited, (low, high) in zip(self.sleeps, [(0.375, 0.5), (0.75, 1.0), (1.5, 2.0)]):
            self.assertTrue(low <= waited <= high, self.sleeps)

    def test_does_not_wait_for_a_retry_after_beyond_a_minute(self) -> None:
        self.fake.reply(reply(503, problem(503, "service_unavailable", "down"), headers={"Retry-After": "3600"}))

        with self.assertRaises(InternalServerError):
            self.client.customers.get("cust_1")
        self.assertEqual(self.sleeps, [])

    def test_retries_409_idempotency_key_in_use_but_no_other_409(self) -> None:
        self.fake.reply(reply(409, problem(409, "idempotency_key_in_use", "running"), headers={"Retry-After": "1"}),
                        reply(201, wire_customer()))

        self.client.customers.create(email="a@b.ug", name="A", idempotency_key="k1")

        self.assertEqual(self.sleeps, [1.0])
        self.assertEqual([r.header("Idempotency-Key") for r in self.fake.received], ["k1", "k1"])

    def test_retries_a_dropped_connection_for_writes_with_the_same_key(self) -> None:
        self.fake.reply(DROP, reply(200, {"id": "cust_1", "deleted": True, "canceledSubscriptions": 0,
                                          "voidedInvoices": 0}, headers={"Idempotent-Replayed": "true"}))

        deleted = self.client.customers.delete("cust_1")

        self.assertTrue(deleted.deleted)
        self.assertEqual(len(self.fake.received), 2)
        self.assertEqual(self.fake.received[1].header("Idempotency-Key"),
                         self.fake.received[0].header("Idempotency-Key"))
        self.assertEqual(len(self.sleeps), 1)

    def test_gives_up_on_dropped_connections_after_max_retries(self) -> None:
        self.fake.reply(DROP, DROP, DROP)

        with self.assertRaises(APIConnectionError) as raised:
            self.client.customers.get("cust_1")

        self.assertNotIsInstance(raised.exception, APITimeoutError)
        self.assertEqual(len(self.fake.received), 3)
        self.assertEqual(len(self.sleeps), 2)

    def test_a_refused_connection_is_an_api_connection_error(self) -> None:
        base_url = self.fake.base_url
        self.fake.stop()
        self.fake = FakeService()
        self.addCleanup(self.fake.stop)

        with self.assertRaises(APIConnectionError):
            NovaBilling(token=TOKEN, base_url=base_url, max_retries=0).customers.get("cust_1")

    def test_no_answer_within_timeout_is_an_api_timeout_error_retried(self) -> None:
        self.fake.reply(HANG, HANG)
        self.client = self.new_client(timeout=0.2, max_retries=1)

        with self.assertRaises(APITimeoutError):
            self.client.customers.get("cust_1")
        self.assertEqual(len(self.fake.received), 2)

    def test_max_retries_zero_never_retries(self) -> None:
        self.fake.reply(reply(503, problem(503, "service_unavailable", "down")))
        self.client = self.new_client(max_retries=0)

        with self.assertRaises(InternalServerError):
            self.client.customers.get("cust_1")
        self.assertEqual(len(self.fake.received), 1)
        self.assertEqual(self.sleeps, [])


if __name__ == "__main__":
    unittest.main()

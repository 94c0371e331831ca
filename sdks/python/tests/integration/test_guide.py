"""The customers guide's Python snippets, run against the running service, changing only the base URL and key
(and the example id ``cust_x1y2z3``, replaced by the id the first snippet created); what they print is
compared with what the guide shows."""

import json
import os
import re
import subprocess
import sys
import unittest
from datetime import timezone
from decimal import Decimal

from novabilling import BadRequestError, ConflictError, NotFoundError, NovaBilling

from .guide_snippets import snippets
from .env import API_KEY, BASE_URL

SRC = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "src"))
GUIDE_CLIENT = 'NovaBilling(token="sk_live_a1b2c3d4...")'
GUIDE_ID = '"cust_x1y2z3"'
#: The guide's Python snippets, read from docs/customers-guide.md.
GUIDE = snippets("```python [Python]")
#: The first snippet's import and client, which every later snippet of the guide uses.
PRELUDE = GUIDE["Creating Customers"][:GUIDE["Creating Customers"].index("customer = ")]


def run_snippet(snippet: str, customer_id: str = "") -> str:
    source = snippet if snippet.startswith("from novabilling") else PRELUDE + snippet
    assert GUIDE_CLIENT in source, "the guide constructs the client with its example key"
    source = source.replace(GUIDE_CLIENT, "NovaBilling(token=%s, base_url=%s)" % (json.dumps(API_KEY),
                                                                               json.dumps(BASE_URL)))
    if GUIDE_ID in snippet:
        assert customer_id, "this snippet needs the created id"
        source = source.replace(GUIDE_ID, json.dumps(customer_id))
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    completed = subprocess.run([sys.executable, "-c", source], env=env, capture_output=True, text=True,
                               timeout=60, stdin=subprocess.DEVNULL)
    if completed.returncode != 0:
        raise AssertionError("the snippet failed:\n%s\n%s" % (source, completed.stderr))
    return completed.stdout


class GuideTest(unittest.TestCase):
    """One test, the guide's order: each snippet needs the previous ones' effects."""

    def test_the_customers_guide_in_python(self) -> None:
        client = NovaBilling(token=API_KEY, base_url=BASE_URL)
        self.assertEqual(client.customers.list().total, 0,
                         "the integration tests need a tenant without customers (a fresh service)")

        # Creating Customers
        output = run_snippet(GUIDE["Creating Customers"])
        match = re.fullmatch(r"Customer created: (cust_[0-9a-z]{26})\n", output)
        self.assertIsNotNone(match, output)
        customer_id = match.group(1)

        # Updating Customers
        self.assertEqual(run_snippet(GUIDE["Updating Customers"], customer_id), "Updated: Nakato Sarah Williams\n")

        # Listing and Filtering Customers
        self.assertEqual(run_snippet(GUIDE["Basic Listing"]), "Showing 1 of 1 customers\n")
        self.assertEqual(run_snippet(GUIDE["Search by Name or Email"]), "Nakato Sarah Williams - sarah@kampaltech.ug\n")

        # Getting Customer Details: print(customer) shows the customer's attributes
        customer = client.customers.get(customer_id)
        self.assertEqual(run_snippet(GUIDE["Getting Customer Details"], customer_id), repr(customer) + "\n")
        self.assertEqual(
            (customer.id, customer.external_id, customer.email, customer.name, customer.country, customer.currency,
             customer.status, customer.metadata, customer.total_spent, customer.active_subscriptions),
            (customer_id, "usr_98765", "sarah@kampaltech.ug", "Nakato Sarah Williams", "UG", "UGX", "active",
             {"user_id": "usr_98765", "account_type": "enterprise", "upgrade_date": "2025-03-01"}, Decimal(0), 0))
        self.assertEqual(customer.created_at.tzinfo, timezone.utc)
        self.assertGreaterEqual(customer.updated_at, customer.created_at)
        self.assertTrue(repr(customer).startswith(
            "Customer(id=%r, external_id='usr_98765', email='sarah@kampaltech.ug', name='Nakato Sarah Williams', "
            "country='UG', currency='UGX', status='active', metadata={" % customer_id), repr(customer))

        # Deleting Customers
        self.assertEqual(run_snippet(GUIDE["Deleting Customers"], customer_id), "Customer deleted\n")
        with self.assertRaises(NotFoundError) as raised:
            client.customers.get(customer_id)
        self.assertEqual((raised.exception.status, raised.exception.code), (404, "customer_not_found"))
        self.assertRegex(raised.exception.request_id or "", r"^req_")


class ServiceErrorTest(unittest.TestCase):
    def setUp(self) -> None:
        self.client = NovaBilling(token=API_KEY, base_url=BASE_URL)

    def test_a_duplicate_email_in_any_case_is_a_conflict_error_with_a_request_id(self) -> None:
        first = self.client.customers.create(email="sarah@kampaltech.ug", name="Nakato Sarah")
        self.addCleanup(self.client.customers.delete, first.id)

        with self.assertRaises(ConflictError) as raised:
            self.client.customers.create(email="Sarah@KampalTech.ug", name="Someone Else")

        error = raised.exception
        self.assertEqual((error.status, error.code), (409, "customer_email_taken"))
        self.assertRegex(error.detail or "", r"(?i)sarah@kampaltech\.ug")
        self.assertRegex(error.request_id or "", r"^req_[0-9a-z]+$")
        self.assertIn(error.request_id, str(error))
        self.assertEqual([c.id for c in self.client.customers.list(email="sarah@kampaltech.ug").data], [first.id])

    def test_an_invalid_create_names_every_field_and_creates_nothing(self) -> None:
        with self.assertRaises(BadRequestError) as raised:
            self.client.customers.create(email="not-an-email", name="", country="XX")

        self.assertEqual(sorted(e.field for e in raised.exception.errors), ["country", "email", "name"])
        self.assertEqual(self.client.customers.list().total, 0)

    def test_list_all_walks_every_page_of_the_real_list(self) -> None:
        created = [self.client.customers.create(email="page%d@example.ug" % i, name="Page %d" % i)
                   for i in range(5)]
        for customer in created:
            self.addCleanup(self.client.customers.delete, customer.id)

        seen = [c.email for c in self.client.customers.list_all(limit=2, sort_by="email", sort_order="asc")]

        self.assertEqual(seen, [c.email for c in created])


if __name__ == "__main__":
    unittest.main()

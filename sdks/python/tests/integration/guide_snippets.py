"""The Python snippets of the customers guide ("Customer Management"), copied verbatim, in the guide's order.
test_guide.py runs them changing only the base URL and key (and the example id ``cust_x1y2z3``, which it
replaces by the id the first snippet created)."""

CREATE = '''from novabilling import NovaBilling

client = NovaBilling(token="sk_live_a1b2c3d4...")

customer = client.customers.create(
    external_id="usr_98765",
    email="sarah@kampaltech.ug",
    name="Nakato Sarah",
    country="UG",
    currency="UGX",
    metadata={
        "user_id": "usr_98765",
        "account_type": "business"
    }
)

print(f"Customer created: {customer.id}")
'''

UPDATE = '''updated = client.customers.update(
    "cust_x1y2z3",
    name="Nakato Sarah Williams",
    metadata={
        "user_id": "usr_98765",
        "account_type": "enterprise",
        "upgrade_date": "2025-03-01"
    }
)

print(f"Updated: {updated.name}")
'''

LIST = '''customers = client.customers.list(page=1, limit=20)

print(f"Showing {len(customers.data)} of {customers.total} customers")
'''

SEARCH = '''results = client.customers.list(search="sarah", page=1, limit=20)

for customer in results.data:
    print(f"{customer.name} - {customer.email}")
'''

GET = '''customer = client.customers.get("cust_x1y2z3")
print(customer)
'''

DELETE = '''client.customers.delete("cust_x1y2z3")
print("Customer deleted")
'''

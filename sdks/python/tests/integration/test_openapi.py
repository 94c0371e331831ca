"""The SDK stays true to the API: every operation, parameter, request body, answer and error the SDK models is
compared with the OpenAPI document of the running service. Schemas are found through the operations
(operationId, then ``$ref``s), never by schema name, so renaming a schema passes and changing a field fails.

The service serves the document as YAML; the standard library has no YAML parser, so ``sdks/run-tests.sh``
converts it once with the TypeScript SDK's dev tooling (``scripts/openapi-json.mjs``) and passes the file in
``NOVABILLING_OPENAPI_JSON``. The test checks that file is the document the service serves now (same
operations).
"""

import inspect
import json
import os
import re
import unittest
import urllib.parse
import urllib.request
from typing import Any, Dict, List, get_type_hints

from novabilling import DEFAULT_BASE_URL, Customers, NovaBilling, Problem
from novabilling._client import REQUEST_OPTIONS

from .env import BASE_URL
from .shapes import compare, iterated, shape_of_arguments, shape_of_hint, shape_of_schema

#: SDK method -> the operation it calls.
OPERATIONS = {
    "create": "createCustomer",
    "update": "updateCustomer",
    "list": "listCustomers",
    "get": "getCustomer",
    "delete": "deleteCustomer",
}
#: Methods built on the ones above (list_all pages through list).
DERIVED = {"list_all"}
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

CALLS = {
    "create": lambda c: c.customers.create(email="a@b.ug", name="A"),
    "update": lambda c: c.customers.update("cust_probe", name="A"),
    "list": lambda c: c.customers.list(page=1),
    "get": lambda c: c.customers.get("cust_probe"),
    "delete": lambda c: c.customers.delete("cust_probe"),
}


def load_document() -> Dict[str, Any]:
    path = os.environ.get("NOVABILLING_OPENAPI_JSON")
    if not path:
        raise RuntimeError("NOVABILLING_OPENAPI_JSON is not set: the OpenAPI document as JSON "
                           "(see sdks/run-tests.sh and tests/integration/env.py)")
    with open(path, encoding="utf-8") as file:
        return json.load(file)


class OpenApiConformanceTest(unittest.TestCase):
    document: Dict[str, Any]

    @classmethod
    def setUpClass(cls) -> None:
        cls.document = load_document()

    def operation(self, operation_id: str):
        for path, item in self.document.get("paths", {}).items():
            for method in HTTP_METHODS:
                if item.get(method, {}).get("operationId") == operation_id:
                    return path, method, item[method], item
        self.fail("the API has no operation %s" % operation_id)

    def parameters(self, operation_id: str, location: str) -> List[Dict[str, Any]]:
        _, _, op, item = self.operation(operation_id)
        declared = list(item.get("parameters", [])) + list(op.get("parameters", []))
        declared = [self.deref(p) for p in declared]
        return [p for p in declared if p.get("in") == location]

    def deref(self, node: Dict[str, Any]) -> Dict[str, Any]:
        from .shapes import resolve
        return resolve(self.document, node["$ref"]) if "$ref" in node else node

    def json_schema(self, content: Dict[str, Any], where: str) -> Any:
        media = [m for t, m in (content or {}).items() if "json" in t.lower()]
        self.assertTrue(media, "%s has no JSON content" % where)
        return media[0].get("schema")

    def success_schema(self, op: Dict[str, Any], where: str) -> Any:
        codes = [c for c in op.get("responses", {}) if re.match(r"^2\d\d$", str(c))]
        self.assertEqual(len(codes), 1, "one success answer, found %s" % codes)
        return self.json_schema(self.deref(op["responses"][codes[0]]).get("content"), where)

    def assert_same(self, api, sdk, path: str, ignore_nullable: bool = False) -> None:
        differences = compare(api, sdk, path, ignore_nullable)
        self.assertEqual(differences, [], "the SDK does not follow the API:\n  " + "\n  ".join(differences))

    def capture(self, method: str):
        """The request the SDK sends for ``method``, captured instead of sent."""
        client = NovaBilling(token="sk_live_probe")
        seen = {}

        def attempt(http_method, url, headers, data):
            seen.update(method=http_method, url=url, headers=headers)
            return 200, {"Content-Type": "application/json"}, b"{}"

        client._transport._attempt = attempt  # type: ignore[method-assign]
        CALLS[method](client)
        return seen

    # ------------------------------------------------------------------------------------------------ tests

    def test_the_document_is_the_one_the_service_serves(self) -> None:
        with urllib.request.urlopen(BASE_URL + "/openapi.yml", timeout=30) as response:
            served = response.read().decode("utf-8")
        for operation_id in OPERATIONS.values():
            self.assertIn("operationId: " + operation_id, served)
        served_ids = set(re.findall(r"operationId: (\S+)", served))
        document_ids = {op.get("operationId") for item in self.document["paths"].values()
                        for m, op in item.items() if m in HTTP_METHODS}
        self.assertEqual(served_ids, document_ids)

    def test_covers_every_method_of_customers(self) -> None:
        methods = {name for name, member in inspect.getmembers(Customers, inspect.isfunction)
                   if not name.startswith("_")}
        self.assertEqual(methods - DERIVED, set(OPERATIONS))

    def test_calls_each_operations_method_and_path_from_the_default_base_url(self) -> None:
        # servers[0].url may be absolute (http://localhost:3000) or relative (/api); paths are compared.
        server = str((self.document.get("servers") or [{}])[0].get("url", "")).rstrip("/")
        for method, operation_id in OPERATIONS.items():
            with self.subTest(method=method):
                path, http_method, _, _ = self.operation(operation_id)
                sent = self.capture(method)
                self.assertEqual(sent["method"], http_method.upper())
                expected = urllib.parse.urljoin(DEFAULT_BASE_URL, server + re.sub(r"\{[^}]+\}", "cust_probe", path))
                self.assertEqual(urllib.parse.urlsplit(sent["url"]).path, urllib.parse.urlsplit(expected).path)
                self.assertEqual(urllib.parse.urlsplit(sent["url"]).netloc, urllib.parse.urlsplit(DEFAULT_BASE_URL).netloc)

    def test_authenticates_as_the_api_says_and_sends_every_declared_header(self) -> None:
        for method, operation_id in OPERATIONS.items():
            with self.subTest(method=method):
                _, _, op, _ = self.operation(operation_id)
                requirements = op.get("security", self.document.get("security")) or []
                self.assertTrue(requirements, "the operation requires authentication")
                for requirement in requirements:
                    for name in requirement:
                        scheme = self.document["components"]["securitySchemes"][name]
                        self.assertEqual((scheme["type"], scheme["scheme"].lower()), ("http", "bearer"))
                sent = self.capture(method)
                self.assertEqual(sent["headers"]["Authorization"], "Bearer sk_live_probe")
                sent_names = {h.lower() for h in sent["headers"]}
                for header in self.parameters(operation_id, "header"):
                    self.assertIn(header["name"].lower(), sent_names,
                                  "the API declares the header %s; the SDK does not send it" % header["name"])

    def test_path_parameters(self) -> None:
        for method, operation_id in OPERATIONS.items():
            with self.subTest(method=method):
                declared = self.parameters(operation_id, "path")
                signature = inspect.signature(getattr(Customers, method))
                positional = [p for p in signature.parameters.values()
                              if p.kind == inspect.Parameter.POSITIONAL_OR_KEYWORD and p.name != "self"]
                self.assertEqual(len(declared), len(positional))
                hints = get_type_hints(getattr(Customers, method))
                for parameter, argument in zip(declared, positional):
                    self.assertTrue(parameter.get("required"))
                    self.assertIs(argument.default, inspect.Parameter.empty)
                    self.assert_same(shape_of_schema(self.document, parameter["schema"]),
                                     shape_of_hint(hints[argument.name]), "%s(%s)" % (operation_id, parameter["name"]))

    def test_query_parameters(self) -> None:
        for method, operation_id in OPERATIONS.items():
            with self.subTest(method=method):
                declared = self.parameters(operation_id, "query")
                keyword = self.keyword_arguments(method)
                if method != "list":
                    self.assertEqual([p["name"] for p in declared], [])
                    continue
                api = {"kind": "object", "nullable": False, "props": {
                    p["name"]: {"required": p.get("required") is True,
                                "shape": shape_of_schema(self.document, p.get("schema"))} for p in declared}}
                self.assert_same(api, shape_of_arguments(getattr(Customers, method), keyword),
                                 operation_id + "?", ignore_nullable=True)

    def test_request_bodies(self) -> None:
        for method, operation_id in OPERATIONS.items():
            with self.subTest(method=method):
                _, _, op, _ = self.operation(operation_id)
                keyword = self.keyword_arguments(method)
                if method in ("list", "get", "delete"):
                    self.assertNotIn("requestBody", op)
                    continue
                body = self.deref(op["requestBody"])
                self.assertTrue(body.get("required"))
                self.assert_same(shape_of_schema(self.document, self.json_schema(body["content"], operation_id)),
                                 shape_of_arguments(getattr(Customers, method), keyword), operation_id + " body")

    def test_success_answers(self) -> None:
        for method, operation_id in OPERATIONS.items():
            with self.subTest(method=method):
                _, _, op, _ = self.operation(operation_id)
                returned = get_type_hints(getattr(Customers, method))["return"]
                self.assert_same(shape_of_schema(self.document, self.success_schema(op, operation_id)),
                                 shape_of_hint(returned), operation_id + " answer")

    def test_error_answers_are_read_as_problem(self) -> None:
        for method, operation_id in OPERATIONS.items():
            _, _, op, _ = self.operation(operation_id)
            errors = {c: r for c, r in op.get("responses", {}).items() if re.match(r"^[45]\d\d$", str(c))}
            self.assertTrue(errors, "%s declares its errors" % operation_id)
            for code, response in errors.items():
                with self.subTest(operation=operation_id, status=code):
                    schema = self.json_schema(self.deref(response).get("content"), "%s %s" % (operation_id, code))
                    self.assert_same(shape_of_schema(self.document, schema), shape_of_hint(Problem),
                                     "%s %s" % (operation_id, code))

    def test_list_all_takes_lists_arguments_and_yields_its_items(self) -> None:
        list_hints = get_type_hints(Customers.list)
        all_hints = get_type_hints(Customers.list_all)
        self.assertEqual({k: v for k, v in all_hints.items() if k != "return"},
                         {k: v for k, v in list_hints.items() if k != "return"})
        _, _, op, _ = self.operation("listCustomers")
        answer = shape_of_schema(self.document, self.success_schema(op, "listCustomers"))
        self.assertEqual(answer["props"]["data"]["shape"]["kind"], "array")
        self.assert_same(answer["props"]["data"]["shape"]["items"], shape_of_hint(iterated(all_hints["return"])),
                         "list_all yields")

    def keyword_arguments(self, method: str) -> List[str]:
        signature = inspect.signature(getattr(Customers, method))
        return [p.name for p in signature.parameters.values()
                if p.kind == inspect.Parameter.KEYWORD_ONLY and p.name not in REQUEST_OPTIONS]


if __name__ == "__main__":
    unittest.main()

"""Where the running service is. ``sdks/run-tests.sh`` starts one and sets these; by hand::

    NOVABILLING_BASE_URL=http://localhost:3000/api NOVABILLING_API_KEY=sk_live_... \\
    NOVABILLING_OPENAPI_JSON=/tmp/openapi.json PYTHONPATH=src python3 -m unittest discover -s tests/integration -t .

against a service whose tenant holds no customers. ``NOVABILLING_OPENAPI_JSON`` is the service's OpenAPI
document as JSON (``node ../typescript/scripts/openapi-json.mjs $NOVABILLING_BASE_URL/openapi.yml``): the
service serves YAML, and this SDK and its tests use the standard library only, which has no YAML parser.
"""

import os


def required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError("%s is not set: the integration tests need a running service (see sdks/run-tests.sh)"
                           % name)
    return value


BASE_URL = required("NOVABILLING_BASE_URL").rstrip("/")
API_KEY = required("NOVABILLING_API_KEY")

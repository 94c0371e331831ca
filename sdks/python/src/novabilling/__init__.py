"""Python client for the NovaBilling Customers API (standard library only).

    from novabilling import NovaBilling

    client = NovaBilling(token="sk_live_...")
    customer = client.customers.create(email="sarah@kampaltech.ug", name="Nakato Sarah")
"""

from ._client import NOT_GIVEN, Customers, NotGiven, NovaBilling
from ._errors import (APIConnectionError, APIError, APITimeoutError, AuthenticationError, BadRequestError,
                      ConflictError, InternalServerError, NotFoundError, NovaBillingError, PermissionDeniedError,
                      RateLimitError, UnprocessableEntityError)
from ._models import (Customer, CustomerList, CustomerSortField, CustomerStatus, DeletedCustomer, FieldError,
                      Metadata, MetadataValue, Problem, SortOrder)
from ._transport import DEFAULT_BASE_URL, VERSION

__version__ = VERSION

__all__ = [
    "NovaBilling", "Customers", "NOT_GIVEN", "NotGiven",
    "Customer", "CustomerList", "DeletedCustomer", "FieldError", "Problem",
    "CustomerStatus", "CustomerSortField", "SortOrder", "Metadata", "MetadataValue",
    "NovaBillingError", "APIError", "BadRequestError", "AuthenticationError", "PermissionDeniedError",
    "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError",
    "APIConnectionError", "APITimeoutError",
    "DEFAULT_BASE_URL", "VERSION", "__version__",
]

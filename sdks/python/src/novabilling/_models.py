"""The API's objects as Python objects: snake_case attributes over the camelCase wire format.

Every model is a frozen dataclass; its fields, read with ``typing.get_type_hints``, drive both the parsing
of the service's JSON (``from_wire``) and the check against the OpenAPI document
(``tests/integration/test_openapi.py``), so the two cannot drift apart.
"""

import dataclasses
import re
from datetime import datetime, timezone
from decimal import Decimal
from typing import (Any, Dict, List, Literal, Mapping, Optional, Type, TypeVar, Union, get_args, get_origin,
                    get_type_hints)

CustomerStatus = Literal["active", "inactive"]
CustomerSortField = Literal["createdAt", "updatedAt", "name", "email"]
SortOrder = Literal["asc", "desc"]

#: A metadata value: a string (at most 500 characters), a number or a boolean.
MetadataValue = Union[str, int, float, bool]
#: Your key-value data. Keys are yours and are never renamed.
Metadata = Dict[str, MetadataValue]

T = TypeVar("T")


def to_camel(name: str) -> str:
    """``external_id`` -> ``externalId``: how every attribute and parameter is named on the wire."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


_TIMESTAMP = re.compile(r"Z$")


def parse_timestamp(value: str) -> datetime:
    """An ISO 8601 UTC timestamp (``2025-03-01T10:00:00.000Z``) as an aware datetime (Python 3.9+)."""
    parsed = datetime.fromisoformat(_TIMESTAMP.sub("+00:00", value))
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin is Union:
        options = [a for a in get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if hint is Decimal:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if hint is int:
        return int(value)
    if hint is datetime:
        return parse_timestamp(value)
    if origin in (list, List):
        (item,) = get_args(hint)
        return [_convert(item, v) for v in value]
    if origin in (dict, Dict):
        return {k: _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(hint):
        return from_wire(hint, value)
    return value


def _plain(value: Any) -> Any:
    """Metadata numbers come back as int or float (the exact Decimal parse is kept for money only)."""
    return float(value) if isinstance(value, Decimal) else value


def from_wire(cls: Type[T], data: Mapping[str, Any]) -> T:
    """Builds ``cls`` from the service's JSON object; fields the service added since are ignored."""
    hints = get_type_hints(cls)
    values = {f.name: _convert(hints[f.name], data.get(to_camel(f.name)))
              for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**values)


def to_wire(model: Any) -> Dict[str, Any]:
    """A model back in the wire format (camelCase keys, timestamps ISO 8601, money a string-exact Decimal)."""
    result: Dict[str, Any] = {}
    for field in dataclasses.fields(model):
        value = getattr(model, field.name)
        if isinstance(value, datetime):
            value = value.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        elif dataclasses.is_dataclass(value):
            value = to_wire(value)
        elif isinstance(value, list):
            value = [to_wire(v) if dataclasses.is_dataclass(v) else v for v in value]
        result[to_camel(field.name)] = value
    return result


@dataclasses.dataclass(frozen=True)
class Customer:
    """A customer of your tenant."""

    id: str
    external_id: Optional[str]
    email: str
    name: str
    country: Optional[str]
    currency: str
    status: CustomerStatus
    metadata: Dict[str, MetadataValue]
    #: Lifetime amount paid, in the customer's currency; exact.
    total_spent: Decimal
    active_subscriptions: int
    created_at: datetime
    updated_at: datetime

    def to_dict(self) -> Dict[str, Any]:
        """The customer as the API sends it (camelCase), e.g. for ``json.dumps(..., default=str)``."""
        return to_wire(self)


@dataclasses.dataclass(frozen=True)
class CustomerList:
    """One page of customers."""

    data: List[Customer]
    #: Customers matching the query over all pages (exact up to 1,000, an estimate beyond).
    total: int
    page: int
    limit: int
    total_pages: int
    has_more: bool


@dataclasses.dataclass(frozen=True)
class DeletedCustomer:
    """What ``customers.delete`` did."""

    id: str
    deleted: bool
    canceled_subscriptions: int
    voided_invoices: int


@dataclasses.dataclass(frozen=True)
class FieldError:
    """One broken rule of a rejected request: the input (``email``, ``metadata.plan``, ``page``) and why."""

    field: str
    message: str


@dataclasses.dataclass(frozen=True)
class Problem:
    """RFC 9457 problem details, the body of every error the API answers."""

    type: str
    title: str
    status: int
    detail: str
    #: Stable machine code, e.g. ``customer_email_taken``; open-ended, so new codes never break a client.
    code: str
    request_id: str
    errors: Optional[List[FieldError]] = None

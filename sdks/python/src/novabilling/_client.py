"""``NovaBilling`` and ``client.customers``."""

import time
import urllib.parse
from typing import Any, Callable, Dict, Iterator, Mapping, Optional, Union

from ._models import (Customer, CustomerList, CustomerSortField, CustomerStatus, DeletedCustomer, MetadataValue,
                      SortOrder, from_wire, to_camel)
from ._transport import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, Transport


class NotGiven:
    """The default of ``update``'s fields: not sent at all (``None`` is sent as null, which clears)."""

    _instance = None

    def __new__(cls) -> "NotGiven":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> bool:
        return False


NOT_GIVEN = NotGiven()

#: Keyword arguments of the methods that are options of the call, not fields of the request.
REQUEST_OPTIONS = ("idempotency_key",)


def _fields(arguments: Dict[str, Any], omit: Any) -> Dict[str, Any]:
    """The given keyword arguments as wire fields (camelCase names), those equal to ``omit`` left out.

    ``metadata``'s keys are the caller's data and are sent exactly as given.
    """
    body: Dict[str, Any] = {}
    for name, value in arguments.items():
        if name in REQUEST_OPTIONS or value is omit:
            continue
        if name == "metadata" and value is not None:
            value = dict(value)
        body[to_camel(name)] = value
    return body


def _customer_path(customer_id: str) -> str:
    if not isinstance(customer_id, str) or not customer_id:
        raise ValueError("a customer id (cust_...) is required")
    return "/customers/" + urllib.parse.quote(customer_id, safe="")


class Customers:
    """``client.customers``: create, update, list, get and delete your tenant's customers."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def create(self, *, email: str, name: str, external_id: Optional[str] = None, country: Optional[str] = None,
               currency: Optional[str] = None, status: Optional[CustomerStatus] = None,
               metadata: Optional[Mapping[str, MetadataValue]] = None,
               idempotency_key: Optional[str] = None) -> Customer:
        """``POST /customers``. Arguments left at None are not sent. Raises ConflictError when the email (or
        external_id) is taken. The Idempotency-Key is ``idempotency_key``, or a fresh UUID v4."""
        body = _fields(dict(email=email, name=name, external_id=external_id, country=country,
                            currency=currency, status=status, metadata=metadata), omit=None)
        data = self._transport.request("POST", "/customers", body=body, idempotency_key=idempotency_key)
        return from_wire(Customer, data)

    def update(self, customer_id: str, *, email: Union[str, NotGiven] = NOT_GIVEN,
               name: Union[str, NotGiven] = NOT_GIVEN,
               external_id: Union[str, None, NotGiven] = NOT_GIVEN,
               country: Union[str, None, NotGiven] = NOT_GIVEN,
               currency: Union[str, NotGiven] = NOT_GIVEN,
               status: Union[CustomerStatus, NotGiven] = NOT_GIVEN,
               metadata: Union[Mapping[str, MetadataValue], None, NotGiven] = NOT_GIVEN,
               idempotency_key: Optional[str] = None) -> Customer:
        """``PATCH /customers/{id}``: only the arguments given change; ``metadata`` replaces the stored
        metadata whole; ``None`` clears ``external_id``, ``country`` and ``metadata`` (as ``{}`` does)."""
        path = _customer_path(customer_id)
        body = _fields(dict(email=email, name=name, external_id=external_id, country=country, currency=currency,
                            status=status, metadata=metadata), omit=NOT_GIVEN)
        data = self._transport.request("PATCH", path, body=body, idempotency_key=idempotency_key)
        return from_wire(Customer, data)

    def list(self, *, page: Optional[int] = None, limit: Optional[int] = None, search: Optional[str] = None,
             status: Optional[CustomerStatus] = None, country: Optional[str] = None,
             currency: Optional[str] = None, external_id: Optional[str] = None, email: Optional[str] = None,
             sort_by: Optional[CustomerSortField] = None, sort_order: Optional[SortOrder] = None,
             starting_after: Optional[str] = None, ending_before: Optional[str] = None) -> CustomerList:
        """``GET /customers``: one page (``data``, ``total``, ``page``, ``limit``, ``total_pages``,
        ``has_more``), by ``page`` or by keyset: ``starting_after`` (the page right after this customer id) or
        ``ending_before`` (the page right before it). Arguments left at None are not sent."""
        query = _fields(dict(page=page, limit=limit, search=search, status=status, country=country,
                             currency=currency, external_id=external_id, email=email, sort_by=sort_by,
                             sort_order=sort_order, starting_after=starting_after, ending_before=ending_before),
                        omit=None)
        return from_wire(CustomerList, self._transport.request("GET", "/customers", query=query))

    def list_all(self, *, page: Optional[int] = None, limit: Optional[int] = None, search: Optional[str] = None,
                 status: Optional[CustomerStatus] = None, country: Optional[str] = None,
                 currency: Optional[str] = None, external_id: Optional[str] = None, email: Optional[str] = None,
                 sort_by: Optional[CustomerSortField] = None,
                 sort_order: Optional[SortOrder] = None,
                 starting_after: Optional[str] = None, ending_before: Optional[str] = None) -> Iterator[Customer]:
        """Every customer matching the arguments, page after page (``limit`` per request), until ``has_more``
        is false. The first request starts at ``page`` or ``starting_after`` when given; every later one asks
        for the page after the last customer seen (keyset), so customers created or deleted meanwhile make it
        skip or repeat no one, and a deep page costs no more than the first::

            for customer in client.customers.list_all(country="UG", limit=100):
                ...
        """
        if ending_before is not None:
            raise ValueError("list_all walks forward: give starting_after (or page), not ending_before")
        current_page, after = page, starting_after
        while True:
            result = self.list(page=current_page, limit=limit, search=search, status=status, country=country,
                               currency=currency, external_id=external_id, email=email, sort_by=sort_by,
                               sort_order=sort_order, starting_after=after)
            yield from result.data
            if not result.has_more or not result.data:
                return
            current_page, after = None, result.data[-1].id

    def get(self, customer_id: str) -> Customer:
        """``GET /customers/{id}``. Raises NotFoundError for an unknown id."""
        return from_wire(Customer, self._transport.request("GET", _customer_path(customer_id)))

    def delete(self, customer_id: str, *, idempotency_key: Optional[str] = None) -> DeletedCustomer:
        """``DELETE /customers/{id}``: cancels its active subscriptions, voids its unpaid invoices, deletes
        it. Irreversible. Raises NotFoundError for an unknown id."""
        data = self._transport.request("DELETE", _customer_path(customer_id), idempotency_key=idempotency_key)
        return from_wire(DeletedCustomer, data)


class NovaBilling:
    """The NovaBilling API client.

    :param token: your API key, ``sk_live_...`` or ``sk_test_...``
    :param base_url: default ``http://localhost:3000/api``
    :param timeout: seconds to connect and for each read, per attempt (default 60)
    :param max_retries: retries after the first attempt on 429, 503 and network errors (default 2)
    :param sleep: how the client waits between retries (default ``time.sleep``); tests pass their own
    """

    def __init__(self, token: str, *, base_url: str = DEFAULT_BASE_URL, timeout: float = DEFAULT_TIMEOUT,
                 max_retries: int = DEFAULT_MAX_RETRIES, sleep: Callable[[float], None] = time.sleep) -> None:
        if not isinstance(token, str) or not token.strip():
            raise ValueError('NovaBilling needs a token: NovaBilling(token="sk_live_...")')
        if not timeout > 0:
            raise ValueError("timeout must be a positive number of seconds")
        if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
            raise ValueError("max_retries must be an integer >= 0")
        self._transport = Transport(token, base_url, timeout, max_retries, sleep)
        self.customers = Customers(self._transport)

    def __repr__(self) -> str:
        return "NovaBilling(base_url=%r)" % self._transport._base_url

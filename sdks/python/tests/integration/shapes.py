"""A neutral description of a JSON shape (a dict), made from an OpenAPI schema or from the SDK's type hints,
and the rules for comparing the two. ``compare`` lists every difference."""

import collections.abc
import dataclasses
import inspect
from datetime import datetime
from decimal import Decimal
from typing import Any, Dict, List, Literal, Mapping, Union, get_args, get_origin, get_type_hints

from novabilling import NotGiven
from novabilling._models import to_camel

Shape = Dict[str, Any]
ANY: Shape = {"kind": "any", "nullable": False}


# ------------------------------------------------------------------------------------------------ OpenAPI side

def resolve(document: Dict[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        raise ValueError("external $ref %s is not supported" % ref)
    node: Any = document
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def shape_of_schema(document: Dict[str, Any], schema: Any) -> Shape:
    """The shape an OpenAPI (3.0 or 3.1) schema describes, ``$ref``s resolved."""
    if schema is True or schema is None or schema == {}:
        return dict(ANY)
    if "$ref" in schema:
        shape = shape_of_schema(document, resolve(document, schema["$ref"]))
        return {**shape, "nullable": True} if schema.get("nullable") else shape
    types = schema.get("type")
    types = types if isinstance(types, list) else ([] if types is None else [types])
    nullable = schema.get("nullable") is True or "null" in types
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if alternatives:
        options = []
        for alternative in alternatives:
            if alternative.get("type") == "null":
                nullable = True
            else:
                options.append(shape_of_schema(document, alternative))
        if len(options) == 1:
            return {**options[0], "nullable": nullable or options[0]["nullable"]}
        return {"kind": "union", "options": options, "nullable": nullable}
    if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
        shape = shape_of_schema(document, schema["allOf"][0])
        return {**shape, "nullable": nullable or shape["nullable"]}
    if isinstance(schema.get("enum"), list):
        values = [str(v) for v in schema["enum"] if v is not None]
        return {"kind": "enum", "values": values, "nullable": nullable or None in schema["enum"]}
    kind = next((t for t in types if t != "null"), None)
    if kind is None and ("properties" in schema or "additionalProperties" in schema):
        kind = "object"
    if kind == "string":
        return {"kind": "string", "format": schema.get("format"), "nullable": nullable}
    if kind in ("integer", "number", "boolean"):
        return {"kind": kind, "nullable": nullable}
    if kind == "array":
        return {"kind": "array", "items": shape_of_schema(document, schema.get("items")), "nullable": nullable}
    if kind == "object":
        properties = schema.get("properties") or {}
        if properties:
            required = set(schema.get("required") or [])
            return {"kind": "object", "nullable": nullable, "props": {
                name: {"required": name in required, "shape": shape_of_schema(document, prop)}
                for name, prop in properties.items()}}
        additional = schema.get("additionalProperties")
        values = dict(ANY) if additional in (None, True) else shape_of_schema(document, additional)
        return {"kind": "map", "values": values, "nullable": nullable}
    return {"kind": "any", "nullable": nullable}


# -------------------------------------------------------------------------------------------------- SDK side

def shape_of_hint(hint: Any) -> Shape:
    """The shape a type hint of the SDK accepts or produces. ``nullable`` is None where None means "absent"."""
    origin = get_origin(hint)
    if origin is Union:
        members = [m for m in get_args(hint) if m is not NotGiven]
        nullable = type(None) in members
        members = [m for m in members if m is not type(None)]
        options = [shape_of_hint(m) for m in members]
        enum_values = [v for o in options if o["kind"] == "enum" for v in o["values"]]
        others = [o for o in options if o["kind"] != "enum"]
        if enum_values:
            others.append({"kind": "enum", "values": enum_values, "nullable": False})
        kinds = {o["kind"] for o in others}
        if "number" in kinds:  # an int is a JSON number too
            others = [o for o in others if o["kind"] != "integer"]
        if len(others) == 1:
            return {**others[0], "nullable": nullable}
        return {"kind": "union", "options": others, "nullable": nullable}
    if origin is Literal:
        return {"kind": "enum", "values": [str(v) for v in get_args(hint)], "nullable": False}
    if hint is str:
        return {"kind": "string", "format": None, "nullable": False}
    if hint is bool:
        return {"kind": "boolean", "nullable": False}
    if hint is int:
        return {"kind": "integer", "nullable": False}
    if hint in (float, Decimal):
        return {"kind": "number", "nullable": False}
    if hint is datetime:
        return {"kind": "datetime", "nullable": False}
    if origin in (list, List):
        return {"kind": "array", "items": shape_of_hint(get_args(hint)[0]), "nullable": False}
    if origin in (dict, Dict, Mapping) or getattr(origin, "__name__", "") == "Mapping":
        return {"kind": "map", "values": shape_of_hint(get_args(hint)[1]), "nullable": False}
    if dataclasses.is_dataclass(hint):
        hints = get_type_hints(hint)
        props = {}
        for field in dataclasses.fields(hint):
            shape = shape_of_hint(hints[field.name])
            has_default = field.default is not dataclasses.MISSING
            if has_default and field.default is None:
                shape = {**shape, "nullable": None}  # None stands for "absent"
            props[to_camel(field.name)] = {"required": not has_default, "shape": shape}
        return {"kind": "object", "props": props, "nullable": False}
    raise TypeError("no shape for %r" % (hint,))


def shape_of_arguments(function: Any, names: List[str]) -> Shape:
    """The request fields a method's keyword arguments make: wire name, required (no default), and null allowed
    (None in the hint of an argument whose default is NOT_GIVEN; an argument defaulting to None is simply not
    sent when None)."""
    signature = inspect.signature(function)
    hints = get_type_hints(function)
    props = {}
    for name in names:
        parameter = signature.parameters[name]
        shape = shape_of_hint(hints[name])
        if parameter.default is None:
            shape = {**shape, "nullable": None}
        props[to_camel(name)] = {"required": parameter.default is inspect.Parameter.empty, "shape": shape}
    return {"kind": "object", "props": props, "nullable": False}


def iterated(hint: Any) -> Any:
    if get_origin(hint) is not collections.abc.Iterator:
        raise TypeError("%r is not an Iterator" % (hint,))
    return get_args(hint)[0]


# ------------------------------------------------------------------------------------------------ comparison

def describe(shape: Shape) -> str:
    kind = shape["kind"]
    if kind == "enum":
        return "enum(%s)" % "|".join(shape["values"])
    if kind == "array":
        return "array of " + describe(shape["items"])
    if kind == "map":
        return "map of " + describe(shape["values"])
    if kind == "object":
        return "object {%s}" % ", ".join(shape["props"])
    if kind == "union":
        return " | ".join(describe(o) for o in shape["options"])
    if kind == "string" and shape.get("format"):
        return "string (%s)" % shape["format"]
    return kind


def compare(api: Shape, sdk: Shape, path: str, ignore_nullable: bool = False) -> List[str]:
    """Every way ``sdk`` differs from ``api``. The rules: the same properties, each required exactly when the
    SDK requires it; null accepted exactly when the API says nullable (not compared where None means absent,
    nor for query parameters, which cannot be null on the wire); the same enum values; ``integer`` is an int,
    ``number`` a float or Decimal; a ``datetime`` attribute needs a ``date-time`` string; an API ``any`` (such
    as ``additionalProperties: true``) accepts whatever the SDK models; an API enum may be modelled as an open
    ``str`` (forward compatible), never the other way round."""
    differences: List[str] = []
    if api["kind"] == "any":
        return differences
    if not ignore_nullable and sdk["nullable"] is not None and api["nullable"] != sdk["nullable"]:
        differences.append("%s: the API %s null; the SDK %s it" % (
            path, "allows" if api["nullable"] else "never has", "allows" if sdk["nullable"] else "does not allow"))
    kind = api["kind"]
    if kind == "enum" and sdk["kind"] == "string":
        return differences
    if kind == "string" and sdk["kind"] == "datetime":
        if api.get("format") != "date-time":
            differences.append("%s: the SDK reads a datetime, the API has %s" % (path, describe(api)))
        return differences
    if kind != sdk["kind"]:
        differences.append("%s: the API has %s, the SDK %s" % (path, describe(api), describe(sdk)))
        return differences
    if kind == "enum":
        missing = [v for v in api["values"] if v not in sdk["values"]]
        extra = [v for v in sdk["values"] if v not in api["values"]]
        if missing:
            differences.append("%s: the SDK lacks the value(s) %s" % (path, ", ".join(missing)))
        if extra:
            differences.append("%s: the SDK has value(s) the API does not: %s" % (path, ", ".join(extra)))
    elif kind == "array":
        differences += compare(api["items"], sdk["items"], path + "[]")
    elif kind == "map":
        differences += compare(api["values"], sdk["values"], path + "{}")
    elif kind == "object":
        for name, prop in api["props"].items():
            mine = sdk["props"].get(name)
            if mine is None:
                differences.append("%s.%s: in the API, missing from the SDK" % (path, name))
                continue
            if prop["required"] != mine["required"]:
                differences.append("%s.%s: %s in the API, %s in the SDK" % (
                    path, name, "required" if prop["required"] else "optional",
                    "required" if mine["required"] else "optional"))
            differences += compare(prop["shape"], mine["shape"], path + "." + name, ignore_nullable)
        for name in sdk["props"]:
            if name not in api["props"]:
                differences.append("%s.%s: in the SDK, not in the API" % (path, name))
    elif kind == "union":
        for option in api["options"]:
            if not any(not compare(option, other, path) for other in sdk["options"]):
                differences.append("%s: the API allows %s, the SDK does not" % (path, describe(option)))
        for option in sdk["options"]:
            if not any(not compare(other, option, path) for other in api["options"]):
                differences.append("%s: the SDK allows %s, the API does not" % (path, describe(option)))
    return differences

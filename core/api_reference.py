"""The API reference as plain data for an accessible HTML page (/api/docs/), read from the same
OpenAPI schema drf-spectacular generates for /api/schema/ and Swagger UI, so the two never differ."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.utils.text import slugify
from drf_spectacular.generators import SchemaGenerator

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Field:
    """A parameter or body field: its name, where it goes, its type in words, and what it means."""

    name: str
    kind: str
    required: bool
    description: str
    where: str = ""


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Field]
    body: list[Field]
    body_description: str
    responses: list[tuple[str, str]]

    @property
    def anchor(self) -> str:
        return slugify(f"{self.method} {self.path}")


@dataclass
class Section:
    """The operations under one tag, in the schema's order."""

    tag: str
    operations: list[Operation] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"tag-{slugify(self.tag)}"


@dataclass(frozen=True)
class Reference:
    title: str
    version: str
    description: str
    sections: list[Section]


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _kind(schema: dict) -> str:
    """A schema's type in words: "string (date)", "one of csv, json", "list of string", "Action"."""
    if "$ref" in schema:
        return _ref_name(schema["$ref"])
    if "enum" in schema:
        return "one of " + ", ".join(str(value) for value in schema["enum"] if value not in ("", None))
    if "allOf" in schema or "oneOf" in schema:
        return " or ".join(_kind(part) for part in schema.get("allOf") or schema["oneOf"])
    kind = schema.get("type", "any")
    if kind == "array":
        kind = f"list of {_kind(schema.get('items', {}))}"
    elif "format" in schema:
        kind = f"{kind} ({schema['format']})"
    return f"{kind}, or null" if schema.get("nullable") else kind


def _body(operation: dict, components: dict) -> tuple[list[Field], str]:
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", next(iter(content.values()), {})).get("schema", {})
    if "$ref" in schema:
        schema = components.get(_ref_name(schema["$ref"]), {})
    required = set(schema.get("required", ()))
    fields = [
        Field(name=name, kind=_kind(spec), required=name in required, description=spec.get("description", ""))
        for name, spec in schema.get("properties", {}).items()
        if not spec.get("readOnly")
    ]
    return fields, schema.get("description", "")


def _operation(method: str, path: str, operation: dict, components: dict) -> Operation:
    body, body_description = _body(operation, components)
    return Operation(
        method=method.upper(),
        path=path,
        summary=operation.get("summary", ""),
        description=operation.get("description", ""),
        parameters=[
            Field(
                name=parameter["name"],
                where=parameter["in"],
                kind=_kind(parameter.get("schema", {})),
                required=parameter.get("required", False),
                description=parameter.get("description", ""),
            )
            for parameter in operation.get("parameters", [])
        ],
        body=body,
        body_description=body_description,
        responses=[(status, response.get("description", "")) for status, response in operation.get("responses", {}).items()],
    )


def reference_from_schema(schema: dict) -> Reference:
    """Every operation of the schema, grouped by its first tag, in the schema's order."""
    components = schema.get("components", {}).get("schemas", {})
    sections: dict[str, Section] = {}
    for path, operations in schema.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in operations:
                operation = operations[method]
                tag = (operation.get("tags") or ["other"])[0]
                sections.setdefault(tag, Section(tag)).operations.append(_operation(method, path, operation, components))
    info = schema.get("info", {})
    return Reference(
        title=info.get("title", ""),
        version=info.get("version", ""),
        description=info.get("description", ""),
        sections=list(sections.values()),
    )


@cache
def api_reference() -> Reference:
    """The public schema (what /api/schema/ serves) as a Reference; the code, so the schema, is fixed while the process runs."""
    return reference_from_schema(SchemaGenerator().get_schema(request=None, public=True))

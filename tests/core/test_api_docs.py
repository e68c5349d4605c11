"""/api/docs/: the API reference as a plain page, drawn from the same OpenAPI schema as
/api/schema/ and Swagger UI (now at /api/docs/swagger/), so no endpoint can be missing from it."""

import re

from drf_spectacular.generators import SchemaGenerator

from core.api_reference import HTTP_METHODS, api_reference, reference_from_schema


def test_every_operation_of_the_schema_is_on_the_page(client, db):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = {(method.upper(), path) for path, item in schema["paths"].items() for method in item if method in HTTP_METHODS}
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    shown = set(re.findall(r'<span class="app-api-method">(\w+)</span> <code class="app-code">([^<]+)</code>', page))
    assert shown == operations and len(operations) > 25
    # No sign-in needed, no script: a GOV.UK page with the footer's statement link and Swagger UI beside it.
    assert '<html lang="en-GB"' in page and "<script>" not in page
    assert 'href="/api/docs/swagger/"' in page and 'href="/accessibility/"' in page and 'href="/api/schema/"' in page


def test_an_operation_gives_its_parameters_body_and_responses(client, db):
    patch = next(
        operation for section in api_reference().sections for operation in section.operations
        if (operation.method, operation.path) == ("PATCH", "/api/v1/actions/{reference}/")
    )
    assert patch.summary.startswith("Change an action's plan")
    assert [(p.name, p.where, p.required) for p in patch.parameters] == [("If-Match", "header", False), ("reference", "path", True)]
    body = {field.name: field for field in patch.body}
    assert body["revised_target_date"].kind == "string (date), or null"
    assert body["delegates"].kind == "list of string"
    assert "required whenever revised_target_date moves" in body["revised_target_reason"].description
    assert {"200", "400", "401", "403", "404", "412", "429"} <= dict(patch.responses).keys()
    page = client.get("/api/docs/").content.decode()
    assert 'id="patch-apiv1actionsreference"' in page and "revised_target_reason" in page


def test_types_are_put_in_words():
    schema = {
        "info": {"title": "T", "version": "1", "description": "D"},
        "paths": {"/x/": {"post": {
            "tags": ["things"],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
            "responses": {"201": {"description": "Made."}},
        }}},
        "components": {"schemas": {"Thing": {
            "type": "object",
            "required": ["size"],
            "properties": {
                "id": {"type": "integer", "readOnly": True},
                "size": {"enum": ["small", "large", ""]},
                "parent": {"allOf": [{"$ref": "#/components/schemas/Thing"}]},
            },
        }}},
    }
    [section] = reference_from_schema(schema).sections
    [operation] = section.operations
    assert (section.tag, operation.method, operation.responses) == ("things", "POST", [("201", "Made.")])
    assert [(f.name, f.kind, f.required) for f in operation.body] == [("size", "one of small, large", True), ("parent", "Thing", False)]

"""The OpenAPI schema describes what the API answers: pages as objects, and its errors."""

import pytest
from django.test import Client

ERRORS = {"$ref": "#/components/schemas/Errors"}
PAGE_KEYS = ["count", "next", "previous", "results"]


@pytest.fixture(scope="module")
def schema():
    response = Client().get("/api/v1/schema/")
    assert response.status_code == 200
    return response.json()


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def query_names(operation) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}


def error_schema(operation, status: str):
    return operation["responses"][status]["content"]["application/json"]["schema"]


def test_the_error_format_is_one_component(schema):
    components = schema["components"]["schemas"]
    assert components["Errors"]["required"] == ["errors"]
    assert components["Errors"]["properties"]["errors"]["items"] == {
        "$ref": "#/components/schemas/Error"
    }
    error = components["Error"]
    assert error["required"] == ["field", "message"]
    assert error["properties"]["field"]["nullable"] is True


def test_list_endpoints_are_described_as_pages(schema):
    paged = [(name, op) for name, op in operations(schema) if "page" in query_names(op)]
    # 14, and a case's whereabouts reports and transfers, the incoming transfers, the custody
    # releases queue and screenings, and information requests (issue 18)
    assert len(paged) == 20
    for name, operation in paged:
        ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        page = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
        assert page["type"] == "object", name
        assert page["required"] == PAGE_KEYS, name
        assert page["properties"]["results"]["type"] == "array", name
        assert {"page_size"} <= query_names(operation), name
        assert error_schema(operation, "404") == ERRORS, name


def test_every_operation_describes_the_errors_it_can_answer(schema):
    for name, operation in operations(schema):
        if name == "GET /api/v1/schema/":
            assert "401" not in operation["responses"]
            continue
        assert error_schema(operation, "401") == ERRORS, name
        if "{" in name:
            assert error_schema(operation, "404") == ERRORS, name
        if query_names(operation) or "requestBody" in operation:
            assert error_schema(operation, "400") == ERRORS, name
        for status, response in operation["responses"].items():
            if status.startswith("4"):
                assert response["description"], f"{name} {status}"


def test_case_content_describes_the_404_a_lay_adviser_gets(schema):
    listed = dict(operations(schema))
    for name in ("GET /api/v1/cases/", "POST /api/v1/nominals/", "GET /api/v1/marac/dash/"):
        assert error_schema(listed[name], "404") == ERRORS, name
    assert "404" not in listed["GET /api/v1/me/"]["responses"]


def test_enumerated_parameters_list_their_values(schema):
    cases = dict(operations(schema))["GET /api/v1/cases/"]
    parameters = {p["name"]: p["schema"] for p in cases["parameters"]}
    assert parameters["level"] == {"type": "integer", "enum": [1, 2, 3]}
    assert parameters["open"] == {"type": "boolean"}
    assert parameters["page_size"] == {"type": "integer", "minimum": 1, "maximum": 200}


def test_the_annual_statistics_are_described_as_the_contract_defines_them(schema):
    annual = dict(operations(schema))["GET /api/v1/statistics/annual/"]
    ref = annual["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    report = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert set(report["required"]) == {
        "area",
        "year",
        "eligible_on_31_march",
        "rso_per_100k_population",
        "level_2_3_during_year",
        "rso_notification_breach_sanctions",
        "rso_lifetime_notification_revoked",
        "shpos_imposed",
        "shpos_with_foreign_travel_prohibition",
        "notification_orders_imposed",
        "sros_imposed",
        "sro_breach_sanctions",
        "returned_to_custody",
        "serious_further_offences_charged",
    }
    assert report["properties"]["rso_per_100k_population"]["nullable"] is True

"""The contract's API error format: {"errors": [{"field": ..., "message": ...}]}."""

from rest_framework.exceptions import ValidationError

from mappa.api.errors import exception_handler


def test_field_errors_name_their_field():
    response = exception_handler(ValidationError({"date_of_birth": ["Enter a real date"]}), {})
    assert response.status_code == 400
    assert response.data == {"errors": [{"field": "date_of_birth", "message": "Enter a real date"}]}


def test_nested_field_errors_name_the_path():
    response = exception_handler(ValidationError({"name": {"surname": ["Enter a surname"]}}), {})
    assert response.data == {"errors": [{"field": "name.surname", "message": "Enter a surname"}]}


def test_errors_that_belong_to_no_field_have_a_null_field():
    response = exception_handler(ValidationError({"non_field_errors": ["Dates overlap"]}), {})
    assert response.data == {"errors": [{"field": None, "message": "Dates overlap"}]}

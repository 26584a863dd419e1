"""The contract's error format: {"errors": [{"field": ..., "message": ...}]}."""

from __future__ import annotations

from django.http import JsonResponse
from rest_framework.views import exception_handler as drf_exception_handler


def _flatten(detail, field: str | None = None) -> list[dict]:
    if isinstance(detail, dict):
        errors = []
        for key, value in detail.items():
            name = (
                None
                if key in {"non_field_errors", "detail"}
                else (f"{field}.{key}" if field else str(key))
            )
            errors.extend(_flatten(value, name))
        return errors
    if isinstance(detail, list):
        return [error for item in detail for error in _flatten(item, field)]
    return [{"field": field, "message": str(detail)}]


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None:
        response.data = {"errors": _flatten(response.data)}
    return response


def error_response(status: int, message: str) -> JsonResponse:
    return JsonResponse({"errors": [{"field": None, "message": message}]}, status=status)

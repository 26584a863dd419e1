"""The OpenAPI schema's description of errors, the same for every operation.

Every error the API answers is `{"errors": [{"field": ..., "message": ...}]}` (errors.py),
described once as the `Errors` component. `AutoSchema` adds to each operation the errors it
can answer: 401 and 403 where a permission is needed, 404 where the path names a record, 400
where there are parameters or a body to get wrong, 412 and 428 where a change needs If-Match.
(a page past the last is a 404 too). A view may also name `ERRORS` for a status itself, e.g. `responses={200: ..., 404: ERRORS}`.
"""

from __future__ import annotations

from drf_spectacular import openapi
from rest_framework import serializers

from mappa.agencies import permissions

DESCRIPTIONS = {
    "400": "A parameter or the body cannot be used: each error names it and says why",
    "401": "No credentials, or a token or session this service does not accept",
    "403": "The caller's role does not allow this",
    "404": "No such record, or one outside the caller's scope",
    "412": "The record has changed since the ETag given in If-Match was read",
    "428": "A change needs the record's ETag in an If-Match header",
}


class ErrorSerializer(serializers.Serializer):
    field = serializers.CharField(
        allow_null=True, help_text="The parameter or field at fault, or null for the request"
    )
    message = serializers.CharField()


class ErrorsSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)


ERRORS = ErrorsSerializer


class AutoSchema(openapi.AutoSchema):
    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        errors = self.resolve_serializer(ErrorsSerializer, "response").ref
        responses = operation["responses"]
        for code in self._error_codes(operation):
            responses.setdefault(code, {"content": {"application/json": {"schema": errors}}})
        for code, response in responses.items():
            if code in DESCRIPTIONS and not response.get("description"):
                response["description"] = DESCRIPTIONS[code]
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _error_codes(self, operation) -> list[str]:
        name = getattr(self.view, "permissions_by_method", {}).get(
            self.method, getattr(self.view, "permission", None)
        )
        parameters = operation.get("parameters", [])
        codes = []
        if name != permissions.PUBLIC:
            codes.append("401")
            if name != permissions.SIGNED_IN or self.method not in ("GET", "HEAD"):
                codes.append("403")
        # Aggregates-only users (lay advisers) get 404 for case content, as if it were not there.
        case_content = name not in permissions.NOT_CASE_CONTENT
        if case_content or any(p["in"] == "path" or p["name"] == "page" for p in parameters):
            codes.append("404")
        if any(p["in"] == "query" for p in parameters) or "requestBody" in operation:
            codes.append("400")
        if any(p["in"] == "header" and p["name"].lower() == "if-match" for p in parameters):
            codes += ["412", "428"]
        return codes

"""One nominal's whole record in the API: GET, PUT and PATCH /api/v1/nominals/{id}/.

The body is the record in the import format (shared/contracts/nominal-import.md), with
`id` and `eligibility` added. A GET answers with an `ETag`; a PUT (the whole record) or a
PATCH (only the top-level keys it names, each replaced wholesale; `null` clears one: JSON
merge patch, RFC 7396, one level deep) must send it back in `If-Match`, so a change made
since the client read the record is never overwritten. Putting back an unchanged body
changes nothing. Removing convictions from a person with an open MAPPA case needs
`"confirm_removing_offences": true` in the body. README.md, "The API", says the same.
"""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticError
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa import versions
from mappa.agencies import permissions
from mappa.api.schema import ERRORS
from mappa.audit import services as audit
from mappa.people import queries, records, services
from mappa.people.api.lists import AS_OF, PassedOut, as_of_date
from mappa.people.eligibility import for_nominal
from mappa.people.import_format import NominalRecord, problems_in
from mappa.people.serializers import eligibility_out
from mappa.people.services import held

CONFIRM = "confirm_removing_offences"
READ_ONLY = ("id", "eligibility")


class NotificationOut(BaseModel):
    period: str = Field(description='"indefinite" or an ISO 8601 duration such as "P10Y"')
    start_date: date
    end_date: date | None


class EligibilityOut(BaseModel):
    category: int | None
    basis: str
    notification: NotificationOut | None
    eligibility_end_date: date | None


class NominalWholeRecord(NominalRecord):
    """A nominal's whole record in the import format, with its id and eligibility."""

    id: UUID
    eligibility: EligibilityOut


class NominalChange(NominalRecord):
    """A PUT body: the whole record in the import format. `id` and `eligibility`, as a GET
    gives them, may be sent back and are ignored."""

    id: UUID | None = None
    eligibility: dict | None = None
    confirm_removing_offences: bool = Field(
        False,
        description="true to remove convictions from a person with an open MAPPA case",
    )


class NominalPatch(BaseModel):
    """A PATCH body (application/merge-patch+json): any top-level keys of the record; each
    replaces that key wholesale, and null clears it."""

    model_config = ConfigDict(extra="allow")

    confirm_removing_offences: bool = False


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description="The ETag of the record as last read (from a GET, PUT or PATCH)",
)
CHANGE_RESPONSES = {
    200: NominalWholeRecord,
    202: PassedOut,
    400: ERRORS,
    404: ERRORS,
    412: ERRORS,
    428: ERRORS,
}
# A change giving an identifier another area holds (docs/register.md, held additions).
PASSED_CHANGE = {
    "status": "passed_to_coordinators",
    "detail": "The change was passed to the MAPPA co-ordinators and has not been made yet; "
    "you will be e-mailed when it has been decided.",
}
CHANGED = (
    "200 with the record as now held. 202 when the change is passed to the MAPPA "
    "co-ordinators for a check (docs/register.md, held additions): nothing of it is written yet."
)


def whole_record(nominal, as_of: date) -> dict:
    """The body of a GET: the record in the import format, with `id` and `eligibility`."""
    body = json.loads(records.to_record(nominal).to_json())
    body["external_ids"] = {kind: value for kind, value in body["external_ids"].items() if value}
    return {
        "id": str(nominal.id),
        **body,
        "eligibility": eligibility_out(for_nominal(nominal, as_of)),
    }


def _object(text: bytes) -> dict:
    try:
        body = json.loads(text or b"{}")
    except ValueError as error:
        raise ValidationError({"(body)": [f"not JSON: {error}"]}) from None
    if not isinstance(body, dict):
        raise ValidationError({"(body)": ["must be a JSON object"]})
    return body


def _record(nominal, body: dict) -> tuple[NominalRecord, bool]:
    """The record a body asks for, and whether it confirms removing offences."""
    confirmed = body.pop(CONFIRM, False)
    if not isinstance(confirmed, bool):
        raise ValidationError({CONFIRM: ["must be true or false"]})
    if body.pop("id", str(nominal.id)) != str(nominal.id):
        raise ValidationError({"id": ["is not the id of the nominal in the URL"]})
    body.pop("eligibility", None)
    try:
        return NominalRecord.model_validate_json(json.dumps(body)), confirmed
    except PydanticError as error:
        raise ValidationError({path: [reason] for path, reason in problems_in(error)}) from None


class NominalDetail(APIView):
    """One nominal's whole record, with eligibility evaluated on `as_of` (default today)."""

    permission = permissions.VIEW_CASES
    permissions_by_method = {"PUT": permissions.EDIT_REGISTER, "PATCH": permissions.EDIT_REGISTER}

    def _nominal(self, request, nominal_id):
        # A change (PUT, PATCH) needs the person in the user's area, not only shared by a transfer.
        changing = request.method in ("PUT", "PATCH")
        return queries.get_nominal(request.user, nominal_id, whole_record=True, changing=changing)

    def _answer(self, request, nominal, as_of: date, content: str) -> Response:
        audit.record_read(actor=request.user, subject=nominal.id, content=content)
        return Response(whole_record(nominal, as_of), headers={"ETag": versions.etag(nominal)})

    @extend_schema(
        parameters=[AS_OF],
        responses={200: NominalWholeRecord, 400: ERRORS, 404: ERRORS},
        summary="Get a nominal's whole record",
    )
    def get(self, request, nominal_id):
        as_of = as_of_date(request)
        return self._answer(
            request, self._nominal(request, nominal_id), as_of, "person record (API)"
        )

    @extend_schema(
        parameters=[IF_MATCH],
        request=NominalChange,
        responses=CHANGE_RESPONSES,
        summary="Replace a nominal's record",
        description=CHANGED,
        examples=[OpenApiExample("Removing an offence", value={CONFIRM: True}, request_only=True)],
    )
    def put(self, request, nominal_id):
        nominal = self._nominal(request, nominal_id)
        version = versions.if_match(request)
        record, confirmed = _record(nominal, _object(request.body))
        return self._change(request, nominal, record, version, confirmed)

    @extend_schema(
        parameters=[IF_MATCH],
        request={"application/merge-patch+json": NominalPatch, "application/json": NominalPatch},
        responses=CHANGE_RESPONSES,
        summary="Change some of a nominal's record (top-level keys replaced wholesale)",
        description=CHANGED,
    )
    def patch(self, request, nominal_id):
        nominal = self._nominal(request, nominal_id)
        version = versions.if_match(request)
        patch = _object(request.body)
        body = json.loads(records.to_record(nominal).to_json())
        for key, value in patch.items():
            if key in READ_ONLY or key == CONFIRM:
                body[key] = value
            elif value is None:
                body.pop(key, None)
            else:
                body[key] = value
        record, confirmed = _record(nominal, body)
        return self._change(request, nominal, record, version, confirmed)

    def _change(self, request, nominal, record, version: int, confirmed: bool) -> Response:
        try:
            saved = services.save_nominal(
                actor=request.user,
                record=record,
                nominal=nominal,
                version=version,
                via="api",
                removing_offences_confirmed=confirmed,
            )
        except versions.StaleEdit as stale:
            raise versions.refused(stale) from None
        except services.RemovalUnconfirmed as unconfirmed:
            rejected = services.RemovalUnconfirmed(
                unconfirmed.removed, confirm=f'send "{CONFIRM}": true to confirm'
            )
            raise ValidationError({path: [reason] for path, reason in rejected.problems}) from None
        except services.RecordRejected as rejected:
            raise ValidationError({path: [reason] for path, reason in rejected.problems}) from None
        except held.ChangeHeld:
            return Response(PASSED_CHANGE, status=status.HTTP_202_ACCEPTED)
        fresh = self._nominal(request, saved.id)
        return self._answer(request, fresh, timezone.localdate(), "person record (API, changed)")

"""The register in the JSON API: /api/v1/nominals/ (shared/contracts/README.md)."""

from __future__ import annotations

from datetime import date
from functools import partial

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from pydantic import BaseModel, Field
from pydantic import ValidationError as PydanticError
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa.agencies import permissions
from mappa.api import params
from mappa.api.pagination import Pages, paginated
from mappa.api.schema import ERRORS
from mappa.people import queries, services
from mappa.people.eligibility import for_nominal
from mappa.people.import_format import NominalRecord, problems_in
from mappa.people.serializers import EligibilitySerializer, NominalSerializer, eligibility_out
from mappa.people.services import held

FILTERS = ("pnc", "crn", "noms", "name")
AS_OF_PARAM = params.Date("as_of", "Evaluate eligibility on this date (default: today)")


def as_of_date(request) -> date:
    return params.Query(AS_OF_PARAM).parse(request)["as_of"] or timezone.localdate()


def _represent(nominal, as_of: date) -> dict:
    return NominalSerializer(nominal, context={"eligibility": for_nominal(nominal, as_of)}).data


class ListedNominalSerializer(NominalSerializer):
    """A nominal in the list, its eligibility evaluated on the list's `as_of` date."""

    def get_eligibility(self, nominal) -> EligibilitySerializer:
        return eligibility_out(for_nominal(nominal, self.context["as_of"]))


def _parse_body(request) -> NominalRecord:
    try:
        return NominalRecord.model_validate_json(request.body or b"{}")
    except PydanticError as error:
        raise ValidationError({path: [reason] for path, reason in problems_in(error)}) from None


def _save(request, nominal=None):
    try:
        return services.save_nominal(
            actor=request.user, record=_parse_body(request), nominal=nominal, via="api"
        )
    except services.RecordRejected as rejected:
        raise ValidationError({path: [reason] for path, reason in rejected.problems}) from None


AS_OF = AS_OF_PARAM.openapi()
PASSED = {
    "status": "passed_to_coordinators",
    "detail": "The record was passed to the MAPPA co-ordinators and has not been added yet; "
    "you will be e-mailed when it is.",
}


class PassedOut(BaseModel):
    """The record was passed to the co-ordinators for a check; nothing was added yet."""

    status: str = Field(description='Always "passed_to_coordinators"')
    detail: str


class NominalList(APIView):
    """Nominals in the caller's scope; create one from a record in the import format."""

    permission = permissions.VIEW_CASES
    permissions_by_method = {"POST": permissions.EDIT_REGISTER}
    pagination_class = Pages
    filters = params.Query(
        params.Text("pnc", "Only the nominal with this Police National Computer number"),
        params.Text("crn", "Only the nominal with this case reference number (nDelius)"),
        params.Text("noms", "Only the nominal with this prison (NOMS) number"),
        params.Text("name", "Nominals whose name or alias is like this one"),
        AS_OF_PARAM,
    )

    @extend_schema(
        parameters=filters.schema(),
        responses=NominalSerializer(many=True),
        summary="List nominals",
    )
    def get(self, request):
        query = self.filters.parse(request)
        as_of = query["as_of"] or timezone.localdate()
        nominals = queries.nominals_visible_to(request.user)
        filters = {key: query[key] for key in FILTERS if query[key]}
        for kind in ("pnc", "crn", "noms"):
            if kind in filters:
                nominals = nominals.filter(**{f"{kind}__iexact": filters[kind]})
        if "name" in filters:
            found = queries.search(request.user, queries.Criteria(name=filters["name"]))
            nominals = nominals.filter(id__in=[n.id for n in found])
        nominals = queries.with_record(nominals.order_by("surname", "forenames", "id"))
        listed = partial(ListedNominalSerializer, context={"as_of": as_of})
        response = paginated(self, request, nominals, listed)
        services.record_search(actor=request.user, query=filters, results=response.data["count"])
        return response

    @extend_schema(
        request=NominalRecord,
        responses={201: NominalSerializer, 202: PassedOut, 400: ERRORS},
        summary="Add a nominal from a record in the import format",
        description=(
            "201 with the nominal when it is added. 202 when it is passed to the MAPPA "
            "co-ordinators for a check before it is added (docs/register.md, held additions): "
            "nothing is added yet, and the submitter is e-mailed once it is."
        ),
    )
    def post(self, request):
        try:
            nominal = _save(request)
        except held.AdditionHeld:
            return Response(PASSED, status=status.HTTP_202_ACCEPTED)
        detail = queries.with_record(queries.nominals_visible_to(request.user)).get(id=nominal.id)
        return Response(_represent(detail, timezone.localdate()), status=status.HTTP_201_CREATED)

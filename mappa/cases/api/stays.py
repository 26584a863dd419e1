"""Changing a temporary stay, or ending it early, in the JSON API (docs/transfers.md).

- `GET   /api/v1/cases/{id}/stays/{stay_id}/`: one stay, with its ETag.
- `PATCH /api/v1/cases/{id}/stays/{stay_id}/`: change its `address`, `starts_on` or `ends_on`
  (the keys it names; the others are kept), with If-Match naming the stay's ETag.
- `POST  /api/v1/cases/{id}/stays/{stay_id}/end/`: end it early on `ended_on`, with If-Match.

Only the area that recorded the stay, while it manages the case, changes it: another area's
stay is a 404. The host area's co-ordinators are told of each change (a link only).
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa import versions
from mappa.agencies import permissions
from mappa.api.schema import ERRORS
from mappa.audit import services as audit
from mappa.cases import queries
from mappa.cases.api.transfers import REFUSALS, StaySerializer, _body, _if_match, _run
from mappa.cases.services import stays

STAY_IF_MATCH = _if_match("The stay's ETag as last read (from a GET of the stay)")


class StayChangeIn(serializers.Serializer):
    address = serializers.CharField(max_length=1000, required=False)
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField(required=False)


class StayEndIn(serializers.Serializer):
    ended_on = serializers.DateField(help_text="The stay's new last day, before its planned one")


def _stay_response(stay, status=200) -> Response:
    return Response(StaySerializer(stay).data, status=status, headers={"ETag": versions.etag(stay)})


def _to_change(request, case_id, stay_id):
    found = queries.get_stay_to_change(request.user, stay_id)
    if found.case_id != case_id:
        raise Http404("No such stay")
    return found


class StayDetail(APIView):
    """One stay of a case, with its ETag; PATCH changes its dates or address."""

    permission = permissions.VIEW_CASES
    permissions_by_method = {"PATCH": permissions.MANAGE_CASES}

    @extend_schema(responses={200: StaySerializer, 404: ERRORS}, summary="Get a temporary stay")
    def get(self, request, case_id, stay_id):
        found = queries.get_stay(request.user, stay_id)
        if found.case_id != case_id:
            raise Http404("No such stay")
        audit.record_read(actor=request.user, subject=found.case_id, content="stay (API)")
        return _stay_response(found)

    @extend_schema(
        parameters=[STAY_IF_MATCH],
        request=StayChangeIn,
        responses={200: StaySerializer, **REFUSALS},
        summary="Change a temporary stay's dates or address",
    )
    def patch(self, request, case_id, stay_id):
        found = _to_change(request, case_id, stay_id)
        version = versions.if_match(request)
        data = {
            "address": found.address,
            "starts_on": found.starts_on,
            "ends_on": found.ends_on,
        } | _body(StayChangeIn, request)
        _run(lambda: stays.change_stay(actor=request.user, stay=found, version=version, **data))
        return _stay_response(found)


class EndStay(APIView):
    """End a stay early: its last day becomes `ended_on`."""

    permission = permissions.MANAGE_CASES

    @extend_schema(
        parameters=[STAY_IF_MATCH],
        request=StayEndIn,
        responses={200: StaySerializer, **REFUSALS},
        summary="End a temporary stay early",
    )
    def post(self, request, case_id, stay_id):
        found = _to_change(request, case_id, stay_id)
        version = versions.if_match(request)
        data = _body(StayEndIn, request)
        _run(lambda: stays.end_stay_early(actor=request.user, stay=found, version=version, **data))
        return _stay_response(found)

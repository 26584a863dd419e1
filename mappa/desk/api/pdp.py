"""Potentially dangerous persons in the JSON API (`cases.services.pdp`; docs/pdp.md):

- POST /api/v1/nominals/{id}/pdp/: a police practitioner proposes a PDP;
- POST /api/v1/cases/{id}/pdp/decision/: a police officer decides, with their rank;
- POST /api/v1/cases/{id}/pdp/reviews/: a review continues or ends it;
- POST /api/v1/cases/{id}/pdp/mappa/: the co-ordinator moves it into MAPPA.

Each needs If-Match with the person record's ETag (a GET of the nominal or the case gives it), and
answers with the case as GET /api/v1/cases/{id}/ does. Desk endpoints because each needs the
person's eligibility from the whole record (`people.eligibility`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from mappa import versions
from mappa.agencies import permissions
from mappa.cases import queries
from mappa.cases.api import CHANGED, IF_MATCH, CaseChange, CaseDetailSerializer
from mappa.cases.constants import DecisionSource, Level, PoliceRank
from mappa.cases.services import pdp
from mappa.people import queries as people
from mappa.people.eligibility import for_nominal

RECORD_IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description="The person record's ETag as last read (from a GET of the nominal)",
)


def _eligibility(nominal):
    return for_nominal(nominal, timezone.localdate())


def _problems(refused: DjangoValidationError):
    return refused.message_dict if hasattr(refused, "error_dict") else refused.messages


class ProposalIn(serializers.Serializer):
    grounds = serializers.CharField(
        max_length=5000,
        help_text="The behaviour that gives reasonable grounds to believe there is a present "
        "likelihood of them committing an offence that will cause serious harm",
    )


class PdpProposal(APIView):
    """Propose managing a person (not eligible for MAPPA) as a potentially dangerous person."""

    permission = permissions.MANAGE_CASES

    @extend_schema(
        parameters=[RECORD_IF_MATCH],
        request=ProposalIn,
        responses={201: CaseDetailSerializer, **{k: v for k, v in CHANGED.items() if k != 200}},
        summary="Propose a potentially dangerous person",
    )
    def post(self, request, nominal_id):
        nominal = people.get_nominal(request.user, nominal_id, whole_record=True, changing=True)
        version = versions.if_match(request)
        given = ProposalIn(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            case = pdp.propose(
                actor=request.user,
                nominal=nominal,
                version=version,
                eligibility=_eligibility(nominal),
                grounds=given.validated_data["grounds"],
            )
        except versions.StaleEdit as stale:
            raise versions.refused(stale) from None
        except DjangoValidationError as refused:
            raise ValidationError(_problems(refused)) from None
        case = queries.get_case(request.user, case.id)
        return Response(
            CaseDetailSerializer(case).data,
            status=201,
            headers={"ETag": versions.etag(case.nominal)},
        )


class DecisionIn(serializers.Serializer):
    manage = serializers.BooleanField(help_text="true: manage as a PDP; false: not (it closes)")
    rank = serializers.ChoiceField(choices=PoliceRank.choices, help_text="The officer's rank")
    rationale = serializers.CharField(max_length=5000)
    decided_on = serializers.DateField()


class PdpDecisionView(CaseChange):
    """A police officer's decision whether to manage the person as a PDP, with their rank."""

    body = DecisionIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=DecisionIn,
        responses=CHANGED,
        summary="Decide whether to manage a potentially dangerous person",
    )
    def post(self, request, case_id):
        return super().post(request, case_id)

    def change(self, case, data: dict, version: int) -> None:
        pdp.decide(
            actor=self.request.user,
            case=case,
            version=version,
            eligibility=_eligibility(case.nominal),
            **data,
        )


class ReviewIn(serializers.Serializer):
    carry_on = serializers.BooleanField(help_text="true: continue as a PDP; false: end it")
    rank = serializers.ChoiceField(choices=PoliceRank.choices, help_text="The officer's rank")
    rationale = serializers.CharField(max_length=5000)
    held_on = serializers.DateField()


class PdpReview(CaseChange):
    """A review of a potentially dangerous person: continue (the next review set) or end."""

    body = ReviewIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=ReviewIn,
        responses=CHANGED,
        summary="Review a potentially dangerous person",
    )
    def post(self, request, case_id):
        return super().post(request, case_id)

    def change(self, case, data: dict, version: int) -> None:
        pdp.review(actor=self.request.user, case=case, version=version, **data)


class MoveIn(serializers.Serializer):
    level = serializers.ChoiceField(choices=Level.choices)
    source = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in DecisionSource if s != DecisionSource.IMPORT]
    )
    rationale = serializers.CharField(max_length=5000)
    decided_on = serializers.DateField()


class PdpIntoMappa(CaseChange):
    """Move a PDP into MAPPA: its category from the person's eligibility, its level decided."""

    body = MoveIn

    @extend_schema(
        parameters=[IF_MATCH],
        request=MoveIn,
        responses=CHANGED,
        summary="Move a potentially dangerous person into MAPPA",
    )
    def post(self, request, case_id):
        return super().post(request, case_id)

    def change(self, case, data: dict, version: int) -> None:
        pdp.move_into_mappa(
            actor=self.request.user,
            case=case,
            version=version,
            eligibility=_eligibility(case.nominal),
            level=data["level"],
            source=DecisionSource(data["source"]),
            rationale=data["rationale"],
            decided_on=data["decided_on"],
        )

"""How a nominal appears in the API (shared/contracts/README.md)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from mappa.people.constants import IDENTIFIERS


@extend_schema_serializer(component_name="PersonName")  # "Name" is the import format's
class NameSerializer(serializers.Serializer):
    forenames = serializers.CharField()
    surname = serializers.CharField()


class NotificationSerializer(serializers.Serializer):
    period = serializers.CharField(help_text='"indefinite" or an ISO 8601 duration such as "P10Y"')
    start_date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)


class EligibilitySerializer(serializers.Serializer):
    category = serializers.IntegerField(allow_null=True)
    basis = serializers.CharField()
    notification = NotificationSerializer(allow_null=True)
    eligibility_end_date = serializers.DateField(allow_null=True)


class MappaSerializer(serializers.Serializer):
    category = serializers.IntegerField(allow_null=True)
    level = serializers.IntegerField(allow_null=True)
    lead_agency = serializers.CharField(allow_null=True)
    start_date = serializers.DateField(allow_null=True)
    next_review_due = serializers.DateField(allow_null=True)


class AliasSerializer(serializers.Serializer):
    forenames = serializers.CharField()
    surname = serializers.CharField()
    kind = serializers.CharField()


class NominalSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    area = serializers.CharField(source="area.code")
    name = serializers.SerializerMethodField()
    aliases = AliasSerializer(many=True)
    date_of_birth = serializers.DateField(allow_null=True)
    gender = serializers.CharField()
    external_ids = serializers.SerializerMethodField()
    eligibility = serializers.SerializerMethodField()
    mappa = serializers.SerializerMethodField()

    @extend_schema_field(NameSerializer)
    def get_name(self, nominal) -> dict:
        return NameSerializer({"forenames": nominal.forenames, "surname": nominal.surname}).data

    def get_external_ids(self, nominal) -> dict[str, str]:
        return {kind: getattr(nominal, kind) for kind in IDENTIFIERS if getattr(nominal, kind)}

    def get_eligibility(self, nominal) -> EligibilitySerializer:
        return eligibility_out(self.context["eligibility"])

    @extend_schema_field(MappaSerializer(allow_null=True))
    def get_mappa(self, nominal) -> MappaSerializer | None:
        # The MAPPA case (contract: null when none); a PDP's case is not MAPPA (docs/pdp.md).
        case = next(
            (c for c in nominal.mappa_cases.all() if c.closed_on is None and not c.is_pdp), None
        )
        if case is None:
            return None
        return MappaSerializer(
            {
                "category": case.category,
                "level": case.level,
                "lead_agency": case.lead_agency or None,
                "start_date": case.start_date,
                "next_review_due": case.next_review_due,
            }
        ).data


def eligibility_out(result) -> dict:
    """An eligibility result (`mappa.people.eligibility`) as the contract's `eligibility`."""
    notification = result.notification
    return EligibilitySerializer(
        {
            "category": result.category,
            "basis": result.basis,
            "notification": None
            if notification is None
            else {
                "period": notification.period,
                "start_date": notification.start_date,
                "end_date": notification.end_date,
            },
            "eligibility_end_date": result.eligibility_end_date,
        }
    ).data

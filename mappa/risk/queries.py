"""Reads of risk records. Each goes through the case, found in the user's scope or a 404."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from mappa.agencies import permissions
from mappa.agencies.models import User
from mappa.cases import queries as cases
from mappa.cases.models import MappaCase
from mappa.people.models import Address, Nominal
from mappa.people.rules import postcode_key
from mappa.risk import rules, zones
from mappa.risk.constants import ConditionKind
from mappa.risk.models import LicenceCondition, Postcode, RiskManagementPlan, RoshAssessment


def get_case(user, case_id: UUID, *, changing: bool = False) -> MappaCase:
    """The case in the user's scope, else 404 (mappa.cases.queries.get_case); `changing` for a
    page that records risk (a case a transfer shares is read-only to the other area)."""
    return cases.get_case(user, case_id, changing=changing)


def assessments_of(case: MappaCase) -> QuerySet[RoshAssessment]:
    """A case's RoSH assessments, newest first (the case already checked for scope)."""
    return (
        RoshAssessment.objects.filter(case=case)
        .select_related("assessor__agency", "recorded_by__agency")
        .prefetch_related("ratings")
    )


def get_assessment(user, case_id: UUID, assessment_id: UUID) -> tuple[MappaCase, RoshAssessment]:
    case = get_case(user, case_id)
    assessment = assessments_of(case).filter(id=assessment_id).first()
    if assessment is None:
        raise Http404("No such assessment")
    return case, assessment


def plans_of(case: MappaCase) -> QuerySet[RiskManagementPlan]:
    """Every version of a case's risk management plan, newest first."""
    return (
        RiskManagementPlan.objects.filter(case=case)
        .select_related("created_by__agency")
        .prefetch_related("entries")
    )


def get_plan(user, case_id: UUID, version: int | None = None, *, changing: bool = False):
    """(case, plan version) — the latest when no version is given, None if there is no plan."""
    case = get_case(user, case_id, changing=changing)
    plans = plans_of(case)
    plan = plans.first() if version is None else plans.filter(version=version).first()
    if plan is None and version is not None:
        raise Http404("No such version")
    return case, plan


def conditions_of(case: MappaCase) -> QuerySet[LicenceCondition]:
    return LicenceCondition.objects.filter(case=case).select_related("recorded_by__agency")


def assessors(case: MappaCase) -> QuerySet[User]:
    """Active users of the case's area whose role records risk: who may be named as assessor."""
    roles = [
        role
        for role, held in permissions.ROLE_PERMISSIONS.items()
        if permissions.RECORD_RISK in held
    ]
    return (
        User.objects.filter(area_id=case.nominal.area_id, role__in=roles, is_active=True)
        .select_related("agency")
        .order_by("last_name", "first_name", "username")
    )


@dataclass(frozen=True)
class ZoneWarning:
    address: Address
    condition: LicenceCondition
    from_date: date  # the first day the address and the zone share
    today: date

    @property
    def starts_later(self) -> bool:
        return self.from_date > self.today

    @property
    def address_is_current(self) -> bool:
        """Lived at today (a proposed address from a later date is not current)."""
        held_from, held_to = self.address.valid_from, self.address.valid_to
        return (held_from is None or held_from <= self.today) and (
            held_to is None or self.today <= held_to
        )


def _exclusion_zones(nominal) -> QuerySet[LicenceCondition]:
    """Exclusion-zone conditions of the person's open case (`nominal` may be an OuterRef)."""
    return LicenceCondition.objects.filter(
        case__nominal=nominal,
        case__closed_on__isnull=True,
        kind=ConditionKind.EXCLUSION_ZONE,
        zone__isnull=False,
    )


def _open_case_assessments(nominal) -> QuerySet[RoshAssessment]:
    return RoshAssessment.objects.filter(case__nominal=nominal, case__closed_on__isnull=True)


def on_record() -> dict[str, Exists]:
    """Annotations for a person's own query: whether their open case has a RoSH assessment or
    an exclusion zone. Most people have neither; `person_risk` then looks for nothing."""
    return {
        "has_open_case_rosh": Exists(_open_case_assessments(OuterRef("pk"))),
        "has_exclusion_zones": Exists(_exclusion_zones(OuterRef("pk"))),
    }


def zone_warnings(nominal: Nominal, today: date) -> list[ZoneWarning]:
    """Each recorded address of the person (with a location) inside one of their exclusion
    zones on a day both apply, today or later (`rules.zone_overlap_from`): a proposed release
    address inside a zone that starts on release is warned of before the release.

    The zones are the exclusion-zone conditions of the person's open case; the person is
    already in the reader's scope. Addresses come from the prefetched record; with no
    exclusion zone found by `on_record` there is nothing to look up.
    """
    if not getattr(nominal, "has_exclusion_zones", True):
        return []
    located = [
        a for a in nominal.addresses.all() if a.latitude is not None and a.longitude is not None
    ]
    if not located:
        return []
    warnings = []
    for condition in _exclusion_zones(nominal).order_by("starts_on", "id"):
        for address in located:
            shared_from = rules.zone_overlap_from(
                address_from=address.valid_from,
                address_to=address.valid_to,
                zone_from=condition.starts_on,
                zone_to=condition.ends_on,
                today=today,
            )
            if shared_from is not None and zones.contains(
                condition.zone, latitude=address.latitude, longitude=address.longitude
            ):
                warnings.append(ZoneWarning(address, condition, shared_from, today))
    return warnings


@dataclass(frozen=True)
class PersonRisk:
    assessment: RoshAssessment | None
    warnings: list[ZoneWarning]


def person_risk(nominal: Nominal, today: date) -> PersonRisk:
    """What the person page shows: the open case's latest RoSH and any exclusion-zone warnings.

    Reads the person's cases from the prefetched record: with no open case there is no
    assessment to look up, nor when `on_record` found none.
    """
    if not getattr(nominal, "has_open_case_rosh", True) or not any(
        case.closed_on is None for case in nominal.mappa_cases.all()
    ):
        return PersonRisk(None, zone_warnings(nominal, today))
    latest = (
        _open_case_assessments(nominal)
        .select_related("assessor__agency")
        .prefetch_related("ratings")
        .first()
    )
    return PersonRisk(latest, zone_warnings(nominal, today))


def map_addresses(nominal: Nominal) -> list[dict]:
    """The person's addresses for the exclusion-zone map: by their latitude and longitude, or
    else by their postcode's location (`mappa postcodes load`), marked as placed by postcode."""
    addresses = list(nominal.addresses.all())
    keys = {postcode_key(a.postcode) for a in addresses if a.latitude is None and a.postcode}
    located = {p.key: p for p in Postcode.objects.filter(key__in=keys)} if keys else {}
    placed = []
    for address in addresses:
        by_postcode = address.latitude is None or address.longitude is None
        where = located.get(postcode_key(address.postcode)) if by_postcode else address
        if where is None:
            continue
        placed.append(
            {
                "label": f"{address} ({address.get_kind_display().lower()})",
                "latitude": float(where.latitude),
                "longitude": float(where.longitude),
                "by_postcode": by_postcode,
            }
        )
    return placed


def map_zones(case: MappaCase) -> list[dict]:
    """The case's exclusion zones for the map, each with its description and dates."""
    return [
        {
            "geometry": condition.zone,
            "description": condition.description,
            "starts_on": condition.starts_on.isoformat(),
            "ends_on": condition.ends_on.isoformat() if condition.ends_on else None,
        }
        for condition in conditions_of(case).filter(
            kind=ConditionKind.EXCLUSION_ZONE, zone__isnull=False
        )
    ]
